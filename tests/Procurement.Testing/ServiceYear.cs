using Procurement.ServiceDefaults.Time;

namespace Procurement.Testing;

/// <summary>
/// A year of service that starts after a bid deadline, whatever day the tests run on: it begins on the first day of
/// the second month after the deadline's month on the Beijing calendar (bids due 2026-11-27 serve 2027-01-01 to
/// 2027-12-31), so the service never starts before bidding closes, as Tendering requires, nor more than two months
/// after. Tests that take "now" from the real clock use this instead of a fixed year that the calendar overtakes.
/// </summary>
public static class ServiceYear
{
    /// <summary>The service year after bids due at <paramref name="bidDeadline"/>.</summary>
    public static (DateOnly Start, DateOnly End) After(DateTimeOffset bidDeadline)
    {
        var due = bidDeadline.ShanghaiDate();
        var start = new DateOnly(due.Year, due.Month, 1).AddMonths(2);
        return (start, start.AddYears(1).AddDays(-1));
    }

    /// <summary>Today's date in Beijing on the real clock.</summary>
    public static DateOnly BeijingToday() => DateTimeOffset.UtcNow.ShanghaiDate();
}
