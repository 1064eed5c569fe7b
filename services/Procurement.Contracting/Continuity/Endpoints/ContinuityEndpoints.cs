using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Endpoints;

/// <summary>
/// Continuity (DOMAIN.md §2): a program's coverage timeline, a purchaser's gap days per program-year, and a contract's
/// renewal lead time. Who sees what: auditors everything; the program's purchasing unit its programs; an agency that is
/// a party to one of the program's contracts the timeline of that program, with the cash figures of its own contracts
/// only; anyone else 404 (not there, or not theirs).
/// </summary>
public static class ContinuityEndpoints
{
    public static RouteGroupBuilder MapContinuityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/continuity").WithTags("Continuity");
        group.MapGet("/programs/{programId:guid}/timeline", Timeline).RequireAuthorization(Policies.AnyUser)
            .WithName("ProgramCoverageTimeline")
            .WithSummary("Day-by-day coverage of a program, merged into segments: the contract funding it, cash paid against cost accrued, and funding gap days.")
            .WithDescription("Without from and to: from the program's first day to today (the last ten years at most); for a program "
                + "that has not started, from its first day to the end of its last contract, or a year on when it has none.");
        group.MapGet("/purchasers/{purchasingUnitId:guid}/summary", Summary).RequireAuthorization(Policies.AnyUser)
            .WithName("PurchaserContinuitySummary").WithSummary("Funding gap days per program-year (calendar year) for every program of a purchasing unit, up to today.");
        group.MapGet("/contracts/{contractId:guid}/renewal", Renewal).RequireAuthorization(Policies.AnyUser)
            .WithName("ContractRenewalLeadTime")
            .WithSummary("A contract's renewal lead time (learnt from history, or the default), how it was worked out, and its renewal point.");
        group.MapBridgeProposalEndpoints();
        group.MapRenewalDecisionEndpoints();
        group.MapContinuityDashboard();
        return group;
    }

    private static async Task<Ok<TimelineView>> Timeline(
        Guid programId, DateOnly? from, DateOnly? to, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var program = await db.ProgramAsync(programId, http.RequestAborted) ?? throw new NotFoundException(ContinuityCodes.Program, programId);
        var contracts = await db.CoverageAsync(programId, http.RequestAborted);
        var visibleAgency = Visibility(http.User, program, contracts);
        var today = clock.GetUtcNow().ShanghaiDate();
        var (first, last) = TimelineWindow.Of(program.Span, contracts, today, from, to);
        CheckRange(program.Span, first, last);

        var days = CoverageTimeline.Days(contracts, first, last, today, rules);
        var segments = CoverageTimeline.Segments(days);
        var own = visibleAgency is { } agency ? contracts.Where(c => c.AgencyId == agency).Select(c => c.ContractId).ToHashSet() : null;
        return TypedResults.Ok(new TimelineView(
            program.ProgramId, program.PurchasingUnitId, program.Name, program.Span.ActiveFrom, program.Span.ActiveUntil, first, last, today,
            days.Count(d => d.Gap && !d.Projected), days.Count(d => d.Gap && d.Projected),
            [.. segments.Select(s => SegmentView.Of(s, own is null || (s.ContractId is { } id && own.Contains(id))))]));
    }

    private static async Task<Ok<PurchaserSummaryView>> Summary(Guid purchasingUnitId, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        if (!http.User.IsInRole(Roles.Auditor) && http.User.OrganisationId() != purchasingUnitId)
        {
            throw new NotFoundException(ContinuityCodes.Purchaser, purchasingUnitId);
        }

        var today = clock.GetUtcNow().ShanghaiDate();
        var views = await ProgramGapsAsync(db, await db.ProgramsOfAsync(purchasingUnitId, http.RequestAborted), today, rules, http.RequestAborted);
        return TypedResults.Ok(new PurchaserSummaryView(
            purchasingUnitId, today, views.Sum(v => v.GapDays), views.Sum(v => v.Years.Count), views));
    }

    private static async Task<Ok<RenewalView>> Renewal(Guid contractId, HttpContext http, ContractingDb db, ContractRules contractRules, ContinuityRules rules)
    {
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Evaluations).FirstOrDefaultAsync(c => c.Id == contractId, http.RequestAborted);
        if (contract is null || (!http.User.IsInRole(Roles.Auditor) && contract.PartyOf(http.User.OrganisationId()) is null))
        {
            throw new NotFoundException("contract", contractId);
        }

        var (leadTime, method) = await db.LeadTimeAsync(contract, rules, http.RequestAborted);
        var proposal = RenewalProposal.For(contract, await db.ConsecutiveSinceAsync(contract, http.RequestAborted), contractRules, rules);
        var notice = await db.Set<RenewalNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.ContractId == contractId, http.RequestAborted);
        var decision = await db.Set<RenewalDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.ContractId == contractId, http.RequestAborted);
        return TypedResults.Ok(new RenewalView(
            contract.Id, contract.ProgramId, contract.PurchasingUnitId, contract.State, contract.End, leadTime.Days,
            leadTime.FromHistory ? "history" : "default", method, leadTime.HistoryCount, leadTime.FromHistory ? rules.LeadTimePercentile : null,
            leadTime.PercentileDays, leadTime.FromHistory ? rules.LeadTimeMarginDays : null, rules.DefaultLeadTimeDays,
            leadTime.RenewalPoint(contract.End), notice?.RaisedAt,
            new ProposalView(
                proposal.Path, proposal.LatestGrade, rules.DirectRenewalMinimumGrade, proposal.ConsecutiveSince, decimal.Round(proposal.ConsecutiveMonths, 2),
                contractRules.ConsecutiveCapMonths, proposal.Obstacles),
            decision is null ? null : RenewalDecisionView.Of(decision), leadTime.NoBridgeMarginDays));
    }

    /// <summary>The gap days per program-year of <paramref name="programs"/>, up to <paramref name="today"/>.</summary>
    internal static async Task<List<ProgramGapsView>> ProgramGapsAsync(
        ContractingDb db, IReadOnlyCollection<ProgramOverview> programs, DateOnly today, ContractRules rules, CancellationToken cancellationToken)
    {
        var views = new List<ProgramGapsView>();
        foreach (var program in programs.OrderBy(p => p.Span.ActiveFrom).ThenBy(p => p.ProgramId))
        {
            var contracts = await db.CoverageAsync(program.ProgramId, cancellationToken);
            var years = CoverageTimeline.GapsPerYear(contracts, program.Span, today, rules);
            views.Add(new ProgramGapsView(program.ProgramId, program.Name, program.Span.ActiveFrom, program.Span.ActiveUntil, years.Sum(y => y.GapDays), years));
        }

        return views;
    }

    /// <summary>Throws 404 to a caller who may not see the program; returns the agency whose cash figures alone it may see, if it is one.</summary>
    private static Guid? Visibility(ClaimsPrincipal user, ProgramOverview program, IReadOnlyCollection<CoverageContract> contracts)
    {
        if (user.IsInRole(Roles.Auditor))
        {
            return null;
        }

        var organisation = user.OrganisationId();
        if (organisation == program.PurchasingUnitId)
        {
            return null;
        }

        if (contracts.Any(c => c.AgencyId == organisation))
        {
            return organisation;
        }

        throw new NotFoundException(ContinuityCodes.Program, program.ProgramId);
    }

    private static void CheckRange(ProgramSpan span, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            new FieldErrors().Add("to", "not_before", new FieldName("from")).ThrowIfAny();
        }

        if (!span.Contains(from) || !span.Contains(to))
        {
            throw new RuleViolationException(
                ContinuityCodes.RangeOutsideSpan, "from", Iso(from), Iso(to), Iso(span.ActiveFrom),
                span.ActiveUntil is { } until ? Iso(until) : ProblemMessages.Get("continuity_span_open"));
        }

        var days = to.DayNumber - from.DayNumber + 1;
        if (days > ContinuityCodes.LongestRangeDays)
        {
            throw new RuleViolationException(ContinuityCodes.RangeTooLong, "to", ContinuityCodes.LongestRangeDays, Iso(from), Iso(to), days);
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A program's coverage timeline; gap days count the days up to today, projected gap days those after it.</summary>
public sealed record TimelineView(
    Guid ProgramId, Guid PurchasingUnitId, string Name, DateOnly ActiveFrom, DateOnly? ActiveUntil, DateOnly From, DateOnly To, DateOnly Today,
    int GapDays, int ProjectedGapDays, IReadOnlyList<SegmentView> Segments);

/// <summary>
/// Consecutive alike days. <c>funding</c>: <c>Active</c>, <c>Suspended</c>, <c>NotActive</c> or <c>Uncovered</c>;
/// <c>cash</c>: <c>Ahead</c>, <c>Behind</c> or <c>Gap</c>; the amounts (CNY) are those of the segment's last day, and
/// are left out for another agency's contract.
/// </summary>
public sealed record SegmentView(
    DateOnly From, DateOnly To, int Days, Guid? ContractId, DayFunding Funding, CashPosition? Cash, bool Gap, bool Projected,
    decimal? CashPaid, decimal? CostAccrued, decimal? Advance)
{
    public static SegmentView Of(CoverageSegment s, bool showCash) => new(
        s.From, s.To, s.Days, s.ContractId, s.Funding, s.Cash, s.Gap, s.Projected,
        showCash ? s.CashPaid : null, showCash ? s.CostAccrued : null, showCash ? s.Advance : null);
}

public sealed record ProgramGapsView(Guid ProgramId, string Name, DateOnly ActiveFrom, DateOnly? ActiveUntil, int GapDays, IReadOnlyList<ProgramYearGaps> Years);

/// <summary>A purchaser's gap days: in total, per program and per program-year (calendar year), over the days up to today.</summary>
public sealed record PurchaserSummaryView(Guid PurchasingUnitId, DateOnly Today, int GapDays, int ProgramYears, IReadOnlyList<ProgramGapsView> Programs);

/// <summary>
/// A contract's renewal lead time: <c>basis</c> <c>history</c> (the <c>percentile</c>th percentile, nearest rank, of
/// <c>historyCount</c> durations is <c>percentileDays</c>, plus <c>marginDays</c>) or <c>default</c>
/// (<c>defaultLeadTimeDays</c>); the renewal point is end − lead time; <c>renewalDueRaisedAt</c> once it was raised;
/// <c>proposal</c> the platform's renewal decision for the purchaser to confirm (<c>…/renewal/confirm</c>); <c>decision</c>
/// what the purchaser confirmed, once they have; <c>noBridgeMarginDays</c> the days the lead time includes because the
/// 36-month cap leaves no bridge after this contract (0 otherwise).
/// </summary>
public sealed record RenewalView(
    Guid ContractId, Guid ProgramId, Guid PurchasingUnitId, ContractState State, DateOnly End, int LeadTimeDays, string Basis, string? ProcurementMethod,
    int HistoryCount, int? Percentile, int? PercentileDays, int? MarginDays, int DefaultLeadTimeDays, DateOnly RenewalPoint, DateTimeOffset? RenewalDueRaisedAt,
    ProposalView Proposal, RenewalDecisionView? Decision, int NoBridgeMarginDays);

/// <summary>
/// The renewal decision (DOMAIN.md §2): <c>DirectRenewal</c> or <c>NewTender</c>, the latest grade against the minimum,
/// the consecutive months with this agency to the contract's end against the cap, and the obstacles to a direct renewal
/// (<c>NoGrade</c>, <c>GradeBelowMinimum</c>, <c>ConsecutiveCapReached</c>).
/// </summary>
public sealed record ProposalView(
    RenewalPath Path, string? LatestGrade, string MinimumGrade, DateOnly ConsecutiveSince, decimal ConsecutiveMonths, int CapMonths,
    IReadOnlyList<RenewalObstacle> Obstacles);
