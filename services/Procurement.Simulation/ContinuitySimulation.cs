using System.Diagnostics;

namespace Procurement.Simulation;

/// <summary>The three figures for one policy, and what else happened.</summary>
/// <param name="GapDaysPerProgramYear">Gap days (DOMAIN.md §2, by the coverage timeline) over every program's span, per program-year.</param>
/// <param name="ProgramsEverUnfunded">Programs with at least one gap day.</param>
/// <param name="LateInstalments">Instalments paid after their pay-by day (or still unpaid past it) by their program's last day.</param>
/// <param name="GapDays">The gap days in total.</param>
/// <param name="CashGapDays">Of those, days an active contract funded but its cash was below the accrued cost minus the advance.</param>
/// <param name="ProgramYears">Programs × years.</param>
/// <param name="LeadTimeDays">The lead time in force at the end (the platform's, learnt; the baseline's 30).</param>
/// <param name="LeadTimeHistory">How many procurement durations the lead time was learnt from.</param>
/// <param name="Counts">Renewals, tenders, bridges and payments.</param>
/// <param name="SteppingSeconds">Time spent stepping the programs through the domain.</param>
/// <param name="TimelineSeconds">Time spent counting gap days with the coverage timeline.</param>
public sealed record PolicyOutcome(
    decimal GapDaysPerProgramYear, int ProgramsEverUnfunded, int LateInstalments, int GapDays, int CashGapDays, int ProgramYears, int LeadTimeDays,
    int LeadTimeHistory, SimulationCounts Counts, double SteppingSeconds, double TimelineSeconds);

/// <summary>Both policies' outcomes and the time both took together.</summary>
public sealed record SimulationReport(SimulationOptions Options, PolicyOutcome Baseline, PolicyOutcome Platform, double ElapsedSeconds);

/// <summary>
/// Replays the programs under each policy on a simulated clock, day by day from the first program's first contract to
/// the last program's last day; every program of a policy shares one purchaser and its history (the platform learns
/// its lead time from it). The gap days are then counted by the coverage timeline, once per program over its span.
/// </summary>
public static class ContinuitySimulation
{
    public static SimulationReport Run(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var baseline = Run(options, ContinuityPolicy.Baseline);
        var platform = Run(options, ContinuityPolicy.Platform);
        return new SimulationReport(options, baseline, platform, clock.Elapsed.TotalSeconds);
    }

    public static PolicyOutcome Run(SimulationOptions options, ContinuityPolicy policy)
    {
        var clock = Stopwatch.StartNew();
        var world = new SimulationWorld(options, policy);
        var purchasingUnitId = Guid.CreateVersion7();
        var programs = Enumerable.Range(0, options.Programs).Select(i => new ProgramRun(world, i, purchasingUnitId)).ToList();
        var first = programs.Min(p => p.FirstDay);
        var last = programs.Max(p => p.Span.ActiveUntil!.Value);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var program in programs)
            {
                if (day >= program.FirstDay && day <= program.Span.ActiveUntil!.Value)
                {
                    program.Step(day);
                }
            }

            world.EndDay();
        }

        var stepped = clock.Elapsed.TotalSeconds;
        var gaps = programs.Select(p => p.Gaps()).ToList();
        var programYears = options.Programs * options.Years;
        var leadTime = policy == ContinuityPolicy.Platform ? world.LeadTime : null;
        return new PolicyOutcome(
            GapDaysPerProgramYear: decimal.Round((decimal)gaps.Sum(g => g.Days) / programYears, 3, MidpointRounding.AwayFromZero),
            ProgramsEverUnfunded: gaps.Count(g => g.Days > 0),
            LateInstalments: programs.Sum(p => p.LateInstalments()),
            GapDays: gaps.Sum(g => g.Days),
            CashGapDays: gaps.Sum(g => g.CashDays),
            ProgramYears: programYears,
            LeadTimeDays: leadTime?.Days ?? SimulationCalendar.BaselineLeadDays,
            LeadTimeHistory: leadTime?.HistoryCount ?? 0,
            world.Counts,
            SteppingSeconds: stepped,
            TimelineSeconds: clock.Elapsed.TotalSeconds - stepped);
    }
}
