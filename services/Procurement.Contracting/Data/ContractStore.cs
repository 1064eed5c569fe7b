using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Data;

public static class ContractStore
{
    /// <summary>The first day of the consecutive run with one agency that the contract belongs to, reading its predecessors.</summary>
    public static async Task<DateOnly> ConsecutiveSinceAsync(this ContractingDb db, Contract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        var loaded = new Dictionary<Guid, Contract>();
        var current = contract;
        while (current.PredecessorId is { } predecessorId && !loaded.ContainsKey(predecessorId))
        {
            var predecessor = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == predecessorId, cancellationToken);
            if (predecessor is null)
            {
                break;
            }

            loaded[predecessorId] = predecessor;
            current = predecessor;
        }

        return ContractChain.ConsecutiveSince(contract, id => loaded.GetValueOrDefault(id));
    }

    /// <summary>
    /// When <paramref name="contract"/> is a renewal's successor now signed by both parties, notes it on its predecessor, so
    /// the renewed predecessor is no longer bridged (its lifecycle's guard). Saving is the caller's.
    /// </summary>
    public static async Task NoteSuccessorSignedAsync(this ContractingDb db, Contract contract, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.BothSigned && contract.PredecessorId is { } predecessorId
            && await db.Contracts.FirstOrDefaultAsync(c => c.Id == predecessorId && c.SuccessorId == contract.Id, cancellationToken) is { } predecessor)
        {
            predecessor.SuccessorSigned(now);
        }
    }

    /// <summary>
    /// A bridge extension (DOMAIN.md §2) of <paramref name="contract"/> by <paramref name="months"/>, with its events:
    /// the lifecycle's <c>ExtendBridge</c>, and — when the contract's successor (its renewal's, or the program's next
    /// contract) is not yet signed by both parties and would start inside the extension — that successor postponed by the
    /// same months, so the two never fund the same day. Saving is the caller's.
    /// </summary>
    public static async Task ExtendBridgeAsync(
        this ContractingDb db, Contract contract, int months, string? text, Guid? actor, ContractRules rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        var follower = await db.SuccessorOfAsync(contract, cancellationToken);
        var successor = follower is { BothSigned: false }
            ? await db.ContractsWithRecords.FirstAsync(c => c.Id == follower.Id, cancellationToken)
            : null;
        var successorSince = successor is null ? (DateOnly?)null : await db.ConsecutiveSinceAsync(successor, cancellationToken);
        if (BridgeExtension.Extend(
                contract, successor, months, text, await db.ConsecutiveSinceAsync(contract, cancellationToken), successorSince, actor, rules, now))
        {
            db.RaiseChanges(successor!);
        }

        db.RaiseChanges(contract);
    }

    /// <summary>
    /// The contract that follows <paramref name="contract"/> in its program: its renewal's successor, or else the
    /// earliest not-terminated contract of the program starting after its end (a new tender's award); null when none.
    /// </summary>
    public static async Task<Contract?> SuccessorOfAsync(this ContractingDb db, Contract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.SuccessorId is { } successorId)
        {
            return await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == successorId, cancellationToken);
        }

        var end = contract.End;
        var followers = await db.Contracts.AsNoTracking()
            .Where(c => c.ProgramId == contract.ProgramId && c.Id != contract.Id && c.Start > end && c.State != ContractState.Terminated)
            .ToListAsync(cancellationToken);

        // A signed follower wins over an unsigned one; then the earliest.
        return followers.OrderByDescending(c => c.BothSigned).ThenBy(c => c.Start).FirstOrDefault();
    }
}
