using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Procurement.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates the access tokens Identity issues: signed JWTs (access-token encryption is off in
    /// Identity) checked against the configured public key, issuer and audience — no call to Identity
    /// per request, and the gateway and every service validate alike. One authorization policy per role.
    /// </summary>
    public static WebApplicationBuilder AddProcurementAuthentication(this WebApplicationBuilder builder)
    {
        DevelopmentKeys.RefuseOutsideDevelopment(builder.Configuration, builder.Environment, TokenKeys.SigningKeySetting, TokenKeys.EncryptionKeySetting);
        var keys = TokenKeys.Load(builder);
        builder.Services.TryAddSingleton(keys);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = keys.Issuer,
                    ValidAudience = keys.Audience,
                    IssuerSigningKey = keys.SigningKey,
                    NameClaimType = ProcurementClaims.Name,
                    RoleClaimType = ProcurementClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });

        builder.Services.AddAuthorizationBuilder().AddProcurementPolicies();
        return builder;
    }

    public static AuthorizationBuilder AddProcurementPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in (string[])[.. Roles.All, Roles.OrganisationAdmin])
        {
            authorization.AddPolicy(role, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(role)
                .RequireClaim(ProcurementClaims.OrganisationId));
        }

        authorization.AddPolicy(Policies.AnyUser, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return authorization;
    }
}

public static class Policies
{
    /// <summary>Any caller with a valid token, person or machine client.</summary>
    public const string AnyUser = "any-user";
}
