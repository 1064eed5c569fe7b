// One list of conditions for Tendering and Disbursement (issue 16 item 10): the rules' own, under its old name here.
global using PaymentCondition = Procurement.Rules.PaymentCondition;
using Procurement.Rules.Refusals;
using Shared = Procurement.Rules;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>One instalment: a percent of the contract amount (two decimals at most) and the condition that makes it due.</summary>
public sealed record Instalment(decimal Percent, PaymentCondition Condition);

/// <summary>
/// The instalments a tender announces and its contract will pay (DOMAIN.md §9), valid by construction under the
/// one rule of <see cref="Shared.PaymentScheduleRules"/> (which Disbursement splits the contract's schedule with):
/// percentages summing to exactly 100; the first instalment is the advance (cash before service, §2), due at
/// <see cref="PaymentCondition.Activation"/> or <see cref="PaymentCondition.BridgeStart"/>, and at least the rulebook's
/// minimum (never below the rules' floor); then at most one after the mid-term and one after the final evaluation, in
/// that order.
/// </summary>
public sealed class PaymentSchedule : IEquatable<PaymentSchedule>
{
    private PaymentSchedule(IReadOnlyList<Instalment> instalments) => Instalments = instalments;

    /// <summary>30 % advance at activation, 40 % after a passing mid-term, 30 % after a passing final evaluation.</summary>
    public static PaymentSchedule Default { get; } = Create(Shared.PaymentScheduleRules.DefaultSchedule.Select(line => new Instalment(line.Percent, line.Condition)));

    public IReadOnlyList<Instalment> Instalments { get; }

    public decimal AdvancePercent => Instalments[0].Percent;

    public static PaymentSchedule Create(IEnumerable<Instalment> instalments) => Create(instalments, ProcurementMethodRules.Default);

    public static PaymentSchedule Create(IEnumerable<Instalment> instalments, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        ArgumentNullException.ThrowIfNull(rules);
        var list = instalments.ToList();
        var findings = Shared.PaymentScheduleRules.Check(
            [.. list.Select(i => new Shared.ScheduleLine(i.Percent, i.Condition))], rules.MinimumAdvancePercent);
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
