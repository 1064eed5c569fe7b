using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// Keeps Identity's <see cref="UserAccessRevoked"/> in one service database (its <see cref="RevokedUser"/> row holds the
/// latest instant, so a late or repeated message never moves it back) and in the process's <see cref="RevokedUsers"/>
/// once the row is saved. Registered for every service database with an outbox by
/// <see cref="Persistence.DatabaseExtensions.AddServiceDatabase{TContext}"/>: in the Standalone each database keeps its row
/// and one cache serves them all; in the distributed mode each service consumes its own copy from its queue.
/// </summary>
public sealed class UserAccessRevokedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<UserAccessRevokedConsumer<TContext>> logger, RevokedUsers revoked)
    : IdempotentConsumer<TContext, UserAccessRevoked>(db, clock, logger)
    where TContext : DbContext, IOutboxContext
{
    protected override async Task HandleAsync(UserAccessRevoked message, ConsumeContext<UserAccessRevoked> context)
    {
        var userId = message.UserId.ToString();
        var row = await Db.RevokedUsers.FirstOrDefaultAsync(r => r.UserId == userId, context.CancellationToken);
        if (row is null)
        {
            Db.RevokedUsers.Add(new RevokedUser { UserId = userId, RevokedAt = message.OccurredAt });
        }
        else if (row.RevokedAt < message.OccurredAt)
        {
            row.RevokedAt = message.OccurredAt;
        }

        // The cache learns it now; were the save to fail, the revocation is only kept in memory a little early, and the
        // retry (or the next start, from another database's row) confirms it. A revocation is never taken back.
        revoked.Revoke(userId, message.OccurredAt);
    }
}
