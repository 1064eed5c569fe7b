using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// The users whose access ended, in memory: user id (the token's <c>sub</c>) → the latest instant their access was
/// revoked. One per process, whatever number of service databases it hosts (the Standalone has all of them): each
/// database's <see cref="RevokedUser"/> rows are loaded when the host prepares its databases, and each database's
/// <see cref="UserAccessRevokedConsumer{TContext}"/> adds what arrives later. The token validation asks it once per
/// request, without a database call.
/// </summary>
public sealed class RevokedUsers
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _latest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many users are known revoked.</summary>
    public int Count => _latest.Count;

    /// <summary>Keeps <paramref name="revokedAt"/> for <paramref name="userId"/> unless a later instant is already kept.</summary>
    public void Revoke(string userId, DateTimeOffset revokedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _latest.AddOrUpdate(userId, revokedAt, (_, kept) => kept >= revokedAt ? kept : revokedAt);
    }

    /// <summary>The latest revocation of <paramref name="userId"/>; null when its access never ended.</summary>
    public DateTimeOffset? RevokedAt(string? userId) =>
        userId is not null && _latest.TryGetValue(userId, out var at) ? at : null;

    /// <summary>
    /// Whether a token of <paramref name="userId"/> issued at <paramref name="issuedAt"/> is refused: its access was revoked at
    /// or after that instant. A JWT's <c>iat</c> has whole seconds, so a token issued in the same second as the revocation
    /// (before or after it: the token cannot tell) is refused; one from the next second on is accepted.
    /// </summary>
    public bool Refuses(string? userId, DateTimeOffset issuedAt) =>
        RevokedAt(userId) is { } revokedAt && revokedAt >= issuedAt;

    /// <summary>Adds every row of <paramref name="db"/>'s <c>RevokedUsers</c> table (a host starting, on its data folder).</summary>
    public async Task LoadAsync(IOutboxContext db, CancellationToken cancellationToken = default)
    {
        foreach (var row in await db.RevokedUsers.AsNoTracking().ToListAsync(cancellationToken))
        {
            Revoke(row.UserId, row.RevokedAt);
        }
    }
}
