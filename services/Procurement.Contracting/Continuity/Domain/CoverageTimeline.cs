using Procurement.Contracting.Domain;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>How a day of a program is funded.</summary>
public enum DayFunding
{
    /// <summary>An <c>Active</c> contract funds the day (also <c>Expiring</c>, <c>Renewed</c> before its end, and <c>Completed</c>).</summary>
    Active,

    /// <summary>The contract covering the day was suspended at the end of it: a gap day.</summary>
    Suspended,

    /// <summary>A contract's period covers the day but it was not active at the end of it (not yet signed or activated, or terminated): a gap day.</summary>
    NotActive,

    /// <summary>No contract's period covers the day: a gap day.</summary>
    Uncovered,
}

/// <summary>Where the cash paid under the funding contract stands on a day against the cost accrued so far.</summary>
public enum CashPosition
{
    /// <summary>Paid at least the cost accrued so far.</summary>
    Ahead,

    /// <summary>Paid less than the accrued cost, but no less than the accrued cost minus the agreed advance.</summary>
    Behind,

    /// <summary>Paid less than the accrued cost minus the agreed advance: a funding gap day (DOMAIN.md §2).</summary>
    Gap,
}

/// <summary>A program's active span: from its first day to its last (open while <paramref name="ActiveUntil"/> is null).</summary>
public sealed record ProgramSpan(DateOnly ActiveFrom, DateOnly? ActiveUntil)
{
    public bool Contains(DateOnly day) => day >= ActiveFrom && (ActiveUntil is not { } until || day <= until);
}

/// <summary>One payment that reached the agency under a contract.</summary>
public sealed record CoveragePayment(DateOnly PaidOn, decimal Amount);

/// <summary>The state a contract was in at the end of a day, from its history.</summary>
public sealed record CoverageStateChange(DateOnly Day, ContractState To);

/// <summary>
/// What the timeline needs of one contract: its current terms (a bridge extension or an amendment counts for the
/// whole period, as the terms in force now), the agreed advance (the first instalment's percent), its history of
/// states by day, and the payments made under it.
/// </summary>
public sealed record CoverageContract(
    Guid ContractId,
    Guid AgencyId,
    DateOnly Start,
    DateOnly End,
    decimal Amount,
    decimal AdvancePercent,
    ContractState CurrentState,
    bool BothSigned,
    IReadOnlyList<CoverageStateChange> States,
    IReadOnlyList<CoveragePayment> Payments)
{
    /// <summary>The contract as the timeline reads it: states from its activities (Asia/Shanghai days), payments from Disbursement.</summary>
    public static CoverageContract From(Contract contract, IEnumerable<CoveragePayment> payments)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(payments);
        return new CoverageContract(
            contract.Id, contract.AgencyId, contract.Start, contract.End, contract.Amount,
            contract.PaymentSchedule.Count == 0 ? 0m : contract.PaymentSchedule[0].Percent,
            contract.State, contract.BothSigned,
            [.. contract.Activities.OrderBy(a => a.Sequence).Select(a => new CoverageStateChange(a.OccurredAt.ShanghaiDate(), a.To))],
            [.. payments]);
    }

    /// <summary>The agreed advance: the first instalment's percent of the amount, in fen (half away from zero).</summary>
    public decimal Advance => decimal.Round(Amount * AdvancePercent / 100m, 2, MidpointRounding.AwayFromZero);

    public bool Covers(DateOnly day) => day >= Start && day <= End;

    /// <summary>
    /// The cost accrued from the start to the end of <paramref name="day"/>: the monthly rate (rounded once to the fen,
    /// as the lifecycle prices a bridge) times the months so far, never more than the amount — the rate's rounding must
    /// not make the last day cost more than the contract (a false cash gap while the final instalment is still due).
    /// </summary>
    public decimal AccruedBy(DateOnly day, ContractRules rules) => AccruedBy(day, rules, Rate(rules));

    /// <summary>The monthly rate of the terms in force (<see cref="ContractRules.MonthlyRate"/>).</summary>
    public decimal Rate(ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.MonthlyRate(Amount, Start, End);
    }

    /// <summary><see cref="AccruedBy(DateOnly, ContractRules)"/> with the rate already worked out: the timeline asks for every day.</summary>
    internal decimal AccruedBy(DateOnly day, ContractRules rules, decimal rate) =>
        Math.Min(decimal.Round(rate * rules.PeriodMonths(Start, day), 2, MidpointRounding.AwayFromZero), Amount);
}

/// <summary>
/// One day of a program's timeline. <paramref name="Due"/>: whether a contract was due to cover the day — it is on or after
/// the first day of the program's earliest contract (issue 16 item 7); a day before it cannot be a gap day.
/// </summary>
public sealed record CoverageDay(
    DateOnly Day, Guid? ContractId, DayFunding Funding, CashPosition? Cash, decimal? CashPaid, decimal? CostAccrued, decimal? Advance, bool Projected,
    bool Due = true)
{
    /// <summary>
    /// A funding gap day (DOMAIN.md §2): a day a contract was due to cover that is not funded by an active contract, or whose
    /// cash is below the accrued cost minus the advance.
    /// </summary>
    public bool Gap => Due && (Funding != DayFunding.Active || Cash == CashPosition.Gap);
}

/// <summary>Consecutive days alike in contract, funding, cash position, gap and projection; the amounts are those of the last day.</summary>
public sealed record CoverageSegment(
    DateOnly From, DateOnly To, int Days, Guid? ContractId, DayFunding Funding, CashPosition? Cash, bool Gap, bool Projected,
    decimal? CashPaid, decimal? CostAccrued, decimal? Advance);

/// <summary>Gap days of one program in one calendar (= fiscal) year, counted over the days of its span up to today.</summary>
public sealed record ProgramYearGaps(int Year, int Days, int GapDays);

/// <summary>
/// The coverage timeline of a program (DOMAIN.md §2), worked out day by day from its contracts and the cash paid under
/// them, as a pure function of its inputs.
/// <list type="bullet">
/// <item>A contract's period (start to the end of the terms in force) covers a day; the day counts by the state the
/// contract was in at the end of it (Asia/Shanghai), from its history: <c>Active</c>, <c>Expiring</c>, <c>Renewed</c>
/// (its successor is drafted, it still serves to its end) and <c>Completed</c> (a passing final evaluation accepted the
/// whole period) fund the day; <c>Suspended</c> does not (the service is stopped); <c>Draft</c>, <c>PendingSignature</c>
/// (not yet signed, or signed but not activated — activation is on the start date, so a late signature leaves gap days)
/// and <c>Terminated</c> do not.</item>
/// <item>Days after today are <em>projected</em>: the contract's current state carries on (a contract both parties
/// have signed counts as active from its start). Projected days are shown but not counted as gap days.</item>
/// <item>Where two contracts cover a day, the one that funds it wins, then the later start (a successor).</item>
/// <item>Gap days count from the first day a contract was due to cover (<see cref="FirstDueDay"/>): the days of the
/// program's span before its earliest contract's start are uncovered but no gap — nothing was due to fund them yet.</item>
/// <item>Cash: payments made up to the day under the funding contract, against the cost accrued from its start to the
/// day at its monthly rate (<see cref="ContractRules.MonthlyRate"/> × <see cref="ContractRules.PeriodMonths"/>, in fen,
/// never more than the amount), minus the agreed advance (the first instalment's percent of the amount).</item>
/// </list>
/// </summary>
public static class CoverageTimeline
{
    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<CoverageDay> Days(
        IReadOnlyCollection<CoverageContract> contracts, DateOnly from, DateOnly to, DateOnly today, ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = contracts.OrderByDescending(c => c.Start).Select(c => (Contract: c, Rate: c.Rate(rules))).ToList();
        var dueFrom = FirstDueDay(contracts);
        var days = new List<CoverageDay>(Math.Max(0, to.DayNumber - from.DayNumber + 1));
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(Day(ordered, day, today, rules, due: dueFrom is { } first && day >= first));
        }

        return days;
    }

    /// <summary>
    /// The first day a contract was due to cover: the earliest service start of the program's contracts (whatever became of
    /// them — a contract signed or activated late still counts from the day it was due); null when the program has none yet.
    /// Gap days count from it, never from the program's first day (issue 16 item 7).
    /// </summary>
    public static DateOnly? FirstDueDay(IEnumerable<CoverageContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        return contracts.Select(c => (DateOnly?)c.Start).Min();
    }

    /// <summary>The days merged into segments of equal contract, funding, cash position, gap and projection.</summary>
    public static IReadOnlyList<CoverageSegment> Segments(IReadOnlyList<CoverageDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var segments = new List<CoverageSegment>();
        CoverageDay? first = null;
        CoverageDay? last = null;
        foreach (var day in days)
        {
            if (first is not null && last is not null && !Alike(first, day))
            {
                segments.Add(Segment(first, last));
                first = null;
            }

            first ??= day;
            last = day;
        }

        if (first is not null && last is not null)
        {
            segments.Add(Segment(first, last));
        }

        return segments;
    }

    /// <summary>
    /// Gap days per calendar year of the program's span, over the days up to <paramref name="today"/> (projected days
    /// are not counted); a year the span has not reached by today is left out.
    /// </summary>
    public static IReadOnlyList<ProgramYearGaps> GapsPerYear(
        IReadOnlyCollection<CoverageContract> contracts, ProgramSpan span, DateOnly today, ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(span);
        var last = span.ActiveUntil is { } until && until < today ? until : today;
        if (last < span.ActiveFrom)
        {
            return [];
        }

        return [.. Days(contracts, span.ActiveFrom, last, today, rules)
            .GroupBy(d => d.Day.Year)
            .Select(year => new ProgramYearGaps(year.Key, year.Count(), year.Count(d => d.Gap)))
            .OrderBy(y => y.Year)];
    }

    private static CoverageDay Day(
        List<(CoverageContract Contract, decimal Rate)> contractsLatestFirst, DateOnly day, DateOnly today, ContractRules rules, bool due)
    {
        var projected = day > today;
        CoverageContract? chosen = null;
        var rate = 0m;
        var funding = DayFunding.Uncovered;
        foreach (var (contract, contractRate) in contractsLatestFirst)
        {
            if (!contract.Covers(day))
            {
                continue;
            }

            var candidate = FundingOf(contract, day, today);
            if (chosen is null || candidate < funding)
            {
                chosen = contract;
                rate = contractRate;
                funding = candidate;
            }
        }

        if (chosen is null)
        {
            return new CoverageDay(day, null, DayFunding.Uncovered, null, null, null, null, projected, due);
        }

        var paid = chosen.Payments.Where(p => p.PaidOn <= day).Sum(p => p.Amount);
        var accrued = chosen.AccruedBy(day, rules, rate);
        var advance = chosen.Advance;
        var cash = paid >= accrued ? CashPosition.Ahead : paid >= accrued - advance ? CashPosition.Behind : CashPosition.Gap;
        return new CoverageDay(day, chosen.ContractId, funding, cash, paid, accrued, advance, projected, due);
    }

    private static DayFunding FundingOf(CoverageContract contract, DateOnly day, DateOnly today)
    {
        ContractState state;
        if (day <= today)
        {
            state = contract.States.LastOrDefault(s => s.Day <= day)?.To ?? ContractState.Draft;
        }
        else
        {
            state = contract.CurrentState == ContractState.PendingSignature && contract.BothSigned ? ContractState.Active : contract.CurrentState;
        }

        return state switch
        {
            ContractState.Active or ContractState.Expiring or ContractState.Renewed or ContractState.Completed => DayFunding.Active,
            ContractState.Suspended => DayFunding.Suspended,
            _ => DayFunding.NotActive,
        };
    }

    private static bool Alike(CoverageDay a, CoverageDay b) =>
        a.ContractId == b.ContractId && a.Funding == b.Funding && a.Cash == b.Cash && a.Gap == b.Gap && a.Projected == b.Projected;

    private static CoverageSegment Segment(CoverageDay first, CoverageDay last) => new(
        first.Day, last.Day, last.Day.DayNumber - first.Day.DayNumber + 1, first.ContractId, first.Funding, first.Cash, first.Gap, first.Projected,
        last.CashPaid, last.CostAccrued, last.Advance);
}
