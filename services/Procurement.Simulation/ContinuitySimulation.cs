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
/// Replays the programs under each policy on a simulated clock from the first program's first contract to the last
/// program's last day; every program of a policy shares one purchaser and its history (the platform learns its lead time
/// from it). The clock is event-driven: a program is stepped only on the days something can happen to it
/// (<see cref="ProgramAgenda"/>), and stepping it on the others would change nothing. Contracts nothing more can happen to
/// are let go as the run goes (<see cref="ProgramRun.Retire"/>), and a program's gap days are counted from intervals
/// (<see cref="IntervalGaps"/>) on its last day, after which it is let go too. The two policies are independent — each its
/// own world, history and keyed draws — and run in parallel. Where a policy's programs read nothing of the shared history
/// (<see cref="SimulationWorld.ProgramsShareHistory"/>: the baseline) they are run a cohort at a time, so that only one
/// cohort's contracts are held at once; the platform's programs run together, day by day, as they learn from each other.
/// </summary>
public static class ContinuitySimulation
{
    /// <summary>Programs run together when the policy's programs share nothing: small enough to hold, large enough to pass over the days few times.</summary>
    private const int Cohort = 250;

    public static SimulationReport Run(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var baseline = Task.Run(() => Run(options, ContinuityPolicy.Baseline));
        var platform = Run(options, ContinuityPolicy.Platform);
        return new SimulationReport(options, baseline.GetAwaiter().GetResult(), platform, clock.Elapsed.TotalSeconds);
    }

    public static PolicyOutcome Run(SimulationOptions options, ContinuityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var world = new SimulationWorld(options, policy);
        var purchasingUnitId = Guid.CreateVersion7();
        var tally = new Tally();
        var cohort = world.ProgramsShareHistory ? options.Programs : Cohort;
        for (var from = 0; from < options.Programs; from += cohort)
        {
            RunTogether(world, purchasingUnitId, from, Math.Min(cohort, options.Programs - from), tally);
        }

        var programYears = options.Programs * options.Years;
        var leadTime = policy == ContinuityPolicy.Platform ? world.LeadTime : null;
        return new PolicyOutcome(
            GapDaysPerProgramYear: decimal.Round((decimal)tally.GapDays / programYears, 3, MidpointRounding.AwayFromZero),
            ProgramsEverUnfunded: tally.Unfunded,
            LateInstalments: tally.Late,
            GapDays: tally.GapDays,
            CashGapDays: tally.CashGapDays,
            ProgramYears: programYears,
            LeadTimeDays: leadTime?.Days ?? SimulationCalendar.BaselineLeadDays,
            LeadTimeHistory: leadTime?.HistoryCount ?? 0,
            world.Counts,
            SteppingSeconds: (clock.Elapsed - tally.Timeline).TotalSeconds,
            TimelineSeconds: tally.Timeline.TotalSeconds);
    }

    /// <summary>Programs <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1, stepped together day by day, each on its own days.</summary>
    private static void RunTogether(SimulationWorld world, Guid purchasingUnitId, int from, int count, Tally tally)
    {
        var programs = new ProgramRun?[count];
        for (var i = 0; i < count; i++)
        {
            programs[i] = new ProgramRun(world, from + i, purchasingUnitId);
        }

        var first = programs.Min(p => p!.FirstDay);
        var last = programs.Max(p => p!.LastDay);
        var agenda = new ProgramAgenda(count, first, last);
        for (var i = 0; i < count; i++)
        {
            agenda.Schedule(i, programs[i]!.FirstDay);
        }

        var ending = Enumerable.Range(0, count).OrderBy(i => programs[i]!.LastDay).ThenBy(i => i).ToArray();
        var ended = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var i in agenda.Due(day, () => world.LearntLeadDays))
            {
                var program = programs[i]!;
                program.Step(day);
                program.Retire();
                var next = program.NextDay(day);
                agenda.Schedule(i, next <= program.LastDay ? next : null);
                agenda.AwaitRenewal(i, program.RenewalKey());
            }

            // A program's figures are final on its last day: count them and let it go.
            while (ended < ending.Length && programs[ending[ended]]!.LastDay == day)
            {
                var i = ending[ended++];
                tally.Add(programs[i]!);
                agenda.Forget(i);
                programs[i] = null;
            }

            world.EndDay();
        }
    }

    /// <summary>The figures of the programs counted so far, and the time spent counting their gap days.</summary>
    private sealed class Tally
    {
        public int GapDays { get; private set; }

        public int CashGapDays { get; private set; }

        public int Unfunded { get; private set; }

        public int Late { get; private set; }

        public TimeSpan Timeline { get; private set; }

        public void Add(ProgramRun program)
        {
            var counting = Stopwatch.GetTimestamp();
            var gaps = program.Gaps();
            Timeline += Stopwatch.GetElapsedTime(counting);
            GapDays += gaps.Days;
            CashGapDays += gaps.CashDays;
            Unfunded += gaps.Days > 0 ? 1 : 0;
            Late += program.LateInstalments();
        }
    }
}
