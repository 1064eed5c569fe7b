namespace Procurement.Rules;

/// <summary>What makes an instalment fall due (DOMAIN.md §9, §2); the services and the portal map their own enums by name.</summary>
public enum PaymentCondition
{
    /// <summary>The contract becomes active: the advance.</summary>
    Activation,
    MidTermPassed,
    FinalPassed,

    /// <summary>A bridge extension starts: its advance, due before the extension starts (§2).</summary>
    BridgeStart,
}

/// <summary>One instalment as the rules see it: a percent of the contract amount and the condition that makes it due.</summary>
public sealed record ScheduleLine(decimal Percent, PaymentCondition Condition);

/// <summary>
/// The payment schedule (DOMAIN.md §9): percentages above 0 with at most two decimals summing to exactly 100; the first
/// instalment is the advance (cash before service, §2), due at <see cref="PaymentCondition.Activation"/> or
/// <see cref="PaymentCondition.BridgeStart"/>, and at least the rulebook's minimum; then at most one after the mid-term
/// and one after the final evaluation, in that order. Fields are the API's, under <c>paymentSchedule</c>.
/// </summary>
public static class PaymentScheduleRules
{
    public const decimal WholePercent = 100m;

    public const string InstalmentPercentInvalid = "instalment_percent_invalid";
    public const string PaymentScheduleNot100 = "payment_schedule_not_100";
    public const string AdvanceMissing = "advance_missing";
    public const string AdvanceBelowMinimum = "advance_below_minimum";
    public const string PaymentConditionsOutOfOrder = "payment_conditions_out_of_order";

    private const string Field = "paymentSchedule";

    /// <summary>
    /// Every rule the schedule breaks, in the order the API checks them (it refuses with the first); empty when it
    /// passes (an empty schedule sums to 0, not 100, and nothing more is said of it). Values: an invalid percent, the sum
    /// against 100, the advance against <paramref name="minimumAdvancePercent"/>; the index names the instalment.
    /// </summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<ScheduleLine> instalments, decimal minimumAdvancePercent)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        var findings = new List<Finding>();
        for (var i = 0; i < instalments.Count; i++)
        {
            var percent = instalments[i].Percent;
            if (percent <= 0 || decimal.Round(percent, 2) != percent)
            {
                findings.Add(new Finding(InstalmentPercentInvalid, $"{Field}.instalments[{i}].percent", i, percent));
            }
        }

        var sum = instalments.Sum(instalment => instalment.Percent);
        if (sum != WholePercent)
        {
            findings.Add(new Finding(PaymentScheduleNot100, $"{Field}.instalments", Value: sum, Limit: WholePercent));
        }

        if (instalments.Count == 0)
        {
            return findings;
        }

        if (Stage(instalments[0].Condition) != 0)
        {
            findings.Add(new Finding(AdvanceMissing, $"{Field}.instalments[0].condition", 0));
        }
        else if (instalments[0].Percent < minimumAdvancePercent)
        {
            findings.Add(new Finding(AdvanceBelowMinimum, $"{Field}.instalments[0].percent", 0, instalments[0].Percent, minimumAdvancePercent));
        }

        for (var i = 1; i < instalments.Count; i++)
        {
            if (Stage(instalments[i].Condition) <= Stage(instalments[i - 1].Condition))
            {
                findings.Add(new Finding(PaymentConditionsOutOfOrder, $"{Field}.instalments[{i}].condition", i));
                break;
            }
        }

        return findings;
    }

    /// <summary>Where a condition falls in the life of a contract: 0 the start, 1 the mid-term, 2 the end.</summary>
    public static int Stage(PaymentCondition condition) => condition switch
    {
        PaymentCondition.Activation or PaymentCondition.BridgeStart => 0,
        PaymentCondition.MidTermPassed => 1,
        PaymentCondition.FinalPassed => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    /// <summary>A caller's own condition enum (same member names) as the rules' <see cref="PaymentCondition"/>.</summary>
    public static PaymentCondition ConditionOf<TCondition>(TCondition condition)
        where TCondition : struct, Enum => Enum.Parse<PaymentCondition>(condition.ToString());
}
