using Procurement.ServiceDefaults.Problems;

namespace Procurement.Disbursement.Domain;

/// <summary>One planned instalment: its place, share, condition and amount in CNY.</summary>
public sealed record PlannedInstalment(int Sequence, decimal Percent, PaymentCondition Condition, decimal Amount);

/// <summary>
/// Turns a contract's payment schedule into instalment amounts (DOMAIN.md §9): the percentages sum to 100, the
/// first is the advance and at least the table's minimum, each amount but the last is its percent of the
/// contract amount rounded to the fen half away from zero, and the last takes the remainder, so the
/// instalments sum exactly to the contract amount.
/// </summary>
public static class SchedulePlan
{
    public static IReadOnlyList<PlannedInstalment> For(decimal contractAmount, IReadOnlyList<ScheduledShare> schedule, DisbursementRules rules)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rules);
        if (contractAmount <= 0 || decimal.Round(contractAmount, 2) != contractAmount)
        {
            throw new RuleViolationException(DisbursementCodes.ContractAmountInvalid, "amount", contractAmount);
        }

        var shares = schedule.Count == 0 ? rules.DefaultSchedule : schedule;
        foreach (var share in shares)
        {
            if (share.Percent <= 0 || decimal.Round(share.Percent, 2) != share.Percent)
            {
                throw new RuleViolationException(DisbursementCodes.InstalmentPercentInvalid, "paymentSchedule", share.Percent);
            }
        }

        var sum = shares.Sum(s => s.Percent);
        if (sum != DisbursementRules.WholePercent)
        {
            throw new RuleViolationException(DisbursementCodes.ScheduleNotWhole, "paymentSchedule", sum);
        }

        if (shares[0].Condition is not (PaymentCondition.Activation or PaymentCondition.BridgeStart))
        {
            throw new RuleViolationException(DisbursementCodes.AdvanceMissing, "paymentSchedule", shares[0].Condition);
        }

        if (shares[0].Percent < rules.MinimumAdvancePercent)
        {
            throw new RuleViolationException(DisbursementCodes.AdvanceBelowMinimum, "paymentSchedule", shares[0].Percent, rules.MinimumAdvancePercent);
        }

        var planned = new List<PlannedInstalment>(shares.Count);
        var allotted = 0m;
        for (var i = 0; i < shares.Count; i++)
        {
            var amount = i == shares.Count - 1
                ? contractAmount - allotted
                : decimal.Round(contractAmount * shares[i].Percent / DisbursementRules.WholePercent, 2, MidpointRounding.AwayFromZero);
            allotted += amount;
            planned.Add(new PlannedInstalment(i + 1, shares[i].Percent, shares[i].Condition, amount));
        }

        return planned;
    }

    /// <summary>
    /// The instalment a bridge extension adds after instalment <paramref name="lastSequence"/> (DOMAIN.md §2): the amount the
    /// extension <paramref name="added"/>, due at the start of the bridge, shown as its percent of the contract's new amount
    /// <paramref name="newAmount"/> (two decimals, at most 100).
    /// </summary>
    public static PlannedInstalment Bridge(int lastSequence, decimal added, decimal newAmount)
    {
        var percent = Math.Min(
            DisbursementRules.WholePercent, decimal.Round(added * DisbursementRules.WholePercent / newAmount, 2, MidpointRounding.AwayFromZero));
        return new PlannedInstalment(lastSequence + 1, percent, PaymentCondition.BridgeStart, added);
    }

    /// <summary>Reads the condition names of <c>InstalmentTerms</c>; an unknown name is refused, never guessed.</summary>
    public static PaymentCondition ParseCondition(string condition) =>
        Enum.TryParse<PaymentCondition>(condition, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new RuleViolationException(DisbursementCodes.UnknownCondition, "paymentSchedule", condition);
}
