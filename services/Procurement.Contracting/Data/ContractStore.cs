using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
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

    /// <summary>The sum of the instalments Disbursement reported paid for the contract (Continuity's copy of <c>InstalmentPaid</c>).</summary>
    public static async Task<decimal> RecordedPaidAsync(this ContractingDb db, Guid contractId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Summed here: SQLite cannot sum decimals in the query.
        var amounts = await db.Set<PaidInstalment>().AsNoTracking().Where(p => p.ContractId == contractId).Select(p => p.Amount).ToListAsync(cancellationToken);
        return amounts.Sum();
    }
}
