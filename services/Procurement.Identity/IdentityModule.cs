using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.Identity.Security;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity;

/// <summary>
/// The OpenIddict server, users, roles, organisations and clients. It shares a host with other modules
/// in the Standalone, so it adds schemes without touching the default one (JwtBearer, from ServiceDefaults)
/// and maps only <c>/connect/*</c> and <c>/account/*</c>. <c>/connect/revoke</c> (RFC 7009) is answered by
/// OpenIddict itself: the portal revokes its refresh token there when the user signs out.
/// </summary>
public static class IdentityModule
{
    /// <summary>The sign-in cookie of the login page; only the authorization endpoint reads it.</summary>
    public const string CookieScheme = "Procurement.Identity.Cookie";

    /// <summary>The scope that grants access to the platform's APIs.</summary>
    public const string ApiScope = "api";

    public const string PortalClientId = "procurement-portal";
    public const string MachineClientId = "procurement-machine";

    /// <summary>Development only: the command-line client allowed the password grant.</summary>
    public const string CliClientId = "procurement-cli";

    public static ServiceModule Module { get; } = new("Identity", b => b.AddProcurementIdentity(), a => a.MapProcurementIdentity());

    public static WebApplicationBuilder AddProcurementIdentity(this WebApplicationBuilder builder)
    {
        var keys = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(TokenKeys))?.ImplementationInstance as TokenKeys
            ?? TokenKeys.Load(builder);
        var development = builder.Environment.IsDevelopment();
        var allowHttp = development || builder.Configuration.GetValue<bool>(IdentitySettings.AllowHttp);

        builder.AddServiceDatabase<IdentityDb>("Identity");
        builder.AddMailOutbox<IdentityDb>();

        // AddIdentityCore, not AddIdentity: the latter would make its cookies the host's default schemes.
        // Identity's own lockout stays off: PasswordCheck locks per user name typed, known or not (SignInLockoutOptions).
        // A lockout end an administrator sets still closes an account. Passwords follow PasswordPolicy alone (length,
        // common passwords, user name), without Identity's composition rules.
        builder.Services.AddIdentityCore<ProcurementUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 0;
                options.Password.RequiredUniqueChars = 0;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddTokenProvider<AuthenticatorTokenProvider<ProcurementUser>>(TokenOptions.DefaultAuthenticatorProvider);
        builder.Services.AddScoped<TwoFactorRequirement>();
        builder.Services.AddSingleton<TwoFactorTickets>();

        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "procurement.identity";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = AccountEndpoints.LoginPath;
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "procurement.identity.antiforgery");

        // The login page's texts (Resources/, see LoginTexts); the resource folder is fixed on the assembly,
        // so whatever ResourcesPath another module of the same host sets does not move it.
        builder.Services.AddLocalization();

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(options =>
            {
                options.SetIssuer(new Uri(keys.Issuer, UriKind.Absolute))
                    .SetAuthorizationEndpointUris(AuthorizationEndpoints.AuthorizePath)
                    .SetTokenEndpointUris(TokenEndpoints.TokenPath)
                    .SetRevocationEndpointUris(TokenEndpoints.RevocationPath)
                    .SetEndSessionEndpointUris(AuthorizationEndpoints.EndSessionPath)
                    .SetUserInfoEndpointUris(AuthorizationEndpoints.UserInfoPath);

                options.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                if (development)
                {
                    // The password grant exists for the demo CLI only; outside Development the server
                    // does not know the grant at all and answers unsupported_grant_type.
                    options.AllowPasswordFlow();
                }

                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, ApiScope, Scopes.OfflineAccess);
                options.RegisterClaims(Claims.Name, Claims.Nickname, Claims.Locale, Claims.Role,
                    ProcurementClaims.OrganisationId, TokenPrincipals.OrganisationNameClaim);

                options.SetAccessTokenLifetime(IdentitySettings.Lifetime(builder.Configuration, IdentitySettings.AccessTokenLifetime, TimeSpan.FromHours(1)))
                    .SetRefreshTokenLifetime(IdentitySettings.Lifetime(builder.Configuration, IdentitySettings.RefreshTokenLifetime, TimeSpan.FromDays(14)));

                // Keys from configuration, shared with every validator; the services validate access
                // tokens as plain signed JWTs, so access-token encryption is off (codes and refresh
                // tokens stay encrypted with the symmetric key).
                options.AddSigningKey(keys.SigningKey);
                options.AddEncryptionKey(keys.RequireEncryptionKey());
                options.DisableAccessTokenEncryption();

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<OneTimeLinks>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddScoped<UserAccess>();
        builder.Services.AddScoped<AgencyRegistration>();
        builder.AddPasswordChecks();
        builder.Services.AddHostedService<IdentitySeeder>();
        builder.Services.AddHostedService<DevelopmentCredentialCheck>();
        return builder;
    }

    public static WebApplication MapProcurementIdentity(this WebApplication app)
    {
        app.MapAuthorizationEndpoints();
        app.MapTokenEndpoint();
        app.MapAccountEndpoints();
        app.MapSecurityLogEndpoints();
        app.MapSetPasswordEndpoints();
        app.MapOrganisationEndpoints();
        app.MapUserEndpoints();
        app.MapForgotPasswordEndpoints();
        app.MapAgencyRegistrationEndpoints();
        app.MapConfirmEmailEndpoints();
        return app;
    }
}
