using CsCheck;
using Procurement.Disbursement.Domain;
using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Tests;

public sealed class Schedule_plans
{
    private static readonly DisbursementRules Rules = DisbursementRules.Default;

    [Fact]
    public void Every_schedule_Tendering_accepts_is_planned_without_refusal() =>
        // Tendering's check is the rules' check under its rulebook (Tendering's tests hold it to that); Disbursement's plan
        // must take every schedule that passes it, whatever the region's minimum, at any amount in fen.
        Gen.Select(
                Gen.Int[1, 10_000].Array[0, 3],
                Gen.Int[0, 1].Select(i => i == 0 ? PaymentCondition.Activation : PaymentCondition.BridgeStart),
                Gen.Long[1, 10_000_000_000L],
                Gen.Int[0, 3].Select(i => i * 10m))
            .Sample((basisPoints, advance, fen, rulebook) =>
            {
                var percents = basisPoints.Select(b => b / 100m).ToList();
                var first = 100m - percents.Sum();
                ScheduleLine[] schedule =
                [
                    new(first, advance),
                    .. percents.Select((p, i) => new ScheduleLine(p, i == percents.Count - 1 ? PaymentCondition.FinalPassed : PaymentCondition.MidTermPassed)),
                ];
                if (PaymentScheduleRules.Check(schedule, rulebook).Count > 0)
                {
                    return true;
                }

                var plan = SchedulePlan.For(fen / 100m, schedule);
                return plan.Sum(p => p.Amount) == fen / 100m && plan.Select(p => p.Condition).SequenceEqual(schedule.Select(s => s.Condition));
            });

    [Fact]
    public void An_empty_schedule_is_the_default_30_40_30()
    {
        var plan = SchedulePlan.For(480_000.00m, []);

        plan.Select(p => (p.Sequence, p.Percent, p.Condition, p.Amount)).Should().Equal(
            (1, 30m, PaymentCondition.Activation, 144_000.00m),
            (2, 40m, PaymentCondition.MidTermPassed, 192_000.00m),
            (3, 30m, PaymentCondition.FinalPassed, 144_000.00m));
    }

    [Fact]
    public void The_rounding_remainder_goes_to_the_last_instalment()
    {
        // 30 % of 100.01 is 30.003 → 30.00; 40 % is 40.004 → 40.00; the last takes 30.01, not 30.00.
        var plan = SchedulePlan.For(100.01m, []);

        plan.Select(p => p.Amount).Should().Equal(30.00m, 40.00m, 30.01m);
        plan.Sum(p => p.Amount).Should().Be(100.01m);
    }

    [Fact]
    public void Amounts_are_rounded_half_away_from_zero_before_the_last()
    {
        // 33.33 % of 0.15 is 0.049995 → 0.05; 33.33 % again → 0.05; the last is 0.05.
        var plan = SchedulePlan.For(0.15m,
            [new(33.33m, PaymentCondition.Activation), new(33.33m, PaymentCondition.MidTermPassed), new(33.34m, PaymentCondition.FinalPassed)]);

        plan.Select(p => p.Amount).Should().Equal(0.05m, 0.05m, 0.05m);
    }

    [Fact]
    public void An_advance_of_exactly_10_percent_is_allowed()
    {
        var plan = SchedulePlan.For(1000m, [new(10m, PaymentCondition.Activation), new(90m, PaymentCondition.FinalPassed)]);

        plan[0].Amount.Should().Be(100.00m);
    }

    [Fact]
    public void An_advance_of_9_99_percent_is_refused_with_the_minimum()
    {
        var act = () => SchedulePlan.For(1000m, [new(9.99m, PaymentCondition.Activation), new(90.01m, PaymentCondition.FinalPassed)]);

        act.Should().Throw<RuleViolationException>()
            .Where(e => e.Code == DisbursementCodes.AdvanceBelowMinimum && e.Args.SequenceEqual(new object?[] { 9.99m, 10m }));
    }

    [Fact]
    public void An_advance_a_region_allowed_above_the_floor_is_paid_as_Tendering_accepted_it()
    {
        // A region's higher minimum (say 30 %) is Tendering's to apply when the tender is published; Disbursement holds
        // only the floor, so a schedule accepted there is never refused here (issue 16 item 10: no second copy of the number).
        var plan = SchedulePlan.For(1000m, [new(30m, PaymentCondition.Activation), new(70m, PaymentCondition.FinalPassed)]);

        plan.Select(p => p.Amount).Should().Equal(300.00m, 700.00m);
    }

    [Fact]
    public void Instalments_out_of_the_contracts_order_are_refused_as_Tendering_refuses_them()
    {
        var act = () => SchedulePlan.For(1000m,
            [new(30m, PaymentCondition.Activation), new(30m, PaymentCondition.FinalPassed), new(40m, PaymentCondition.MidTermPassed)]);

        act.Should().Throw<RuleViolationException>()
            .Where(e => e.Code == DisbursementCodes.ConditionsOutOfOrder && e.Args.SequenceEqual(new object?[] { PaymentCondition.MidTermPassed }));
    }

    [Fact]
    public void A_bridge_instalment_carries_the_added_amount_due_at_the_bridge_start()
    {
        SchedulePlan.Bridge(3, 250m, 1250m).Should().Be(new PlannedInstalment(4, 20m, PaymentCondition.BridgeStart, 250m));
    }

    [Theory]
    [InlineData(99.99)]
    [InlineData(100.01)]
    public void Percentages_that_do_not_sum_to_100_are_refused(double last)
    {
        var act = () => SchedulePlan.For(1000m, [new(30m, PaymentCondition.Activation), new((decimal)last - 30m, PaymentCondition.FinalPassed)]);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.ScheduleNotWhole);
    }

    [Fact]
    public void A_schedule_whose_first_instalment_is_not_an_advance_is_refused()
    {
        var act = () => SchedulePlan.For(1000m, [new(50m, PaymentCondition.MidTermPassed), new(50m, PaymentCondition.FinalPassed)]);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.AdvanceMissing);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.001)]
    public void A_contract_amount_must_be_positive_fen(double amount)
    {
        var act = () => SchedulePlan.For((decimal)amount, []);

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
                    [new(advance, PaymentCondition.Activation), new(middle, PaymentCondition.MidTermPassed), new(last, PaymentCondition.FinalPassed)]);
                return plan.Sum(p => p.Amount) == amount && plan.All(p => p.Amount >= 0 && decimal.Round(p.Amount, 2) == p.Amount);
            });
}
