using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already checked the client, its permissions, the grant,
/// the code's PKCE verifier and the refresh token before the request reaches this handler; here the
/// holder's claims are (re)built from the current user, so a changed role shows in the next token.
/// </summary>
internal static class TokenEndpoints
{
    public const string TokenPath = "connect/token";

    /// <summary>RFC 7009 revocation, answered by OpenIddict without a handler here (no passthrough).</summary>
    public const string RevocationPath = "connect/revoke";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + TokenPath, ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http,
        UserManager<ProcurementUser> users,
        IOpenIddictApplicationManager applications,
        PasswordCheck passwords,
        TwoFactorRequirement twoFactor,
        TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            // Reaches here in Development only: elsewhere the server does not allow the grant.
            var user = await passwords.CheckAsync(request.Username, request.Password, request.ClientId, http.RequestAborted);
            if (user is null)
            {
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong, or the user name is locked for a while.");
            }

            // A password alone does not sign in who needs a second factor: the grant has no step for it.
            if (await twoFactor.NeedsSecondFactorAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "This user signs in with a second factor: use the login page.");
            }

            await passwords.SignedInAsync(user, passwords.Normalise(request.Username!), request.ClientId);
            return SignIn(await principals.ForUserAsync(user, request.GetScopes(), LoginCulture.Of(http.Request)));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user no longer exists or may no longer sign in.");
            }

            // In the language the code was issued in: the portal's server calls without the user's cookie.
            return SignIn(await principals.ForUserAsync(user, result.Principal!.GetScopes(), TokenPrincipals.CultureOf(result.Principal)));
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client was authenticated but cannot be found.");
            return SignIn(principals.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(application), request.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    internal static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
