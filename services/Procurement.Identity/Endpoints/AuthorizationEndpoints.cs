using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The browser side of the authorization-code flow: <c>/connect/authorize</c> issues a code for the user
/// signed in with the login cookie (or sends them to the login page first), <c>/connect/endsession</c>
/// signs them out (the portal sends <c>id_token_hint</c> and its registered <c>post_logout_redirect_uri</c>),
/// <c>/connect/userinfo</c> answers who the access token's holder is, with the identity token's claims.
/// </summary>
internal static class AuthorizationEndpoints
{
    public const string AuthorizePath = "connect/authorize";
    public const string EndSessionPath = "connect/endsession";
    public const string UserInfoPath = "connect/userinfo";

    private static readonly string[] GetAndPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/" + AuthorizePath, GetAndPost, AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/" + EndSessionPath, GetAndPost, (Delegate)EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/" + UserInfoPath, GetAndPost, UserInfoAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http,
        UserManager<ProcurementUser> users,
        IOpenIddictApplicationManager applications,
        TokenPrincipals principals,
        SessionEnded sessions)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await http.AuthenticateAsync(IdentityModule.CookieScheme);
        var subject = cookie.Succeeded ? cookie.Principal.GetClaim(Claims.Subject) : null;
        var user = subject is null ? null : await users.FindByIdAsync(subject);

        // A cookie of a user since deactivated, locked, given a new password, or whose access was revoked after it was
        // issued, signs nobody in: the user signs in again (no code is issued silently).
        if (user is null
            || await sessions.EndedAsync(user, cookie.Principal!.GetClaim(TokenPrincipals.SecurityStampClaim), cookie.Properties!.IssuedUtc)
            || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoints.Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this endpoint after the login page, without prompt=login (it would loop).
            var parameters = (http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)http.Request.Form : http.Request.Query)
                .Where(parameter => parameter.Key != Parameters.Prompt);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityModule.CookieScheme]);
        }

        // The portal is first-party: no consent screen. Another client given the authorization endpoint
        // without implicit consent is refused rather than silently trusted.
        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("The client was validated but cannot be found.");
        if (await applications.GetConsentTypeAsync(application) != ConsentTypes.Implicit)
        {
            return TokenEndpoints.Refuse(Errors.ConsentRequired, "This client needs a consent this server does not ask for.");
        }

        return Results.SignIn(
            await principals.ForUserAsync(user, request.GetScopes(), LoginCulture.Of(http.Request), TokenPrincipals.AuthenticationMethodsOf(cookie.Principal)),
            properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentityModule.CookieScheme);

        // OpenIddict redirects to the client's registered post_logout_redirect_uri when one was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = AccountEndpoints.LoginPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<ProcurementUser> users, TokenPrincipals principals)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (user is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token's holder is not a user.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var principal = result.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.Id.ToString(),
        };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName ?? "";
            claims[ProcurementClaims.OrganisationId] = user.OrganisationId.ToString();
            foreach (var (type, value) in await principals.DisplayClaimsAsync(user, TokenPrincipals.CultureOf(principal)))
            {
                claims[type] = value;
            }
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(claims);
    }
}
