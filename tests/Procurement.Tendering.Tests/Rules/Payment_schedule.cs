using Procurement.ServiceDefaults.Problems;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class A_payment_schedule_starts_with_an_advance_and_sums_to_100_percent
{
    private static Instalment Advance(decimal percent) => new(percent, PaymentCondition.Activation);

    private static Instalment MidTerm(decimal percent) => new(percent, PaymentCondition.MidTermPassed);

    private static Instalment Final(decimal percent) => new(percent, PaymentCondition.FinalPassed);

    [Fact]
    public void The_default_is_30_40_30_on_activation_mid_term_and_final()
    {
        PaymentSchedule.Default.Instalments.Should().Equal(Advance(30m), MidTerm(40m), Final(30m));
        PaymentSchedule.Default.AdvancePercent.Should().Be(30m);
    }

    [Fact]
    public void An_advance_of_9_99_percent_is_refused()
    {
        var create = () => PaymentSchedule.Create([Advance(9.99m), MidTerm(50.01m), Final(40m)]);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("advance_below_minimum");
        refusal.Field.Should().Be("paymentSchedule.instalments[0].percent");
        refusal.Args.Should().Equal(9.99m, 10m);
    }

    [Fact]
    public void An_advance_of_10_percent_is_accepted()
    {
        PaymentSchedule.Create([Advance(10m), MidTerm(50m), Final(40m)]).AdvancePercent.Should().Be(10m);
    }

    [Theory]
    [InlineData("29.99", "99.99")]
    [InlineData("30.01", "100.01")]
    public void Instalments_that_do_not_sum_to_100_percent_are_refused(string last, string sum)
    {
        var create = () => PaymentSchedule.Create([Advance(30m), MidTerm(40m), Final(Money.Parse(last))]);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("payment_schedule_not_100");
        refusal.Args.Should().Equal(Money.Parse(sum), 100m);
    }

    [Fact]
    public void An_empty_schedule_is_refused_for_not_summing_to_100_percent()
    {
        var create = () => PaymentSchedule.Create([]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("payment_schedule_not_100");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("0.001")]
    public void An_instalment_percentage_is_above_zero_with_at_most_two_decimals(string percent)
    {
        var create = () => PaymentSchedule.Create([Advance(60m), MidTerm(Money.Parse(percent)), Final(40m)]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("instalment_percent_invalid");
    }

    [Fact]
    public void The_first_instalment_must_be_due_at_the_start_of_service()
    {
        var create = () => PaymentSchedule.Create([MidTerm(60m), Final(40m)]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("advance_missing");
    }

    [Fact]
    public void A_bridge_extension_pays_its_advance_when_it_starts()
    {
        var schedule = PaymentSchedule.Create([new Instalment(100m, PaymentCondition.BridgeStart)]);

        schedule.AdvancePercent.Should().Be(100m);
        schedule.Amounts(90_000.00m).Should().Equal(90_000.00m);
    }

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void Instalments_follow_the_contract_once_each_and_in_order(Instalment[] instalments)
    {
        var create = () => PaymentSchedule.Create(instalments);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("payment_conditions_out_of_order");
    }

    public static TheoryData<Instalment[]> OutOfOrder => new()
    {
        { [Advance(30m), Final(30m), MidTerm(40m)] },
        { [Advance(30m), MidTerm(20m), MidTerm(20m), Final(30m)] },
        { [Advance(30m), new Instalment(10m, PaymentCondition.BridgeStart), Final(60m)] },
    };

    [Fact]
    public void Schedules_with_the_same_instalments_are_equal()
    {
        PaymentSchedule.Create([Advance(30m), MidTerm(40m), Final(30m)]).Should().Be(PaymentSchedule.Default);
    }
}

public sealed class Instalment_amounts_sum_exactly_to_the_contract_amount
{
    [Fact]
    public void The_rounding_remainder_of_100000_01_goes_to_the_last_instalment()
    {
        var amounts = PaymentSchedule.Default.Amounts(100_000.01m);

        amounts.Should().Equal(30_000.00m, 40_000.00m, 30_000.01m);
        amounts.Sum().Should().Be(100_000.01m);
    }

    [Fact]
    public void Each_instalment_but_the_last_rounds_half_a_fen_away_from_zero()
    {
        // 30 % of 0.05 is 0.015 → 0.02; 40 % is 0.02; the last takes the remaining 0.01.
        PaymentSchedule.Default.Amounts(0.05m).Should().Equal(0.02m, 0.02m, 0.01m);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("100000.001")]
    public void The_contract_amount_is_above_zero_with_at_most_two_decimals(string amount)
    {
        var split = () => PaymentSchedule.Default.Amounts(Money.Parse(amount));

        split.Should().Throw<RuleViolationException>().Which.Code.Should().Be("contract_amount_invalid");
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.03")]
    [InlineData("333333.33")]
    [InlineData("9999999999.99")]
    public void No_instalment_is_negative_and_the_sum_is_exact_for_any_amount(string amount)
    {
        var contract = Money.Parse(amount);
        var schedule = PaymentSchedule.Create(
            [new Instalment(50m, PaymentCondition.Activation), new Instalment(49.99m, PaymentCondition.MidTermPassed), new Instalment(0.01m, PaymentCondition.FinalPassed)]);

        var amounts = schedule.Amounts(contract);

        amounts.Should().OnlyContain(a => a >= 0 && decimal.Round(a, 2) == a);
        amounts.Sum().Should().Be(contract);
    }
}
