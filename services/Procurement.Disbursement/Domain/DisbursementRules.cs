using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Domain;

/// <summary>
/// Disbursement's own numbers of DOMAIN.md §9: the payment term. <see cref="Default"/> is the national table; a region or a
/// year with its own numbers builds another instance, and the code that applies them does not change. The schedule's
/// numbers (the minimum advance, the default 30 / 40 / 30, the whole of 100 %) are the rules' own
/// (<see cref="Procurement.Rules.PaymentScheduleRules"/>), shared with Tendering, which checks them first.
/// </summary>
/// <param name="DefaultPaymentTermDays">Days from an instalment falling due to the last day it may be paid on time.</param>
/// <param name="MaximumPaymentTermDays">The longest term a contract may agree (保障中小企业款项支付条例).</param>
public sealed record DisbursementRules(
    int DefaultPaymentTermDays,
    int MaximumPaymentTermDays)
{
    public const string Currency = "CNY";

    /// <summary>Paid within 30 days (a contract may agree up to 60).</summary>
    public static DisbursementRules Default { get; } = new(
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
            throw new RuleViolationException(
                DisbursementCodes.PaymentTermTooLong, "paymentTermDays", agreed, MaximumPaymentTermDays);
        }

        return agreed.Value;
    }
}
