using System.Globalization;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>
/// A policy's figures on one line, as the table shows them, for comparing runs; and the simulator as it ran before issue
/// 17 item 7 — every program stepped every day, gap days counted day by day with <see cref="CoverageTimeline.Days"/> — kept
/// as the reference the event-driven run must match.
/// </summary>
internal static class RunFigures
{
    public static string Of(PolicyOutcome outcome) => Line(
        outcome.GapDaysPerProgramYear, outcome.ProgramsEverUnfunded, outcome.LateInstalments, outcome.GapDays, outcome.CashGapDays, outcome.Counts,
        outcome.LeadTimeDays, outcome.LeadTimeHistory);

    /// <summary>The day-by-day run of one policy: every program stepped on every day of its span, the day's signings added at its end.</summary>
    public static string DayByDay(SimulationOptions options, ContinuityPolicy policy)
    {
        var world = new SimulationWorld(options, policy);
        var purchasingUnitId = Guid.CreateVersion7();
        var programs = Enumerable.Range(0, options.Programs).Select(i => new ProgramRun(world, i, purchasingUnitId)).ToList();
        for (var day = programs.Min(p => p.FirstDay); day <= programs.Max(p => p.LastDay); day = day.AddDays(1))
        {
            foreach (var program in programs.Where(p => day >= p.FirstDay && day <= p.LastDay))
            {
                program.Step(day);
            }

            world.EndDay();
        }

        var gaps = programs.Select(DayByDayGaps).ToList();
        var programYears = options.Programs * options.Years;
        var leadTime = policy == ContinuityPolicy.Platform ? world.LeadTime : null;
        return Line(
            decimal.Round((decimal)gaps.Sum(g => g.Days) / programYears, 3, MidpointRounding.AwayFromZero), gaps.Count(g => g.Days > 0),
            programs.Sum(p => p.LateInstalments()), gaps.Sum(g => g.Days), gaps.Sum(g => g.CashDays), world.Counts,
            leadTime?.Days ?? SimulationCalendar.BaselineLeadDays, leadTime?.HistoryCount ?? 0);
    }

    /// <summary>A program's gap days as the simulator counted them before: one <see cref="CoverageDay"/> per day of its span.</summary>
    public static ProgramGaps DayByDayGaps(ProgramRun program) =>
        DayByDayGaps(program.Coverage(), program.Span.ActiveFrom, program.LastDay);

    public static ProgramGaps DayByDayGaps(IReadOnlyCollection<CoverageContract> contracts, DateOnly from, DateOnly to)
    {
        var days = CoverageTimeline.Days(contracts, from, to, to, Contracting.Domain.ContractRules.Default);
        return new ProgramGaps(days.Count(d => d.Funding != DayFunding.Active), days.Count(d => d.Funding == DayFunding.Active && d.Gap));
    }

    private static string Line(
        decimal perYear, int unfunded, int late, int gaps, int cash, SimulationCounts counts, int leadDays, int leadHistory) =>
        string.Create(CultureInfo.InvariantCulture,
            $"gap/py={perYear:0.000} unfunded={unfunded} late={late} gaps={gaps} cash={cash} paid={counts.InstalmentsPaid} " +
            $"renewals/tenders={counts.DirectRenewals}/{counts.NewTenders} signed(late)={counts.SuccessorsSigned}({counts.SuccessorsSignedLate}) " +
            $"bridges={counts.BridgesApproved} refused={counts.BridgesRefused.Values.Sum()} lead={leadDays} n={leadHistory}");
}
