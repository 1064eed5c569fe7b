using Procurement.Rules.Refusals;

namespace Procurement.Contracting.Domain;

/// <summary>
/// The numbers of the contract lifecycle (DOMAIN.md §2, §7), in one place. <see cref="Default"/> is the national
/// table; a deployment with its own numbers builds another instance and the code that applies them does not change.
/// The continuity work will replace the fixed renewal lead time by one learnt from history (§2).
/// </summary>
/// <param name="RenewalLeadTimeDays">Renewal work starts this many days before the end: the contract becomes <c>Expiring</c>.</param>
/// <param name="BridgeMaximumMonths">A bridge extension (过渡期延续) adds at most this many months.</param>
/// <param name="ConsecutiveCapMonths">
/// Consecutive months a program may run with one agency through renewals and bridge extensions
/// (政府购买服务管理办法, 财政部令第102号: up to three years).
/// </param>
/// <param name="DaysInPartialMonth">A period's days beyond its whole months count as this many days to the month when the monthly rate is worked out.</param>
/// <param name="DefaultPaymentTermDays">An instalment is paid within this many days of becoming due, unless the contract agrees otherwise (DOMAIN.md §9).</param>
/// <param name="MaximumPaymentTermDays">The longest payment term a contract may agree (DOMAIN.md §9: up to 60 days).</param>
public sealed record ContractRules(
    int RenewalLeadTimeDays, int BridgeMaximumMonths, int ConsecutiveCapMonths, int DaysInPartialMonth, int DefaultPaymentTermDays = 30, int MaximumPaymentTermDays = 60)
{
    public static ContractRules Default { get; } = new(
        RenewalLeadTimeDays: 90, BridgeMaximumMonths: 3, ConsecutiveCapMonths: 36, DaysInPartialMonth: 30, DefaultPaymentTermDays: 30, MaximumPaymentTermDays: 60);

    /// <summary>Refuses a payment term of fewer than one or more than the maximum days.</summary>
    public void CheckPaymentTerm(int days)
    {
        if (days < 1 || days > MaximumPaymentTermDays)
        {
            throw new RuleViolationException(ContractCodes.PaymentTermOutOfRange, "days", days, MaximumPaymentTermDays);
        }
    }

    /// <summary>The day the renewal window opens for a contract ending on <paramref name="end"/>.</summary>
    public DateOnly RenewalWindowOpens(DateOnly end) => end.AddDays(-RenewalLeadTimeDays);

    /// <summary>The last day a program may be served by one agency whose consecutive contracts began on <paramref name="consecutiveSince"/>.</summary>
    public DateOnly CapEnd(DateOnly consecutiveSince) => consecutiveSince.AddMonths(ConsecutiveCapMonths).AddDays(-1);

    /// <summary>Refuses an end date past the three-year cap of consecutive service with one agency.</summary>
    public void CheckCap(DateOnly consecutiveSince, DateOnly end, string field)
    {
        var capEnd = CapEnd(consecutiveSince);
        if (end > capEnd)
        {
            throw new RuleViolationException(ContractCodes.ConsecutiveCapExceeded, field, end, ConsecutiveCapMonths, consecutiveSince, capEnd);
        }
    }

    /// <summary>Refuses a bridge extension of fewer than one or more than the maximum months.</summary>
    public void CheckBridgeMonths(int months)
    {
        if (months < 1 || months > BridgeMaximumMonths)
        {
            throw new RuleViolationException(ContractCodes.BridgeMonthsOutOfRange, "months", months, BridgeMaximumMonths);
        }
    }

    /// <summary>
    /// The length of a service period in months: its whole calendar months (start day to the day before the same
    /// day of a later month) plus the days left over counted as a fraction of <see cref="DaysInPartialMonth"/>.
    /// 2027-01-01 to 2027-12-31 is 12 months; 2027-01-01 to 2027-01-15 is 0.5.
    /// </summary>
    public decimal PeriodMonths(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var whole = 0;
        while (start.AddMonths(whole + 1) <= after)
        {
            whole++;
        }

        var leftover = after.DayNumber - start.AddMonths(whole).DayNumber;
        return whole + (decimal)leftover / DaysInPartialMonth;
    }

    /// <summary>
    /// The monthly rate of the terms in force: amount ÷ period months, rounded once to whole fen, half away from
    /// zero. A bridge extension adds this rate times its months, so the extension's price is exact in fen.
    /// </summary>
    public decimal MonthlyRate(decimal amount, DateOnly start, DateOnly end) =>
        decimal.Round(amount / PeriodMonths(start, end), 2, MidpointRounding.AwayFromZero);
}
