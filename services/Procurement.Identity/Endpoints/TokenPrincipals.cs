using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// What a token says about its holder: <c>sub</c>, <c>name</c>, one <c>role</c> per role and <c>org_id</c>
/// for a person; <c>sub</c> = <c>client_id</c> and no person role for a machine client. Every claim goes
/// into the access token; name and org_id also into the identity token when the profile scope was granted,
/// the roles when the roles scope was. The audience is always the platform's API.
/// </summary>
internal sealed class TokenPrincipals(UserManager<ProcurementUser> users, TokenKeys keys)
{
    public async Task<ClaimsPrincipal> ForUserAsync(ProcurementUser user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(ProcurementClaims.OrganisationId, user.OrganisationId.ToString())
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return Finish(identity, scopes);
    }

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
        Claims.Name or ProcurementClaims.OrganisationId when identity.HasScope(Scopes.Profile) =>
            [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
