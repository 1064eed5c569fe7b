namespace Procurement.Rules;

/// <summary>
/// What makes an instalment fall due (DOMAIN.md §9, §2): the one list of conditions. Tendering's API, its stored tenders,
/// Disbursement's instalments and the contract events (<c>InstalmentTerms.Condition</c>, by name) all use these names.
/// </summary>
public enum PaymentCondition
{
    /// <summary>The contract becomes active: the advance.</summary>
    Activation,

    /// <summary>A passing mid-term performance evaluation.</summary>
    MidTermPassed,

    /// <summary>A passing final performance evaluation.</summary>
    FinalPassed,

    /// <summary>A bridge extension starts: its advance, due before the extension starts (§2).</summary>
    BridgeStart,
}

/// <summary>One instalment as the rules see it: a percent of the contract amount and the condition that makes it due.</summary>
public sealed record ScheduleLine(decimal Percent, PaymentCondition Condition);

/// <summary>
/// The payment schedule (DOMAIN.md §9), its one home: the numbers, the check and the split. Percentages above 0 with at
/// most two decimals summing to exactly 100; the first instalment is the advance (cash before service, §2), due at
/// <see cref="PaymentCondition.Activation"/> or <see cref="PaymentCondition.BridgeStart"/>, and at least the rulebook's
/// minimum, never below <see cref="MinimumAdvancePercent"/>; then at most one after the mid-term and one after the final
/// evaluation, in that order. Tendering checks a tender's schedule with <see cref="Check"/> under the rulebook of its
/// region; Disbursement checks the contract's with the same function under the floor alone and splits it with
/// <see cref="Split"/>, so a schedule Tendering accepted is never refused when the contract is to be paid.
/// Fields are the API's, under <c>paymentSchedule</c>.
/// </summary>
public static class PaymentScheduleRules
{
    public const decimal WholePercent = 100m;

    /// <summary>
    /// The advance is never below this percent of the contract amount (DOMAIN.md §9: local rules may ask more, e.g. 30 %
    /// for small agencies; labour-intensive services may go lower, not below 10 %). A rulebook's own minimum only raises it.
    /// </summary>
    public const decimal MinimumAdvancePercent = 10m;

    public const string InstalmentPercentInvalid = "instalment_percent_invalid";
    public const string PaymentScheduleNot100 = "payment_schedule_not_100";
    public const string AdvanceMissing = "advance_missing";
    public const string AdvanceBelowMinimum = "advance_below_minimum";
    public const string PaymentConditionsOutOfOrder = "payment_conditions_out_of_order";
    public const string ContractAmountInvalid = "contract_amount_invalid";

    private const string Field = "paymentSchedule";

    /// <summary>30 % advance at activation, 40 % after a passing mid-term, 30 % after a passing final evaluation: the schedule of a contract that states none.</summary>
    public static IReadOnlyList<ScheduleLine> DefaultSchedule { get; } =
    [
        new(30m, PaymentCondition.Activation),
        new(40m, PaymentCondition.MidTermPassed),
        new(30m, PaymentCondition.FinalPassed),
    ];

    /// <summary>
    /// Every rule the schedule breaks, in the order the API checks them (it refuses with the first); empty when it
    /// passes (an empty schedule sums to 0, not 100, and nothing more is said of it). Values: an invalid percent, the sum
    /// against 100, the advance against the minimum — <paramref name="minimumAdvancePercent"/> (a region's rulebook), or
    /// <see cref="MinimumAdvancePercent"/> when that is lower; the index names the instalment.
    /// </summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<ScheduleLine> instalments, decimal minimumAdvancePercent = MinimumAdvancePercent)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        var minimum = Math.Max(minimumAdvancePercent, MinimumAdvancePercent);
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
        else if (instalments[0].Percent < minimum)
        {
            findings.Add(new Finding(AdvanceBelowMinimum, $"{Field}.instalments[0].percent", 0, instalments[0].Percent, minimum));
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

    /// <summary>A contract amount is above zero in whole fen; null when it is, else the finding (field <c>amount</c>).</summary>
    public static Finding? CheckAmount(decimal contractAmount) =>
        contractAmount > 0 && decimal.Round(contractAmount, 2) == contractAmount
            ? null
            : new Finding(ContractAmountInvalid, "amount", Value: contractAmount);

    /// <summary>
    /// The amount of each instalment, in order, summing exactly to <paramref name="contractAmount"/>: every instalment but
    /// the last is its percent of the amount rounded to the fen half away from zero; the last takes what remains, so the
    /// rounding remainder lands there (DOMAIN.md §9). For an amount <see cref="CheckAmount"/> passes and a schedule
    /// <see cref="Check"/> passes; anything else is a caller's mistake (an exception, never a guess).
    /// </summary>
    public static IReadOnlyList<decimal> Split(decimal contractAmount, IReadOnlyList<ScheduleLine> instalments)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        if (CheckAmount(contractAmount) is { } amount)
        {
            throw new ArgumentOutOfRangeException(nameof(contractAmount), contractAmount, $"Check the amount first ({amount.Code}).");
        }

        if (Check(instalments) is [var first, ..])
        {
            throw new ArgumentException($"Check the schedule first ({first.Code} at {first.Field}).", nameof(instalments));
        }

        var amounts = new decimal[instalments.Count];
        for (var i = 0; i < amounts.Length - 1; i++)
        {
            amounts[i] = decimal.Round(contractAmount * instalments[i].Percent / WholePercent, 2, MidpointRounding.AwayFromZero);
        }

        // Never negative: at most two instalments are rounded (one per stage before the last), each by at most half a
        // fen, and the last one's exact share is above zero, so the rounded ones cannot pass the whole.
        amounts[^1] = contractAmount - amounts[..^1].Sum();
        return amounts;
    }

    /// <summary>
    /// The percent a bridge extension's instalment is of the contract's new amount (DOMAIN.md §2): the
    /// <paramref name="added"/> amount against <paramref name="newAmount"/>, two decimals half away from zero, at most 100.
    /// </summary>
    public static decimal BridgePercent(decimal added, decimal newAmount) =>
        Math.Min(WholePercent, decimal.Round(added * WholePercent / newAmount, 2, MidpointRounding.AwayFromZero));

    /// <summary>Where a condition falls in the life of a contract: 0 the start, 1 the mid-term, 2 the end.</summary>
    public static int Stage(PaymentCondition condition) => condition switch
    {
        PaymentCondition.Activation or PaymentCondition.BridgeStart => 0,
        PaymentCondition.MidTermPassed => 1,
        PaymentCondition.FinalPassed => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    /// <summary>A condition by its name as the events carry it (<c>InstalmentTerms.Condition</c>); null for a name that is none (never guessed, never case-folded).</summary>
    public static PaymentCondition? ParseCondition(string? name) =>
        Enum.TryParse<PaymentCondition>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && name == parsed.ToString() ? parsed : null;

    /// <summary>A caller's own condition enum (same member names) as the rules' <see cref="PaymentCondition"/>.</summary>
    public static PaymentCondition ConditionOf<TCondition>(TCondition condition)
        where TCondition : struct, Enum => Enum.Parse<PaymentCondition>(condition.ToString());
}
