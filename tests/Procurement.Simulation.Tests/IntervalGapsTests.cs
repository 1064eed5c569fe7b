using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>Gap days counted from intervals against the coverage timeline's own day-by-day count (<see cref="CoverageTimeline.Days"/>).</summary>
public sealed class IntervalGapsTests
{
    private static readonly DateOnly From = new(2027, 1, 1);
    private static readonly DateOnly To = new(2028, 12, 31);

    [Theory]
    [InlineData(ContinuityPolicy.Baseline)]
    [InlineData(ContinuityPolicy.Platform)]
    public void Every_program_of_a_run_with_slow_payments_has_the_gap_days_of_the_day_by_day_count(ContinuityPolicy policy)
    {
        var options = SimulationOptions.Parse(
            ["--programs", "30", "--years", "4", "--seed", "13", "--delay", "lognormal:median=12,sigma=1.0", "--payment-delay", "lognormal:median=30,sigma=0.9"]);
        var world = new SimulationWorld(options, policy);
        var programs = Enumerable.Range(0, options.Programs).Select(i => new ProgramRun(world, i, Guid.CreateVersion7())).ToList();
        for (var day = programs.Min(p => p.FirstDay); day <= programs.Max(p => p.LastDay); day = day.AddDays(1))
        {
            programs.Where(p => day >= p.FirstDay && day <= p.LastDay).ToList().ForEach(p => p.Step(day));
            world.EndDay();
        }

        foreach (var program in programs)
        {
            IntervalGaps.Count(program.Coverage(), program.Span.ActiveFrom, program.LastDay, ContractRules.Default)
                .Should().Be(RunFigures.DayByDayGaps(program), $"program {program.Index}");
        }

        programs.Sum(p => p.Gaps().CashDays).Should().BePositive("the slow treasury leaves cash gap days to count under either policy");
    }

    /// <summary>120,000 a year, 10,000 a month, an advance of 30 % (36,000) paid on the first day and nothing else: cash falls more than the advance behind from the 8th month on.</summary>
    [Fact]
    public void A_cash_gap_that_begins_inside_an_interval_is_counted_from_its_first_day()
    {
        var contract = Contract(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), 120_000m, Active(new DateOnly(2027, 1, 1)),
            [new CoveragePayment(new DateOnly(2027, 1, 1), 36_000m)]);

        var gaps = IntervalGaps.Count([contract], From, new DateOnly(2027, 12, 31), ContractRules.Default);

        gaps.Should().Be(RunFigures.DayByDayGaps([contract], From, new DateOnly(2027, 12, 31)));
        gaps.NotActiveDays.Should().Be(0);
        gaps.CashDays.Should().BeInRange(100, 200, "the cash gap starts in August, not on the interval's first day");
    }

    [Fact]
    public void Uncovered_days_days_before_activation_and_a_suspension_are_gap_days_as_the_timeline_counts_them()
    {
        var paidInFull = (DateOnly on, decimal amount) => (IReadOnlyList<CoveragePayment>)[new CoveragePayment(on, amount)];
        var first = Contract(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), 60_000m,
            [new(new DateOnly(2027, 1, 1), ContractState.Active), new(new DateOnly(2027, 3, 10), ContractState.Suspended),
             new(new DateOnly(2027, 3, 20), ContractState.Active), new(new DateOnly(2027, 6, 30), ContractState.Completed)],
            paidInFull(new DateOnly(2027, 1, 1), 60_000m));

        // Starts a month after the first ends (uncovered days), is activated ten days late (not active days).
        var second = Contract(new DateOnly(2027, 8, 1), new DateOnly(2028, 7, 31), 120_000m,
            [new(new DateOnly(2027, 7, 20), ContractState.PendingSignature), new(new DateOnly(2027, 8, 11), ContractState.Active)],
            paidInFull(new DateOnly(2027, 8, 11), 120_000m));

        // A stand-in covering part of the same days, never activated: the active contract funds those days.
        var overlapping = Contract(new DateOnly(2027, 9, 1), new DateOnly(2027, 12, 31), 40_000m, [], []);

        IReadOnlyList<CoverageContract> contracts = [first, second, overlapping];
        var gaps = IntervalGaps.Count(contracts, From, To, ContractRules.Default);

        gaps.Should().Be(RunFigures.DayByDayGaps(contracts, From, To));
        gaps.NotActiveDays.Should().Be(10 + 31 + 10 + 153, "a suspension of 10 days, July, 10 days before activation, and 2028-08-01 to 12-31 uncovered");
    }

    [Fact]
    public void A_span_before_its_first_day_has_no_gap_day()
    {
        IntervalGaps.Count([], To, From, ContractRules.Default).Should().Be(new ProgramGaps(0, 0));
    }

    private static IReadOnlyList<CoverageStateChange> Active(DateOnly on) => [new(on, ContractState.Active)];

    private static CoverageContract Contract(
        DateOnly start, DateOnly end, decimal amount, IReadOnlyList<CoverageStateChange> states, IReadOnlyList<CoveragePayment> payments) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), start, end, amount, 30m, states.Count == 0 ? ContractState.Draft : states[^1].To,
            BothSigned: states.Count > 0, states, payments);
}
