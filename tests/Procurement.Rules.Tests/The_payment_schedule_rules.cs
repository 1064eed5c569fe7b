using CsCheck;
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

/// <summary>The numbers of DOMAIN.md §9, once, each tried on both sides (moved here from Tendering's and Disbursement's tests).</summary>
public sealed class The_payment_schedule_numbers
{
    private static ScheduleLine At(decimal percent, PaymentCondition condition) => new(percent, condition);

    private static decimal Parse(string number) => decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_default_is_30_40_30_on_activation_mid_term_and_final() =>
        PaymentScheduleRules.DefaultSchedule.Should().Equal(
            At(30m, PaymentCondition.Activation), At(40m, PaymentCondition.MidTermPassed), At(30m, PaymentCondition.FinalPassed));

    [Theory]
    [InlineData("9.99", true)]
    [InlineData("10", false)]
    public void The_advance_is_never_below_10_percent_whatever_the_rulebook_says(string advance, bool refused)
    {
        foreach (var rulebook in new[] { 0m, 5m, 10m })
        {
            var findings = PaymentScheduleRules.Check(
                [At(Parse(advance), PaymentCondition.Activation), At(100m - Parse(advance), PaymentCondition.FinalPassed)], rulebook);

            if (refused)
            {
                findings.Should().Equal(new Finding(PaymentScheduleRules.AdvanceBelowMinimum, "paymentSchedule.instalments[0].percent", 0, Parse(advance), 10m));
            }
            else
            {
                findings.Should().BeEmpty();
            }
        }
    }

    [Theory]
    [InlineData("29.99", true)]
    [InlineData("30", false)]
    public void A_rulebook_above_the_floor_raises_the_minimum_advance(string advance, bool refused) =>
        Codes(PaymentScheduleRules.Check([At(Parse(advance), PaymentCondition.Activation), At(100m - Parse(advance), PaymentCondition.FinalPassed)], 30m))
            .Should().Equal(refused ? [PaymentScheduleRules.AdvanceBelowMinimum] : Array.Empty<string>());

    [Theory]
    [InlineData("0", true)]
    [InlineData("-10", true)]
    [InlineData("0.001", true)]
    [InlineData("0.01", false)]
    public void An_instalment_percent_is_above_zero_with_at_most_two_decimals(string percent, bool refused)
    {
        var middle = Parse(percent);
        var findings = PaymentScheduleRules.Check(
            [At(60m, PaymentCondition.Activation), At(middle, PaymentCondition.MidTermPassed), At(40m - middle, PaymentCondition.FinalPassed)]);

        Codes(findings).Contains(PaymentScheduleRules.InstalmentPercentInvalid).Should().Be(refused);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-1", true)]
    [InlineData("100.001", true)]
    [InlineData("0.01", false)]
    public void A_contract_amount_is_above_zero_in_whole_fen(string amount, bool refused) =>
        PaymentScheduleRules.CheckAmount(Parse(amount)).Should().Be(
            refused ? new Finding(PaymentScheduleRules.ContractAmountInvalid, "amount", Value: Parse(amount)) : null);

    [Theory]
    [InlineData("100.01", "30.00", "40.00", "30.01")]
    [InlineData("100000.01", "30000.00", "40000.00", "30000.01")]
    [InlineData("480000.00", "144000.00", "192000.00", "144000.00")]
    public void The_rounding_remainder_goes_to_the_last_instalment(string amount, string first, string second, string last)
    {
        var amounts = PaymentScheduleRules.Split(Parse(amount), PaymentScheduleRules.DefaultSchedule);

        amounts.Should().Equal(Parse(first), Parse(second), Parse(last));
        amounts.Sum().Should().Be(Parse(amount));
    }

    [Fact]
    public void Each_instalment_but_the_last_rounds_half_a_fen_away_from_zero()
    {
        // 30 % of 0.05 is 0.015 → 0.02 (half away from zero; to even would give 0.02 too, so also 33.33 % of 0.15 below).
        PaymentScheduleRules.Split(0.05m, PaymentScheduleRules.DefaultSchedule).Should().Equal(0.02m, 0.02m, 0.01m);
        // 33.33 % of 0.15 is 0.049995 → 0.05; again 0.05; the last is 0.05.
        PaymentScheduleRules.Split(0.15m,
            [At(33.33m, PaymentCondition.Activation), At(33.33m, PaymentCondition.MidTermPassed), At(33.34m, PaymentCondition.FinalPassed)])
            .Should().Equal(0.05m, 0.05m, 0.05m);
        // 12.5 % of 0.20 is 0.025 → 0.03 half away from zero (banker's rounding would give 0.02).
        PaymentScheduleRules.Split(0.20m, [At(12.5m, PaymentCondition.Activation), At(87.5m, PaymentCondition.FinalPassed)])
            .Should().Equal(0.03m, 0.17m);
    }

    [Fact]
    public void A_bridge_extension_pays_its_whole_amount_when_it_starts() =>
        PaymentScheduleRules.Split(90_000.00m, [At(100m, PaymentCondition.BridgeStart)]).Should().Equal(90_000.00m);

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.03")]
    [InlineData("333333.33")]
    [InlineData("9999999999.99")]
    public void No_instalment_is_negative_and_the_sum_is_exact_for_any_amount(string amount)
    {
        var amounts = PaymentScheduleRules.Split(Parse(amount),
            [At(50m, PaymentCondition.Activation), At(49.99m, PaymentCondition.MidTermPassed), At(0.01m, PaymentCondition.FinalPassed)]);

        amounts.Should().OnlyContain(a => a >= 0 && decimal.Round(a, 2) == a);
        amounts.Sum().Should().Be(Parse(amount));
    }

    [Fact]
    public void A_schedule_or_an_amount_the_checks_refuse_is_never_split()
    {
        var refusedSchedule = () => PaymentScheduleRules.Split(1000m, [At(9.99m, PaymentCondition.Activation), At(90.01m, PaymentCondition.FinalPassed)]);
        var badAmount = () => PaymentScheduleRules.Split(0m, PaymentScheduleRules.DefaultSchedule);

        refusedSchedule.Should().Throw<ArgumentException>().WithMessage("*advance_below_minimum*");
        badAmount.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("250", "1250", "20")]
    [InlineData("1", "3", "33.33")]
    [InlineData("2", "3", "66.67")]
    [InlineData("1250", "1250", "100")]
    public void A_bridge_instalment_is_shown_as_its_percent_of_the_new_amount(string added, string newAmount, string percent) =>
        PaymentScheduleRules.BridgePercent(Parse(added), Parse(newAmount)).Should().Be(Parse(percent));

    [Fact]
    public void Conditions_are_read_by_their_exact_names_only()
    {
        PaymentScheduleRules.ParseCondition("BridgeStart").Should().Be(PaymentCondition.BridgeStart);
        PaymentScheduleRules.ParseCondition("midtermpassed").Should().BeNull();
        PaymentScheduleRules.ParseCondition("1").Should().BeNull();
        PaymentScheduleRules.ParseCondition(null).Should().BeNull();
    }

    [Fact]
    public void The_advance_conditions_open_the_contract_and_the_evaluations_follow() =>
        Enum.GetValues<PaymentCondition>().Select(PaymentScheduleRules.Stage).Should().Equal(0, 1, 2, 0);

    private static IEnumerable<string> Codes(IEnumerable<Finding> findings) => findings.Select(f => f.Code);
}

/// <summary>
/// What Tendering accepts (the check under a region's rulebook) Disbursement splits (the check under the floor, then the
/// split) — issue 16 item 10: a tender's schedule is never refused when its contract is to be paid.
/// </summary>
public sealed class A_schedule_Tendering_accepts_is_always_split
{
    private static readonly PaymentCondition[] Conditions = Enum.GetValues<PaymentCondition>();

    private static readonly Gen<ScheduleLine[]> Schedules =
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[0, Conditions.Length - 1].Select(i => Conditions[i])).Select((basisPoints, condition) => new ScheduleLine(basisPoints / 100m, condition))
            .Array[1, 4]
            .Select(lines =>
            {
                // Most draws are made to sum to 100 (the last takes the rest), so the accepted ones are many and varied.
                var rest = 100m - lines[..^1].Sum(l => l.Percent);
                return rest > 0 ? [.. lines[..^1], lines[^1] with { Percent = rest }] : lines;
            });

    [Fact]
    public void Over_generated_schedules_amounts_and_rulebooks()
    {
        var accepted = 0;
        Gen.Select(Schedules, Gen.Long[1, 100_000_000_000L], Gen.Int[0, 6].Select(i => i * 5m))
            .Sample((schedule, fen, rulebook) =>
            {
                if (PaymentScheduleRules.Check(schedule, rulebook).Count > 0)
                {
                    return true;
                }

                Interlocked.Increment(ref accepted);
                var amount = fen / 100m;
                var amounts = PaymentScheduleRules.Check(schedule).Count == 0 ? PaymentScheduleRules.Split(amount, schedule) : null;
                return amounts is not null && amounts.Sum() == amount && amounts.All(a => a >= 0 && decimal.Round(a, 2) == a);
            }, iter: 20_000);

        accepted.Should().BeGreaterThan(1_000, "the generator must reach accepted schedules for the property to say anything");
    }

    public static TheoryData<decimal[], PaymentCondition[]> Table => new()
    {
        { [30m, 40m, 30m], [PaymentCondition.Activation, PaymentCondition.MidTermPassed, PaymentCondition.FinalPassed] },
        { [10m, 90m], [PaymentCondition.Activation, PaymentCondition.FinalPassed] },
        { [10m, 89.99m, 0.01m], [PaymentCondition.BridgeStart, PaymentCondition.MidTermPassed, PaymentCondition.FinalPassed] },
        { [100m], [PaymentCondition.BridgeStart] },
        { [100m], [PaymentCondition.Activation] },
        { [33.33m, 33.33m, 33.34m], [PaymentCondition.Activation, PaymentCondition.MidTermPassed, PaymentCondition.FinalPassed] },
        { [99.99m, 0.01m], [PaymentCondition.Activation, PaymentCondition.MidTermPassed] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Over_a_table_of_schedules_at_awkward_amounts(decimal[] percents, PaymentCondition[] conditions)
    {
        ScheduleLine[] schedule = [.. percents.Zip(conditions, (percent, condition) => new ScheduleLine(percent, condition))];
        PaymentScheduleRules.Check(schedule, 10m).Should().BeEmpty("Tendering accepts it under the national rulebook");

        foreach (var amount in new[] { 0.01m, 0.05m, 0.15m, 100.01m, 333_333.33m, 9_999_999_999.99m })
        {
            PaymentScheduleRules.Check(schedule).Should().BeEmpty();
            var amounts = PaymentScheduleRules.Split(amount, schedule);
            amounts.Sum().Should().Be(amount);
            amounts.Should().OnlyContain(a => a >= 0 && decimal.Round(a, 2) == a);
        }
    }
}
