using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Data;

/// <summary>A program as continuity knows it: from Tendering's events, or — before they arrive — from its contracts.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="PurchasingUnitId">Its purchasing unit.</param>
/// <param name="Name">Its name; empty when known only from contracts.</param>
/// <param name="Span">Its active span; known only from contracts, it runs from the first contract's start and stays open.</param>
/// <param name="FromContracts">Whether Tendering's program event has not arrived yet.</param>
public sealed record ProgramOverview(Guid ProgramId, Guid PurchasingUnitId, string Name, ProgramSpan Span, bool FromContracts);

/// <summary>The lead time of one contract and where it came from.</summary>
/// <param name="LeadTime">The lead time.</param>
/// <param name="ProcurementMethod">The method whose history counted (the contract's tender's, or its first predecessor's with a tender); null when unknown.</param>
public sealed record ContractLeadTime(RenewalLeadTime LeadTime, string? ProcurementMethod);

/// <summary>Continuity's reads of the contracts and its own copies of other services' events.</summary>
public static class ContinuityStore
{
    /// <summary>
    /// The (tender published → contract signed) durations, in Asia/Shanghai days, of the purchaser's contracts awarded
    /// through tenders of <paramref name="method"/>: signed means both parties have signed, at the later signature.
    /// </summary>
    public static async Task<List<int>> HistoryAsync(this ContractingDb db, Guid purchasingUnitId, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tenders = await db.Set<PublishedTender>().AsNoTracking()
            .Where(t => t.PurchasingUnitId == purchasingUnitId && t.ProcurementMethod == method)
            .Select(t => new { t.TenderId, t.PublishedOn })
            .ToListAsync(cancellationToken);
        if (tenders.Count == 0)
        {
            return [];
        }

        var ids = tenders.Select(t => (Guid?)t.TenderId).ToList();
        var signed = await db.Contracts.AsNoTracking()
            .Where(c => c.TenderId != null && ids.Contains(c.TenderId) && c.PurchaserSignedAt != null && c.AgencySignedAt != null)
            .Select(c => new { c.TenderId, c.PurchaserSignedAt, c.AgencySignedAt })
            .ToListAsync(cancellationToken);
        var published = tenders.ToDictionary(t => t.TenderId, t => t.PublishedOn);
        return [.. signed.Select(c =>
        {
            var signedAt = c.PurchaserSignedAt!.Value > c.AgencySignedAt!.Value ? c.PurchaserSignedAt.Value : c.AgencySignedAt.Value;
            return signedAt.ShanghaiDate().DayNumber - published[c.TenderId!.Value].DayNumber;
        })];
    }

    /// <summary>
    /// The renewal lead time of a contract: from the history of its purchaser and its procurement method — its tender's,
    /// or for a direct renewal the tender of the nearest predecessor that had one — or the default when the method is
    /// unknown or has no history; earlier by the bridge's maximum when the 36-month cap leaves no bridge after it.
    /// </summary>
    public static async Task<ContractLeadTime> LeadTimeAsync(this ContractingDb db, Contract contract, ContinuityRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(rules);
        var tender = await TenderOfAsync(db, contract, cancellationToken);
        var since = await db.ConsecutiveSinceAsync(contract, cancellationToken);
        if (tender is null)
        {
            return new ContractLeadTime(rules.LeadTime([], since, contract.End), null);
        }

        var history = await db.HistoryAsync(tender.PurchasingUnitId, tender.ProcurementMethod, cancellationToken);
        return new ContractLeadTime(rules.LeadTime(history, since, contract.End), tender.ProcurementMethod);
    }

    /// <summary>
    /// The lifecycle's rules for <paramref name="contract"/> with its learnt renewal lead time (DOMAIN.md §2): the one
    /// computation both the contract clock's <c>EnterRenewalWindow</c> and the renewal clock's <c>RenewalDue</c> use.
    /// </summary>
    public static async Task<ContractRules> LifecycleRulesAsync(
        this ContractingDb db, Contract contract, ContractRules contractRules, ContinuityRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contractRules);
        var (leadTime, _) = await db.LeadTimeAsync(contract, rules, cancellationToken);
        return contractRules with { RenewalLeadTimeDays = leadTime.Days };
    }

    /// <summary>
    /// The longest lead time any contract can have today: no past duration is longer than from the earliest tender
    /// published to today, so no lead time is longer than that plus the margin, or the default — plus the margin of a
    /// contract no bridge can follow.
    /// </summary>
    public static async Task<int> LongestLeadTimeAsync(this ContractingDb db, ContinuityRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var earliest = await db.Set<PublishedTender>().AsNoTracking().OrderBy(t => t.PublishedOn).Select(t => (DateOnly?)t.PublishedOn)
            .FirstOrDefaultAsync(cancellationToken);
        var longest = earliest is { } first ? Math.Max(rules.DefaultLeadTimeDays, today.DayNumber - first.DayNumber + rules.LeadTimeMarginDays) : rules.DefaultLeadTimeDays;
        return longest + rules.NoBridgeMarginDays;
    }

    /// <summary>The program, or null when neither Tendering's events nor any contract mention it.</summary>
    public static async Task<ProgramOverview?> ProgramAsync(this ContractingDb db, Guid programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var program = await db.Set<ContinuityProgram>().AsNoTracking().FirstOrDefaultAsync(p => p.ProgramId == programId, cancellationToken);
        if (program is not null)
        {
            return new ProgramOverview(program.ProgramId, program.PurchasingUnitId, program.Name, new ProgramSpan(program.ActiveFrom, program.ActiveUntil), false);
        }

        var first = await db.Contracts.AsNoTracking().Where(c => c.ProgramId == programId).OrderBy(c => c.Start)
            .Select(c => new { c.PurchasingUnitId, c.Start }).FirstOrDefaultAsync(cancellationToken);
        return first is null ? null : new ProgramOverview(programId, first.PurchasingUnitId, "", new ProgramSpan(first.Start, null), true);
    }

    /// <summary>Every program of a purchasing unit: those Tendering announced and those known only from contracts.</summary>
    public static async Task<List<ProgramOverview>> ProgramsOfAsync(this ContractingDb db, Guid purchasingUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var announced = await db.Set<ContinuityProgram>().AsNoTracking().Where(p => p.PurchasingUnitId == purchasingUnitId).ToListAsync(cancellationToken);
        var fromContracts = await db.Contracts.AsNoTracking().Where(c => c.PurchasingUnitId == purchasingUnitId)
            .GroupBy(c => c.ProgramId)
            .Select(g => new { ProgramId = g.Key, Start = g.Min(c => c.Start) })
            .ToListAsync(cancellationToken);
        var known = announced.Select(p => p.ProgramId).ToHashSet();
        return
        [
            .. announced.Select(p => new ProgramOverview(p.ProgramId, p.PurchasingUnitId, p.Name, new ProgramSpan(p.ActiveFrom, p.ActiveUntil), false)),
            .. fromContracts.Where(c => !known.Contains(c.ProgramId))
                .Select(c => new ProgramOverview(c.ProgramId, purchasingUnitId, "", new ProgramSpan(c.Start, null), true)),
        ];
    }

    /// <summary>Every program of every purchasing unit: those Tendering announced and those known only from contracts.</summary>
    public static async Task<List<ProgramOverview>> AllProgramsAsync(this ContractingDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = (await db.Contracts.AsNoTracking().Select(c => c.PurchasingUnitId).Distinct().ToListAsync(cancellationToken))
            .Union(await db.Set<ContinuityProgram>().AsNoTracking().Select(p => p.PurchasingUnitId).Distinct().ToListAsync(cancellationToken))
            .Order()
            .ToList();
        var programs = new List<ProgramOverview>();
        foreach (var unit in units)
        {
            programs.AddRange(await db.ProgramsOfAsync(unit, cancellationToken));
        }

        return programs;
    }

    /// <summary>The program's contracts with their history and the payments made under each, as the timeline reads them.</summary>
    public static async Task<List<CoverageContract>> CoverageAsync(this ContractingDb db, Guid programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contracts = await db.ContractsWithRecords.AsNoTracking().Where(c => c.ProgramId == programId).ToListAsync(cancellationToken);
        var payments = (await db.Set<PaidInstalment>().AsNoTracking().Where(p => p.ProgramId == programId).ToListAsync(cancellationToken))
            .ToLookup(p => p.ContractId);
        return [.. contracts.Select(c => CoverageContract.From(c, payments[c.Id].Select(p => new CoveragePayment(p.PaidOn, p.Amount))))];
    }

    /// <summary>The purchaser's past (contract drafted → signed by both) durations, in Asia/Shanghai days.</summary>
    public static async Task<List<int>> SigningHistoryAsync(this ContractingDb db, Guid purchasingUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var signed = await db.Contracts.AsNoTracking()
            .Where(c => c.PurchasingUnitId == purchasingUnitId && c.PurchaserSignedAt != null && c.AgencySignedAt != null)
            .Select(c => new { c.CreatedAt, c.PurchaserSignedAt, c.AgencySignedAt })
            .ToListAsync(cancellationToken);
        return [.. signed.Select(c =>
        {
            var signedAt = c.PurchaserSignedAt!.Value > c.AgencySignedAt!.Value ? c.PurchaserSignedAt.Value : c.AgencySignedAt.Value;
            return Math.Max(0, signedAt.ShanghaiDate().DayNumber - c.CreatedAt.ShanghaiDate().DayNumber);
        })];
    }

    /// <summary>
    /// The forecast signing of the successor of <paramref name="contract"/> (see <see cref="ContinuityRules.Forecast"/>),
    /// given its <paramref name="successor"/> (null when none is drafted); a successor tender is another tender of the program
    /// published on or after the day the contract was drafted.
    /// </summary>
    public static async Task<SuccessorForecast> ForecastAsync(
        this ContractingDb db, Contract contract, Contract? successor, ContinuityRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(rules);
        var signing = await db.SigningHistoryAsync(contract.PurchasingUnitId, cancellationToken);
        if (successor is not null)
        {
            return rules.Forecast(today, successorDrafted: true, null, [], signing);
        }

        var tender = await TenderOfAsync(db, contract, cancellationToken);
        var procurement = tender is null ? [] : await db.HistoryAsync(tender.PurchasingUnitId, tender.ProcurementMethod, cancellationToken);
        var drafted = contract.CreatedAt.ShanghaiDate();
        var own = tender?.TenderId;
        var published = await db.Set<PublishedTender>().AsNoTracking()
            .Where(t => t.ProgramId == contract.ProgramId && t.PublishedOn >= drafted && t.TenderId != own && t.TenderId != contract.TenderId)
            .OrderByDescending(t => t.PublishedOn)
            .Select(t => (DateOnly?)t.PublishedOn)
            .FirstOrDefaultAsync(cancellationToken);
        return rules.Forecast(today, successorDrafted: false, published, procurement, signing);
    }

    /// <summary>The tender the contract was awarded through, or its nearest predecessor's (a direct renewal has none); null when none is known.</summary>
    public static async Task<PublishedTender?> TenderOfAsync(this ContractingDb db, Contract contract, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        Guid? tenderId = contract.TenderId;
        var predecessorId = contract.PredecessorId;
        while (tenderId is null && predecessorId is { } id && seen.Add(id))
        {
            var predecessor = await db.Contracts.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.TenderId, c.PredecessorId }).FirstOrDefaultAsync(cancellationToken);
            if (predecessor is null)
            {
                break;
            }

            tenderId = predecessor.TenderId;
            predecessorId = predecessor.PredecessorId;
        }

        return tenderId is { } tender
            ? await db.Set<PublishedTender>().AsNoTracking().FirstOrDefaultAsync(t => t.TenderId == tender, cancellationToken)
            : null;
    }
}
