using OpenIddict.Abstractions;
using Procurement.Contracts.Identity;
using Procurement.Identity.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Identity.Accounts;

/// <summary>
/// Ends a user's access at once: revokes every OpenIddict token (refresh tokens included) and authorization of the
/// user, and raises <see cref="UserAccessRevoked"/> so that every service refuses the access tokens issued up to now.
/// The event is saved with the caller's next SaveChanges (in the same transaction as the change that caused it).
/// </summary>
public sealed class UserAccess(IdentityDb db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
{
    public const string Deactivated = "deactivated";
    public const string RoleRevoked = "role_revoked";
    public const string PasswordReset = "password_reset";

    public async Task RevokeAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var subject = userId.ToString();
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        db.Raise(new UserAccessRevoked(userId, reason, clock.GetUtcNow()));
    }
}
