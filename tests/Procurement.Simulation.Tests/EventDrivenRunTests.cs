using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>
/// The event-driven run (a program stepped only on its own days, contracts let go and gap days counted from intervals as
/// the run goes, the baseline's programs a cohort at a time) against the day-by-day run it replaced
/// (<see cref="RunFigures.DayByDay"/>), on runs other than the recorded ones.
/// </summary>
public sealed class EventDrivenRunTests
{
    [Theory]
    [InlineData("--programs 40 --years 4 --seed 3")]
    [InlineData("--programs 30 --years 6 --seed 11 --delay lognormal:median=15,sigma=1.0 --payment-delay lognormal:median=25,sigma=0.8")]
    [InlineData("--programs 25 --years 5 --seed 2 --cap-percentile 90")]
    [InlineData("--programs 12 --years 12 --seed 99 --delay gamma:shape=0.5,scale=20 --payment-delay exponential:mean=20")]
    [InlineData("--programs 1 --years 3 --seed 7 --delay fixed:days=40 --payment-delay fixed:days=0")]
    public void Stepping_each_program_only_on_its_own_days_gives_the_figures_of_stepping_every_day(string arguments)
    {
        var options = SimulationOptions.Parse(arguments.Split(' '));

        foreach (var policy in new[] { ContinuityPolicy.Baseline, ContinuityPolicy.Platform })
        {
            RunFigures.Of(ContinuitySimulation.Run(options, policy)).Should().Be(RunFigures.DayByDay(options, policy), policy.ToString());
        }
    }

    /// <summary>More programs than a baseline cohort (250), so the baseline runs in two cohorts and the platform's programs all together.</summary>
    [Fact]
    public void The_baseline_run_a_cohort_at_a_time_gives_the_figures_of_all_its_programs_together()
    {
        var options = SimulationOptions.Parse(["--programs", "260", "--years", "2", "--seed", "5"]);

        RunFigures.Of(ContinuitySimulation.Run(options, ContinuityPolicy.Baseline))
            .Should().Be(RunFigures.DayByDay(options, ContinuityPolicy.Baseline));
    }

    /// <summary>
    /// Deeper than the figures: stepped only on the days the agenda names, every program has the contracts, histories and
    /// payments, day for day, of the same program stepped every day (contracts are not let go here, to be compared).
    /// </summary>
    [Theory]
    [InlineData("--programs 30 --years 5 --seed 21 --delay lognormal:median=15,sigma=1.0 --payment-delay lognormal:median=25,sigma=0.8")]
    [InlineData("--programs 5 --years 4 --seed 4 --delay fixed:days=30 --payment-delay fixed:days=0")]
    public void Each_program_s_contracts_histories_and_payments_are_those_of_stepping_every_day(string arguments)
    {
        var options = SimulationOptions.Parse(arguments.Split(' '));

        foreach (var policy in new[] { ContinuityPolicy.Baseline, ContinuityPolicy.Platform })
        {
            var everyDay = Programs(options, policy, onTheirDaysOnly: false);
            var theirDays = Programs(options, policy, onTheirDaysOnly: true);

            for (var i = 0; i < options.Programs; i++)
            {
                theirDays[i].Coverage().Should().BeEquivalentTo(
                    everyDay[i].Coverage(), o => o.WithStrictOrdering().Excluding(c => c.ContractId).Excluding(c => c.AgencyId), $"{policy} program {i}");
            }
        }
    }

    [Fact]
    public void A_step_on_a_day_nothing_is_due_changes_nothing_and_the_next_day_is_one_something_is()
    {
        var options = SimulationOptions.Parse(["--programs", "1", "--years", "2", "--seed", "7", "--delay", "fixed:days=2", "--payment-delay", "fixed:days=5"]);
        var world = new SimulationWorld(options, ContinuityPolicy.Platform);
        var program = new ProgramRun(world, 0, Guid.CreateVersion7());

        // The first contract is signed on 2027-08-17 and starts on 2027-08-27: nothing is due before then.
        program.NextDay(program.FirstDay).Should().Be(new DateOnly(2027, 8, 27));
        program.Step(new DateOnly(2027, 8, 20));
        program.Contracts[0].Contract.State.Should().Be(Contracting.Domain.ContractState.PendingSignature);

        program.Step(new DateOnly(2027, 8, 27));
        program.Contracts[0].Contract.State.Should().Be(Contracting.Domain.ContractState.Active);

        // Activated: the advance is paid 5 days later, and the program now waits for its renewal point (end − lead time).
        program.NextDay(new DateOnly(2027, 8, 27)).Should().Be(new DateOnly(2027, 9, 1));
        program.RenewalKey().Should().Be(new DateOnly(2028, 8, 26).DayNumber);
    }

    private static List<ProgramRun> Programs(SimulationOptions options, ContinuityPolicy policy, bool onTheirDaysOnly)
    {
        var world = new SimulationWorld(options, policy);
        var purchasingUnitId = Guid.CreateVersion7();
        var programs = Enumerable.Range(0, options.Programs).Select(i => new ProgramRun(world, i, purchasingUnitId)).ToList();
        var (first, last) = (programs.Min(p => p.FirstDay), programs.Max(p => p.LastDay));
        var agenda = new ProgramAgenda(programs.Count, first, last);
        programs.ForEach(p => agenda.Schedule(p.Index, p.FirstDay));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var due = onTheirDaysOnly ? [.. agenda.Due(day, () => world.LearntLeadDays)] : programs.Select(p => p.Index).ToList();
            foreach (var program in due.Select(i => programs[i]).Where(p => day >= p.FirstDay && day <= p.LastDay))
            {
                program.Step(day);
                var next = program.NextDay(day);
                agenda.Schedule(program.Index, next <= program.LastDay ? next : null);
                agenda.AwaitRenewal(program.Index, program.RenewalKey());
            }

            world.EndDay();
        }

        return programs;
    }
}
