using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class The_payment_schedule_rules
{
    private static ScheduleLine At(decimal percent, PaymentCondition condition) => new(percent, condition);

    private static IEnumerable<string> Codes(IEnumerable<Finding> findings) => findings.Select(f => f.Code);

    [Fact]
    public void An_advance_then_a_midterm_and_a_final_instalment_summing_to_100_passes() =>
        PaymentScheduleRules.Check(
            [At(30m, PaymentCondition.Activation), At(40m, PaymentCondition.MidTermPassed), At(30m, PaymentCondition.FinalPassed)], 10m)
            .Should().BeEmpty();

    [Theory]
    [InlineData(9.99, PaymentScheduleRules.AdvanceBelowMinimum)]
    [InlineData(10, null)]
    public void The_advance_is_at_least_the_minimum(decimal advance, string? code)
    {
        var findings = PaymentScheduleRules.Check([At(advance, PaymentCondition.BridgeStart), At(100m - advance, PaymentCondition.FinalPassed)], 10m);

        if (code is null)
        {
            findings.Should().BeEmpty();
        }
        else
        {
            findings.Should().Equal(new Finding(code, "paymentSchedule.instalments[0].percent", 0, advance, 10m));
        }
    }

    [Theory]
    [InlineData(99.99)]
    [InlineData(100.01)]
    public void A_schedule_a_hundredth_off_100_is_refused_with_its_sum(decimal sum) =>
        PaymentScheduleRules.Check([At(30m, PaymentCondition.Activation), At(sum - 30m, PaymentCondition.FinalPassed)], 10m)
            .Should().Equal(new Finding(PaymentScheduleRules.PaymentScheduleNot100, "paymentSchedule.instalments", Value: sum, Limit: 100m));

    [Fact]
    public void The_first_instalment_is_the_advance_and_the_stages_follow_in_order()
    {
        Codes(PaymentScheduleRules.Check([At(50m, PaymentCondition.MidTermPassed), At(50m, PaymentCondition.FinalPassed)], 10m))
            .Should().Equal(PaymentScheduleRules.AdvanceMissing);
        PaymentScheduleRules.Check([At(30m, PaymentCondition.Activation), At(40m, PaymentCondition.FinalPassed), At(30m, PaymentCondition.MidTermPassed)], 10m)
            .Should().Equal(new Finding(PaymentScheduleRules.PaymentConditionsOutOfOrder, "paymentSchedule.instalments[2].condition", 2));
        Codes(PaymentScheduleRules.Check([At(30m, PaymentCondition.Activation), At(70m, PaymentCondition.BridgeStart)], 10m))
            .Should().Equal(PaymentScheduleRules.PaymentConditionsOutOfOrder);
    }

    [Fact]
    public void Percents_are_above_zero_with_at_most_two_decimals()
    {
        PaymentScheduleRules.Check([At(30m, PaymentCondition.Activation), At(0m, PaymentCondition.MidTermPassed), At(70m, PaymentCondition.FinalPassed)], 10m)
            .Should().Equal(new Finding(PaymentScheduleRules.InstalmentPercentInvalid, "paymentSchedule.instalments[1].percent", 1, 0m));
        Codes(PaymentScheduleRules.Check([At(30.005m, PaymentCondition.Activation), At(69.995m, PaymentCondition.FinalPassed)], 10m))
            .Should().Equal(PaymentScheduleRules.InstalmentPercentInvalid, PaymentScheduleRules.InstalmentPercentInvalid);
    }

    [Fact]
    public void An_empty_schedule_sums_to_nothing() =>
        Codes(PaymentScheduleRules.Check([], 10m)).Should().Equal(PaymentScheduleRules.PaymentScheduleNot100);

    private enum OwnCondition
    {
        FinalPassed,
        BridgeStart,
    }

    [Fact]
    public void A_callers_own_condition_maps_by_name() =>
        PaymentScheduleRules.ConditionOf(OwnCondition.BridgeStart).Should().Be(PaymentCondition.BridgeStart);
}
