using Microsoft.EntityFrameworkCore;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Data;

/// <summary>
/// Which pay scale holds where and when (DOMAIN.md §12, "per region and year"): for a region and a year, the last scale
/// recorded for that region and year; without one, the last for every region (empty region); without that, none, and a
/// tender's pay floors are the ones its purchaser set.
/// </summary>
public sealed class PayScaleBook(TenderingDb db)
{
    /// <summary>The scale in force for <paramref name="region"/> in <paramref name="year"/>; null when none was kept.</summary>
    public async Task<PayScale?> InForceAsync(string? region, int year, CancellationToken cancellationToken)
    {
        var name = (region ?? "").Trim();
        var scales = await db.PayScales.AsNoTracking()
            .Where(s => (s.Region == name || s.Region == "") && s.Year == year)
            .ToListAsync(cancellationToken);
        return Latest(scales, name) ?? Latest(scales, "");
    }

    /// <summary>
    /// Holds a draft's pay floors to the scale in force for its program's region and its service-start year
    /// (<see cref="Domain.Tender.TakeFloorsFrom"/>): when it is drafted or revised, and again when it is published.
    /// </summary>
    public async Task HoldToScaleAsync(Domain.Tender tender, Domain.ServiceProgram program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(program);
        tender.TakeFloorsFrom(await InForceAsync(program.Region, tender.ServiceStart.Year, cancellationToken));
    }

    private static PayScale? Latest(IEnumerable<PayScale> scales, string region) =>
        scales.Where(s => s.Region == region).OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).FirstOrDefault();
}
