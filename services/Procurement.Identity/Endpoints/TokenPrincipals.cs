using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// What a token says about its holder: <c>sub</c>, <c>name</c> (the user name), one <c>role</c> per role,
/// <c>org_id</c> and <c>locale</c> for a person; <c>sub</c> = <c>client_id</c> and no person role for a machine
/// client. Every claim but the names for display goes into the access token; with the profile scope the identity
/// token also carries name, org_id, locale, <c>org_name</c> (the organisation's name) and <c>nickname</c> (the
/// person's display name), both in the user's language (<see cref="BilingualName"/>), so the portal can show
/// "示范区民政局 · purchaser" without another call; the roles when the roles scope was granted.
/// The audience is always the platform's API.
/// </summary>
internal sealed class TokenPrincipals(UserManager<ProcurementUser> users, IdentityDb db, TokenKeys keys)
{
    /// <summary>The organisation's display name, in the identity token and userinfo.</summary>
    public const string OrganisationNameClaim = "org_name";

    /// <summary>
    /// The user's security stamp when the principal was made: kept in the authorization code and the refresh token (never in
    /// an access or identity token), so a code or refresh token from before a password reset, or any other change of the
    /// stamp, mints nothing (<see cref="SessionEnded"/>).
    /// </summary>
    public const string SecurityStampClaim = "procurement_stamp";

    /// <summary>
    /// The user's principal; <paramref name="authenticationMethods"/> are the <c>amr</c> values of the sign-in it comes from
    /// (<c>pwd</c>, and <c>otp</c> and <c>mfa</c> after an authenticator's code), carried into the access and identity tokens.
    /// </summary>
    public async Task<ClaimsPrincipal> ForUserAsync(
        ProcurementUser user, IEnumerable<string> scopes, CultureInfo culture, IEnumerable<string>? authenticationMethods = null)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(ProcurementClaims.OrganisationId, user.OrganisationId.ToString())
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user));
        var methods = (authenticationMethods ?? []).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (methods.Length > 0)
        {
            identity.SetClaims(Claims.AuthenticationMethodReference, methods);
        }

        foreach (var (type, value) in await DisplayClaimsAsync(user, culture))
        {
            identity.SetClaim(type, value);
        }

        return Finish(identity, scopes);
    }

    /// <summary><c>locale</c>, <c>nickname</c> and <c>org_name</c> in <paramref name="culture"/>'s language.</summary>
    public async Task<IReadOnlyList<(string Type, string Value)>> DisplayClaimsAsync(ProcurementUser user, CultureInfo culture)
    {
        var chinese = ProblemMessages.IsChinese(culture);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync();
        List<(string, string)> claims =
        [
            (Claims.Locale, culture.Name),
            (Claims.Nickname, BilingualName.In(user.DisplayName, chinese)),
        ];
        if (organisation is not null)
        {
            claims.Add((OrganisationNameClaim, BilingualName.In(organisation, chinese)));
        }

        return claims;
    }

    /// <summary>The <c>amr</c> values of a principal (a sign-in cookie, an authorization code, a refresh token).</summary>
    public static IReadOnlyList<string> AuthenticationMethodsOf(ClaimsPrincipal? principal) =>
        principal?.GetClaims(Claims.AuthenticationMethodReference) is { IsDefaultOrEmpty: false } methods ? methods : [];

    /// <summary>The language a token's principal was issued in (kept through refreshes), or the default.</summary>
    public static CultureInfo CultureOf(ClaimsPrincipal? principal) =>
        LoginCulture.Parse(principal?.GetClaim(Claims.Locale)) ?? LoginCulture.Chinese;

    public ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.ClientId, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes.ToImmutableArray());
        identity.SetResources(keys.Audience);
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    private static string[] DestinationsOf(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name or ProcurementClaims.OrganisationId or Claims.Locale when identity.HasScope(Scopes.Profile) =>
            [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Nickname or OrganisationNameClaim => identity.HasScope(Scopes.Profile) ? [Destinations.IdentityToken] : [],
        Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.AuthenticationMethodReference => [Destinations.AccessToken, Destinations.IdentityToken],
        SecurityStampClaim => [],
        _ => [Destinations.AccessToken],
    };
}
