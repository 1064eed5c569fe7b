// The rules' one list of conditions (issue 16 item 10), under the name Tendering's tests have always used.
global using PaymentCondition = Procurement.Rules.PaymentCondition;
using Procurement.Rules.Refusals;
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

    [Fact]
    public void A_rulebook_below_the_10_percent_floor_does_not_lower_it()
    {
        // What Disbursement pays is checked under the floor (issue 16 item 10): a tender accepted under a laxer rulebook would never be paid.
        var lax = new ProcurementMethodRules(ProcurementMethodRules.DefaultMethods, 0.02m, 0.10m, minimumAdvancePercent: 5m);

        var create = () => PaymentSchedule.Create([Advance(9.99m), Final(90.01m)], lax);

        create.Should().Throw<RuleViolationException>().Which.Args.Should().Equal(9.99m, 10m);
        PaymentSchedule.Create([Advance(10m), Final(90m)], lax).AdvancePercent.Should().Be(10m);
    }

    [Fact]
    public void Tendering_accepts_exactly_what_the_shared_rule_accepts()
    {
        Instalment[][] schedules =
        [
            [Advance(30m), MidTerm(40m), Final(30m)],
            [Advance(9.99m), Final(90.01m)],
            [new Instalment(10m, PaymentCondition.BridgeStart), Final(90m)],
            [MidTerm(50m), Final(50m)],
            [Advance(30m), Final(30m), MidTerm(40m)],
            [Advance(30m), MidTerm(40m), Final(29.99m)],
            [Advance(30m), MidTerm(40.005m), Final(29.995m)],
            [new Instalment(100m, PaymentCondition.BridgeStart)],
        ];

        foreach (var schedule in schedules)
        {
            var shared = Procurement.Rules.PaymentScheduleRules.Check(
                [.. schedule.Select(i => new Procurement.Rules.ScheduleLine(i.Percent, i.Condition))], ProcurementMethodRules.Default.MinimumAdvancePercent);
            var create = () => PaymentSchedule.Create(schedule);

            if (shared.Count == 0)
            {
                create.Should().NotThrow();
            }
            else
            {
                create.Should().Throw<RuleViolationException>().Which.Code.Should().Be(shared[0].Code);
            }
        }
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
