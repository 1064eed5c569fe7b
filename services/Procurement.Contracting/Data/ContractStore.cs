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
}
