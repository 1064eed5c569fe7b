using Procurement.ServiceDefaults.Problems;
using Shared = Procurement.Rules;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>What makes an instalment fall due (DOMAIN.md §9, §2).</summary>
public enum PaymentCondition
{
    /// <summary>The contract becomes active: the advance.</summary>
    Activation,
    MidTermPassed,
    FinalPassed,

    /// <summary>A bridge extension starts: its advance, due before the extension starts (§2).</summary>
    BridgeStart,
}

/// <summary>One instalment: a percent of the contract amount (two decimals at most) and the condition that makes it due.</summary>
public sealed record Instalment(decimal Percent, PaymentCondition Condition);

/// <summary>
/// The instalments a tender announces and its contract will pay (DOMAIN.md §9), valid by construction:
/// percentages summing to exactly 100; the first instalment is the advance (cash before service, §2),
/// due at <see cref="PaymentCondition.Activation"/> or <see cref="PaymentCondition.BridgeStart"/>, and at
/// least the rulebook's minimum; then at most one after the mid-term and one after the final
/// evaluation, in that order.
/// </summary>
public sealed class PaymentSchedule : IEquatable<PaymentSchedule>
{
    public const decimal WholePercent = Shared.PaymentScheduleRules.WholePercent;

    private PaymentSchedule(IReadOnlyList<Instalment> instalments) => Instalments = instalments;

    /// <summary>30 % advance at activation, 40 % after a passing mid-term, 30 % after a passing final evaluation.</summary>
    public static PaymentSchedule Default { get; } = Create(
    [
        new Instalment(30m, PaymentCondition.Activation),
        new Instalment(40m, PaymentCondition.MidTermPassed),
        new Instalment(30m, PaymentCondition.FinalPassed),
    ]);

    public IReadOnlyList<Instalment> Instalments { get; }

    public decimal AdvancePercent => Instalments[0].Percent;

    public static PaymentSchedule Create(IEnumerable<Instalment> instalments) => Create(instalments, ProcurementMethodRules.Default);

    public static PaymentSchedule Create(IEnumerable<Instalment> instalments, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        ArgumentNullException.ThrowIfNull(rules);
        var list = instalments.ToList();
        var findings = Shared.PaymentScheduleRules.Check(
            [.. list.Select(i => new Shared.ScheduleLine(i.Percent, Shared.PaymentScheduleRules.ConditionOf(i.Condition)))], rules.MinimumAdvancePercent);
        if (findings.Count > 0)
        {
            var finding = findings[0];
            throw finding.Code switch
            {
                RuleCodes.AdvanceMissing or RuleCodes.PaymentConditionsOutOfOrder =>
                    new RuleViolationException(finding.Code, finding.Field, list[finding.Index!.Value].Condition),
                RuleCodes.InstalmentPercentInvalid => new RuleViolationException(finding.Code, finding.Field, finding.Value),
                _ => new RuleViolationException(finding.Code, finding.Field, finding.Value, finding.Limit),
            };
        }

        return new PaymentSchedule(list.AsReadOnly());
    }

    /// <summary>A schedule as it was stored: checked when saved, not again on reading (see <see cref="EvaluationScheme.Restore"/>).</summary>
    internal static PaymentSchedule Restore(IEnumerable<Instalment> instalments) => new(instalments.ToList().AsReadOnly());

    /// <summary>
    /// The amount of each instalment, in order, summing exactly to <paramref name="contractAmount"/>:
    /// every instalment but the last is its percent of the amount rounded to the fen half away from
    /// zero; the last takes what remains, so the rounding remainder lands there (DOMAIN.md §9).
    /// </summary>
    public IReadOnlyList<decimal> Amounts(decimal contractAmount)
    {
        if (contractAmount <= 0 || decimal.Round(contractAmount, 2) != contractAmount)
        {
            throw new RuleViolationException(RuleCodes.ContractAmountInvalid, "contractAmount", contractAmount);
        }

        var amounts = new decimal[Instalments.Count];
        for (var i = 0; i < amounts.Length - 1; i++)
        {
            amounts[i] = decimal.Round(contractAmount * Instalments[i].Percent / WholePercent, 2, MidpointRounding.AwayFromZero);
        }

        // Never negative: at most two instalments are rounded (one per stage before the last), each by at
        // most half a fen, and the last one's exact share is above zero, so the rounded ones cannot pass the whole.
        amounts[^1] = contractAmount - amounts[..^1].Sum();
        return amounts;
    }

    public bool Equals(PaymentSchedule? other) => other is not null && Instalments.SequenceEqual(other.Instalments);

    public override bool Equals(object? obj) => Equals(obj as PaymentSchedule);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var instalment in Instalments)
        {
            hash.Add(instalment);
        }

        return hash.ToHashCode();
    }
}
