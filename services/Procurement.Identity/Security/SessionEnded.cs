using Microsoft.AspNetCore.Identity;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Security;

/// <summary>
/// Whether something Identity issued earlier — its sign-in cookie, an authorization code, a refresh token — may still be
/// used for <paramref name="user"/>: not when the user is gone, deactivated or locked, when the security stamp changed since
/// (a password reset, a new authenticator), or when the user's access was revoked at or after it was issued (a role taken
/// away: Identity hears its own <c>UserAccessRevoked</c> as every service does, <see cref="RevokedUsers"/>).
/// </summary>
internal sealed class SessionEnded(UserManager<ProcurementUser> users, RevokedUsers revoked)
{
    public async Task<bool> EndedAsync(ProcurementUser? user, string? securityStamp, DateTimeOffset? issuedAt)
    {
        if (user is null || user.DeactivatedAt is not null || await users.IsLockedOutAsync(user))
        {
            return true;
        }

        if (!string.Equals(securityStamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal))
        {
            return true;
        }

        // Without an issue time nothing shows it came after a revocation.
        return issuedAt is not { } at ? revoked.RevokedAt(user.Id.ToString()) is not null : revoked.Refuses(user.Id.ToString(), at);
    }
}
