using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Data;

/// <summary>
/// Which procurement-method rules hold where and when (DOMAIN.md §1, "per region, per year"): the administrator's
/// <see cref="MethodRuleTable"/>s over the built-in national table. For a region on a day, the latest table of that region
/// in force that day; without one, the latest table for every region (empty region); without that, the built-in table.
/// A published tender keeps the table it was published under.
/// </summary>
public sealed class MethodRuleBook(TenderingDb db)
{
    /// <summary>The rules in force for <paramref name="region"/> on the Beijing day of <paramref name="at"/>.</summary>
    public async Task<ProcurementMethodRules> InForceAsync(string? region, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var day = at.ShanghaiDate();
        var name = (region ?? "").Trim();
        var tables = await db.MethodRuleTables.AsNoTracking()
            .Where(t => (t.Region == name || t.Region == "") && t.EffectiveFrom <= day)
            .ToListAsync(cancellationToken);
        return Latest(tables, name)?.Rules ?? Latest(tables, "")?.Rules ?? ProcurementMethodRules.Default;
    }

    /// <summary>
    /// The rules <paramref name="tender"/> follows: once published, the table it was published under; as a draft, the ones in
    /// force for its program's region now (what publishing it now would apply).
    /// </summary>
    public async Task<ProcurementMethodRules> ForTenderAsync(
        Tender tender, ServiceProgram program, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(program);
        if (tender.PublishedAt is null)
        {
            return await InForceAsync(program.Region, now, cancellationToken);
        }

        if (tender.RuleTableId is not { } id)
        {
            return ProcurementMethodRules.Default;
        }

        var table = await db.MethodRuleTables.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        return table.Rules;
    }

    private static MethodRuleTable? Latest(IEnumerable<MethodRuleTable> tables, string region) =>
        tables.Where(t => t.Region == region).OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.RecordedAt).FirstOrDefault();
}
