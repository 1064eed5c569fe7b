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

    /// <summary>RFC 8176 <c>amr</c>: a password.</summary>
    public const string PasswordMethod = "pwd";

    /// <summary>RFC 8176 <c>amr</c>: a one-time password (an authenticator app's code, or a recovery code).</summary>
    public const string OneTimePasswordMethod = "otp";

    /// <summary>RFC 8176 <c>amr</c>: more than one factor.</summary>
    public const string MultiFactorMethod = "mfa";

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
        TokenPrincipals principals,
        SessionEnded sessions)
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
            return SignIn(await principals.ForUserAsync(user, request.GetScopes(), LoginCulture.Of(http.Request), [PasswordMethod]));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var principal = result.Principal ?? throw new InvalidOperationException("OpenIddict validated the grant but gave no principal.");
            var subject = principal.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);

            // A code or refresh token from before a deactivation, a lockout, a new password or a revoked role mints
            // nothing (a refresh token issued before a role was taken away would carry the old roles' session on).
            if (await sessions.EndedAsync(user, principal.GetClaim(TokenPrincipals.SecurityStampClaim), principal.GetCreationDate()))
            {
                return Refuse(Errors.InvalidGrant, "The user no longer exists or may no longer sign in.");
            }

            // In the language the code was issued in: the portal's server calls without the user's cookie.
            return SignIn(await principals.ForUserAsync(user!, principal.GetScopes(), TokenPrincipals.CultureOf(principal),
                TokenPrincipals.AuthenticationMethodsOf(principal)));
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
