using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Domain;

/// <summary>One planned instalment: its place, share, condition and amount in CNY.</summary>
public sealed record PlannedInstalment(int Sequence, decimal Percent, PaymentCondition Condition, decimal Amount);

/// <summary>
/// Turns a contract's payment schedule into instalments (DOMAIN.md §9) with the rules' own check and split
/// (<see cref="PaymentScheduleRules"/>, the one home Tendering uses too): checked under the floor of the advance, since the
/// region's own minimum was applied when the tender was published, so what Tendering accepted is paid. A refusal is
/// Disbursement's problem code (the contract keeps it for people to see); the rule behind it is the shared one.
/// </summary>
public static class SchedulePlan
{
    public static IReadOnlyList<PlannedInstalment> For(decimal contractAmount, IReadOnlyList<ScheduleLine> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (PaymentScheduleRules.CheckAmount(contractAmount) is not null)
        {
            throw new RuleViolationException(DisbursementCodes.ContractAmountInvalid, "amount", contractAmount);
        }

        var lines = schedule.Count == 0 ? PaymentScheduleRules.DefaultSchedule : schedule;
        if (PaymentScheduleRules.Check(lines) is [var finding, ..])
        {
            throw Refusal(finding, lines);
        }

        var amounts = PaymentScheduleRules.Split(contractAmount, lines);
        return [.. lines.Select((line, i) => new PlannedInstalment(i + 1, line.Percent, line.Condition, amounts[i]))];
    }

    /// <summary>
    /// The instalment a bridge extension adds after instalment <paramref name="lastSequence"/> (DOMAIN.md §2): the amount the
    /// extension <paramref name="added"/>, due at the start of the bridge, shown as its percent of the contract's new amount
    /// <paramref name="newAmount"/> (two decimals, at most 100).
    /// </summary>
    public static PlannedInstalment Bridge(int lastSequence, decimal added, decimal newAmount) =>
        new(lastSequence + 1, PaymentScheduleRules.BridgePercent(added, newAmount), PaymentCondition.BridgeStart, added);

    /// <summary>Reads the condition names of <c>InstalmentTerms</c>; an unknown name is refused, never guessed.</summary>
    public static PaymentCondition ParseCondition(string condition) =>
        PaymentScheduleRules.ParseCondition(condition)
        ?? throw new RuleViolationException(DisbursementCodes.UnknownCondition, "paymentSchedule", condition);

    private static RuleViolationException Refusal(Finding finding, IReadOnlyList<ScheduleLine> lines) => finding.Code switch
    {
        PaymentScheduleRules.InstalmentPercentInvalid => new(DisbursementCodes.InstalmentPercentInvalid, "paymentSchedule", finding.Value),
        PaymentScheduleRules.PaymentScheduleNot100 => new(DisbursementCodes.ScheduleNotWhole, "paymentSchedule", finding.Value),
        PaymentScheduleRules.AdvanceMissing => new(DisbursementCodes.AdvanceMissing, "paymentSchedule", lines[0].Condition),
        PaymentScheduleRules.AdvanceBelowMinimum => new(DisbursementCodes.AdvanceBelowMinimum, "paymentSchedule", finding.Value, finding.Limit),
        PaymentScheduleRules.PaymentConditionsOutOfOrder =>
            new(DisbursementCodes.ConditionsOutOfOrder, "paymentSchedule", lines[finding.Index!.Value].Condition),
        _ => throw new InvalidOperationException($"The schedule rule {finding.Code} has no Disbursement problem code."),
    };
}
