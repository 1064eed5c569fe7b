using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Auth;

/// <summary>
/// The portal signs people in as an OpenID Connect client of Identity (authorization code with PKCE, the public client
/// <c>procurement-portal</c>) into a cookie session of its own. The tokens stay on the server
/// (<see cref="PortalTokenStore"/>); the cookie carries the person's name, roles and organisation and the session id.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = "Procurement.Portal.Cookie";
    public const string OidcScheme = "Procurement.Portal.Oidc";

    /// <summary>The host's default scheme: the portal's cookie for portal requests, the bearer token for the API.</summary>
    public const string SelectorScheme = "Procurement.Portal.Selector";

    public const string SessionClaim = "portal_session";
    public const string OrganisationNameClaim = "org_name";

    /// <summary>The person's display name (王芳), beside the user name in <c>name</c>.</summary>
    public const string DisplayNameClaim = "nickname";

    /// <summary>The policy of every portal page: a signed-in person (by the portal's cookie).</summary>
    public const string SignedInPolicy = "portal-signed-in";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        builder.Services.AddSingleton<PortalTokenStore>();
        builder.Services.AddSingleton<PortalTokenService>();
        builder.Services.AddHttpClient(PortalTokenService.BackchannelClient);

        builder.Services.AddAuthentication()
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                PortalPaths.IsPortal(context.Request.Path) ? CookieScheme : JwtBearerDefaults.AuthenticationScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "procurement.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.ForwardChallenge = OidcScheme;
                o.Events.OnValidatePrincipal = async context =>
                {
                    // A session whose tokens are gone (the portal restarted, or it was ended) is no session.
                    var store = context.HttpContext.RequestServices.GetRequiredService<PortalTokenStore>();
                    if (store.Find(context.Principal?.FindFirstValue(SessionClaim)) is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieScheme);
                    }
                };
            })
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = options.AuthorityUri.ToString();
                o.RequireHttpsMetadata = options.AuthorityUri.Scheme == Uri.UriSchemeHttps;
                o.ClientId = options.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;

                // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and
                // work on plain http too (a form_post would need SameSite=None, which browsers keep only on https).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "api", "offline_access" })
                {
                    o.Scope.Add(scope);
                }

                o.SignInScheme = CookieScheme;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.TokenValidationParameters.NameClaimType = ProcurementClaims.Name;
                o.TokenValidationParameters.RoleClaimType = ProcurementClaims.Role;
                o.Events.OnTokenValidated = context =>
                {
                    var response = context.TokenEndpointResponse
                        ?? throw new InvalidOperationException("The code flow ended without a token response.");
                    var services = context.HttpContext.RequestServices;
                    var clock = services.GetRequiredService<TimeProvider>();
                    var expiresIn = int.TryParse(response.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 3600;
                    var session = services.GetRequiredService<PortalTokenStore>().Add(
                        new PortalTokens(response.AccessToken, response.RefreshToken, response.IdToken, clock.GetUtcNow().AddSeconds(expiresIn)),
                        options.SessionLifetime);
                    context.Principal = SessionPrincipal(context.Principal!, response.AccessToken, session);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    if (context.Properties.Items.TryGetValue(IdTokenHintItem, out var hint) && hint is not null)
                    {
                        context.ProtocolMessage.IdTokenHint = hint;
                    }

                    return Task.CompletedTask;
                };
            });

        builder.Services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultAuthenticateScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
            o.DefaultForbidScheme = SelectorScheme;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    internal const string IdTokenHintItem = "portal.id_token_hint";

    /// <summary>
    /// The cookie's principal: who (subject, name), their roles and organisation — from the id token, else from the
    /// access token Identity issued beside it (read, not validated again: it came straight from Identity's token
    /// endpoint) — and the session id of the tokens on the server.
    /// </summary>
    internal static ClaimsPrincipal SessionPrincipal(ClaimsPrincipal fromIdToken, string accessToken, string session)
    {
        var access = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        string? First(string type) => fromIdToken.FindFirstValue(type) ?? access.Claims.FirstOrDefault(c => c.Type == type)?.Value;

        var identity = new ClaimsIdentity(CookieScheme, ProcurementClaims.Name, ProcurementClaims.Role);
        foreach (var type in new[] { ProcurementClaims.Subject, ProcurementClaims.Name, ProcurementClaims.OrganisationId, OrganisationNameClaim, DisplayNameClaim })
        {
            if (First(type) is { } value)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        var roles = fromIdToken.FindAll(ProcurementClaims.Role).Select(c => c.Value)
            .Concat(access.Claims.Where(c => c.Type == ProcurementClaims.Role).Select(c => c.Value))
            .Distinct(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ProcurementClaims.Role, role));
        }

        identity.AddClaim(new Claim(SessionClaim, session));
        return new ClaimsPrincipal(identity);
    }
}
