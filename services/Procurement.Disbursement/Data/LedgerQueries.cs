using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Domain;

namespace Procurement.Disbursement.Data;

/// <summary>Money by movement kind, as the ledger sums it: each movement counted once (its debit line).</summary>
public sealed class MovementTotals
{
    private readonly Dictionary<MovementKind, decimal> _byKind;

    public MovementTotals(IEnumerable<KeyValuePair<MovementKind, decimal>> byKind) => _byKind = byKind.ToDictionary(p => p.Key, p => p.Value);

    public decimal this[MovementKind kind] => _byKind.GetValueOrDefault(kind);

    /// <summary>Granted, less what was taken back.</summary>
    public decimal Appropriated => this[MovementKind.Appropriate] - this[MovementKind.Deappropriate];

    /// <summary>Approved and not yet released.</summary>
    public decimal Committed => this[MovementKind.Commit] - this[MovementKind.Uncommit] - this[MovementKind.Release];

    /// <summary>Released by treasury, not yet confirmed paid.</summary>
    public decimal Released => this[MovementKind.Release] - this[MovementKind.Pay];

    public decimal Paid => this[MovementKind.Pay];

    /// <summary>Committed, released or paid: what counts against a limit.</summary>
    public decimal Engaged => this[MovementKind.Commit] - this[MovementKind.Uncommit];

    /// <summary>The appropriation not yet engaged.</summary>
    public decimal Available => Appropriated - Engaged;
}

/// <summary>Every balance Disbursement shows is one of these queries over the ledger; none is stored.</summary>
public static class LedgerQueries
{
    public static async Task<MovementTotals> TotalsForContractAsync(this DisbursementDb db, Guid contractId, CancellationToken ct) =>
        new(await db.LedgerLines.AsNoTracking()
            .Where(l => l.ContractId == contractId && l.Debit > 0)
            .GroupBy(l => l.Kind)
            .Select(g => new KeyValuePair<MovementKind, decimal>(g.Key, g.Sum(l => l.Debit)))
            .ToListAsync(ct));

    public static async Task<MovementTotals> TotalsForBudgetAsync(this DisbursementDb db, Guid purchasingUnitId, Guid programId, int year, CancellationToken ct) =>
        new(await db.LedgerLines.AsNoTracking()
            .Where(l => l.PurchasingUnitId == purchasingUnitId && l.ProgramId == programId && l.FiscalYear == year && l.Debit > 0)
            .GroupBy(l => l.Kind)
            .Select(g => new KeyValuePair<MovementKind, decimal>(g.Key, g.Sum(l => l.Debit)))
            .ToListAsync(ct));

    /// <summary>Per program of a purchaser's fiscal year.</summary>
    public static async Task<Dictionary<Guid, MovementTotals>> TotalsByProgramAsync(this DisbursementDb db, Guid? purchasingUnitId, int year, CancellationToken ct)
    {
        var query = db.LedgerLines.AsNoTracking().Where(l => l.FiscalYear == year && l.Debit > 0);
        if (purchasingUnitId is { } unit)
        {
            query = query.Where(l => l.PurchasingUnitId == unit);
        }

        var rows = await query
            .GroupBy(l => new { l.PurchasingUnitId, l.ProgramId, l.Kind })
            .Select(g => new { g.Key.PurchasingUnitId, g.Key.ProgramId, g.Key.Kind, Amount = g.Sum(l => l.Debit) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ProgramId).ToDictionary(
            g => g.Key, g => new MovementTotals(g.Select(r => new KeyValuePair<MovementKind, decimal>(r.Kind, r.Amount))));
    }

    /// <summary>
    /// The funding position an approval (or a release in another year) is checked against. The budget line's guard is
    /// read (and tracked) before the ledger is summed, so that a step committed by someone else after these sums were
    /// read makes <see cref="GuardAsync"/>'s save lose the race, instead of passing on stale sums.
    /// </summary>
    public static async Task<FundingPosition> FundingAsync(this DisbursementDb db, ContractAccount contract, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        await db.BudgetLines.FindAsync([contract.PurchasingUnitId, contract.ProgramId, year], ct);
        var onContract = await db.TotalsForContractAsync(contract.ContractId, ct);
        var budget = await db.TotalsForBudgetAsync(contract.PurchasingUnitId, contract.ProgramId, year, ct);
        return new FundingPosition(contract.Amount, onContract.Engaged, year, budget.Available);
    }

    /// <summary>Bumps the concurrency guard of every budget line and contract the movements touch.</summary>
    public static async Task GuardAsync(this DisbursementDb db, IEnumerable<LedgerMovement> movements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(movements);
        foreach (var line in movements.Select(m => m.DebitLine).DistinctBy(l => (l.PurchasingUnitId, l.ProgramId, l.FiscalYear)))
        {
            var budget = await db.BudgetLines.FindAsync([line.PurchasingUnitId, line.ProgramId, line.FiscalYear], ct);
            if (budget is null)
            {
                db.BudgetLines.Add(BudgetLine.Open(line.PurchasingUnitId, line.ProgramId, line.FiscalYear));
            }
            else
            {
                budget.Touch();
            }
        }
    }
}
