namespace Procurement.Disbursement.Domain;

/// <summary>What makes an instalment fall due (DOMAIN.md §9, §2); the names are those of <c>InstalmentTerms.Condition</c>.</summary>
public enum PaymentCondition
{
    /// <summary>The contract becomes active: the advance.</summary>
    Activation,

    /// <summary>A passing mid-term performance evaluation.</summary>
    MidTermPassed,

    /// <summary>A passing final performance evaluation.</summary>
    FinalPassed,

    /// <summary>A bridge extension was agreed: its instalment is paid on or before the extension's first day (§2).</summary>
    BridgeStart,
}

/// <summary>One instalment of a schedule as a contract states it: a percent of the amount and its condition.</summary>
public sealed record ScheduledShare(decimal Percent, PaymentCondition Condition);

/// <summary>
/// The numbers of DOMAIN.md §9 in one place. <see cref="Default"/> is the national table; a region or a year
/// with its own numbers builds another instance, and the code that applies them does not change.
/// </summary>
/// <param name="MinimumAdvancePercent">The first instalment (the advance) is at least this percent of the contract amount.</param>
/// <param name="DefaultSchedule">The schedule of a contract that states none.</param>
/// <param name="DefaultPaymentTermDays">Days from an instalment falling due to the last day it may be paid on time.</param>
/// <param name="MaximumPaymentTermDays">The longest term a contract may agree (保障中小企业款项支付条例).</param>
public sealed record DisbursementRules(
    decimal MinimumAdvancePercent,
    IReadOnlyList<ScheduledShare> DefaultSchedule,
    int DefaultPaymentTermDays,
    int MaximumPaymentTermDays)
{
    public const string Currency = "CNY";

    public const decimal WholePercent = 100m;

    /// <summary>30 / 40 / 30, advance at least 10 %, paid within 30 days (a contract may agree up to 60).</summary>
    public static DisbursementRules Default { get; } = new(
        MinimumAdvancePercent: 10m,
        DefaultSchedule:
        [
            new ScheduledShare(30m, PaymentCondition.Activation),
            new ScheduledShare(40m, PaymentCondition.MidTermPassed),
            new ScheduledShare(30m, PaymentCondition.FinalPassed),
        ],
        DefaultPaymentTermDays: 30,
        MaximumPaymentTermDays: 60);

    /// <summary>The payment term a contract agreed, checked against the table; null means the default.</summary>
    public int PaymentTermDays(int? agreed)
    {
        if (agreed is null)
        {
            return DefaultPaymentTermDays;
        }

        if (agreed < 1 || agreed > MaximumPaymentTermDays)
        {
            throw new Procurement.ServiceDefaults.Problems.RuleViolationException(
                DisbursementCodes.PaymentTermTooLong, "paymentTermDays", agreed, MaximumPaymentTermDays);
        }

        return agreed.Value;
    }
}
