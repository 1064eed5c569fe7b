using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
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
                options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevoked };
            });

        builder.Services.AddAuthorizationBuilder().AddProcurementPolicies();
        return builder;
    }

    /// <summary>
    /// A token whose user's access ended at or after it was issued (<see cref="RevokedUsers"/>) is refused: 401, as an
    /// expired one. The host without a service database (the gateway) has no revocations and leaves this to the service
    /// behind it, which validates the same token again.
    /// </summary>
    internal static Task RefuseRevoked(TokenValidatedContext context)
    {
        var revoked = context.HttpContext.RequestServices.GetService<RevokedUsers>();
        if (revoked is null || revoked.Count == 0)
        {
            return Task.CompletedTask;
        }

        var subject = context.Principal?.FindFirst(ProcurementClaims.Subject)?.Value;
        var issuedAt = context.SecurityToken is JsonWebToken token && token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat)
            ? DateTimeOffset.FromUnixTimeSeconds(iat)
            : DateTimeOffset.MinValue;
        if (revoked.Refuses(subject, issuedAt))
        {
            context.Fail("The user's access was revoked after this token was issued; the user signs in again.");
        }

        return Task.CompletedTask;
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
