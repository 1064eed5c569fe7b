using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Procurement.Portal.Auth;

/// <summary>The signed-in person of the current circuit (or request): who, which roles, which organisation, and their token.</summary>
public sealed class PortalUser(AuthenticationStateProvider authentication, PortalTokenService tokens)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The access token for an API call, refreshed when due; <see cref="PortalSessionEndedException"/> when the session is over.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var principal = await PrincipalAsync();
        return await tokens.GetAccessTokenAsync(principal.FindFirstValue(PortalAuthentication.SessionClaim), cancellationToken)
            ?? throw new PortalSessionEndedException();
    }

    /// <summary>The person's roles, by each identity's own role claim type (the portal's cookie uses <c>role</c>).</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal principal) =>
        [.. principal.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal)];
}

/// <summary>The portal session's tokens are gone (signed out elsewhere, expired, or the portal restarted): sign in again.</summary>
public sealed class PortalSessionEndedException() : Exception("The portal session has ended; sign in again.");
