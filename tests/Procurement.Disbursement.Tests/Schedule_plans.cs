using CsCheck;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Disbursement.Tests;

public sealed class Schedule_plans
{
    private static readonly DisbursementRules Rules = DisbursementRules.Default;

    [Fact]
    public void An_empty_schedule_is_the_default_30_40_30()
    {
        var plan = SchedulePlan.For(480_000.00m, [], Rules);

        plan.Select(p => (p.Sequence, p.Percent, p.Condition, p.Amount)).Should().Equal(
            (1, 30m, PaymentCondition.Activation, 144_000.00m),
            (2, 40m, PaymentCondition.MidTermPassed, 192_000.00m),
            (3, 30m, PaymentCondition.FinalPassed, 144_000.00m));
    }

    [Fact]
    public void The_rounding_remainder_goes_to_the_last_instalment()
    {
        // 30 % of 100.01 is 30.003 → 30.00; 40 % is 40.004 → 40.00; the last takes 30.01, not 30.00.
        var plan = SchedulePlan.For(100.01m, [], Rules);

        plan.Select(p => p.Amount).Should().Equal(30.00m, 40.00m, 30.01m);
        plan.Sum(p => p.Amount).Should().Be(100.01m);
    }

    [Fact]
    public void Amounts_are_rounded_half_away_from_zero_before_the_last()
    {
        // 33.33 % of 0.15 is 0.049995 → 0.05; 33.33 % again → 0.05; the last is 0.05.
        var plan = SchedulePlan.For(0.15m,
            [new(33.33m, PaymentCondition.Activation), new(33.33m, PaymentCondition.MidTermPassed), new(33.34m, PaymentCondition.FinalPassed)], Rules);

        plan.Select(p => p.Amount).Should().Equal(0.05m, 0.05m, 0.05m);
    }

    [Fact]
    public void An_advance_of_exactly_10_percent_is_allowed()
    {
        var plan = SchedulePlan.For(1000m, [new(10m, PaymentCondition.Activation), new(90m, PaymentCondition.FinalPassed)], Rules);

        plan[0].Amount.Should().Be(100.00m);
    }

    [Fact]
    public void An_advance_of_9_99_percent_is_refused_with_the_minimum()
    {
        var act = () => SchedulePlan.For(1000m, [new(9.99m, PaymentCondition.Activation), new(90.01m, PaymentCondition.FinalPassed)], Rules);

        act.Should().Throw<RuleViolationException>()
            .Where(e => e.Code == DisbursementCodes.AdvanceBelowMinimum && e.Args.SequenceEqual(new object?[] { 9.99m, 10m }));
    }

    [Fact]
    public void The_minimum_advance_comes_from_the_rule_table()
    {
        var local = DisbursementRules.Default with { MinimumAdvancePercent = 30m };

        var act = () => SchedulePlan.For(1000m, [new(29.99m, PaymentCondition.Activation), new(70.01m, PaymentCondition.FinalPassed)], local);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.AdvanceBelowMinimum);
    }

    [Theory]
    [InlineData(99.99)]
    [InlineData(100.01)]
    public void Percentages_that_do_not_sum_to_100_are_refused(double last)
    {
        var act = () => SchedulePlan.For(1000m, [new(30m, PaymentCondition.Activation), new((decimal)last - 30m, PaymentCondition.FinalPassed)], Rules);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.ScheduleNotWhole);
    }

    [Fact]
    public void A_schedule_whose_first_instalment_is_not_an_advance_is_refused()
    {
        var act = () => SchedulePlan.For(1000m, [new(50m, PaymentCondition.MidTermPassed), new(50m, PaymentCondition.FinalPassed)], Rules);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.AdvanceMissing);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.001)]
    public void A_contract_amount_must_be_positive_fen(double amount)
    {
        var act = () => SchedulePlan.For((decimal)amount, [], Rules);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.ContractAmountInvalid);
    }

    [Fact]
    public void Condition_names_are_those_of_the_contract_events_and_nothing_else()
    {
        SchedulePlan.ParseCondition("BridgeStart").Should().Be(PaymentCondition.BridgeStart);
        var act = () => SchedulePlan.ParseCondition("midtermpassed");
        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.UnknownCondition);
    }

    [Fact]
    public void The_payment_term_is_30_days_by_default_and_at_most_60()
    {
        Rules.PaymentTermDays(null).Should().Be(30);
        Rules.PaymentTermDays(60).Should().Be(60);
        var act = () => Rules.PaymentTermDays(61);
        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.PaymentTermTooLong);
    }

    [Fact]
    public void Instalments_always_sum_exactly_to_the_contract_amount() =>
        Gen.Select(
                Gen.Long[1, 10_000_000_000L],
                Gen.Int[1000, 9000],
                Gen.Int[1, 8999])
            .Sample((fen, advanceBasisPoints, middleBasisPoints) =>
            {
                var amount = fen / 100m;
                var advance = advanceBasisPoints / 100m;
                var middle = Math.Min(middleBasisPoints, 10_000 - advanceBasisPoints - 1) / 100m;
                var last = 100m - advance - middle;
                var plan = SchedulePlan.For(amount,
                    [new(advance, PaymentCondition.Activation), new(middle, PaymentCondition.MidTermPassed), new(last, PaymentCondition.FinalPassed)],
                    Rules);
                return plan.Sum(p => p.Amount) == amount && plan.All(p => p.Amount >= 0 && decimal.Round(p.Amount, 2) == p.Amount);
            });
}
