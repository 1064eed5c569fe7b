namespace Procurement.Rules;

/// <summary>
/// The bidding period and the amendment margin of DOMAIN.md §3, for a method's numbers (days are
/// <see cref="ShanghaiDays"/>; a null number means the method has no such period or margin).
/// </summary>
public static class DeadlineRules
{
    public const string BidPeriodTooShort = "bid_period_too_short";

    /// <summary>
    /// The earliest bid deadline for a tender published at <paramref name="publishedAt"/>: <paramref name="minimumBiddingDays"/>
    /// Shanghai calendar days later at the same wall-clock time. Without a bidding period, the publication itself.
    /// </summary>
    public static DateTimeOffset MinimumDeadline(DateTimeOffset publishedAt, int? minimumBiddingDays) =>
        minimumBiddingDays is { } days ? ShanghaiDays.Add(publishedAt, days) : publishedAt.ToUniversalTime();

    /// <summary>
    /// A deadline earlier than <see cref="MinimumDeadline"/> (a deadline exactly on it is allowed: "at least"):
    /// <c>bid_period_too_short</c> on <c>bidDeadline</c> with the days as its value; null when the deadline is allowed.
    /// </summary>
    public static Finding? CheckDeadline(DateTimeOffset publishedAt, DateTimeOffset deadline, int? minimumBiddingDays) =>
        deadline < MinimumDeadline(publishedAt, minimumBiddingDays)
            ? new Finding(BidPeriodTooShort, "bidDeadline", Value: minimumBiddingDays ?? 0)
            : null;

    /// <summary>
    /// DOMAIN.md §3: an amendment that can change bids, published less than the margin before the
    /// deadline, moves the deadline out to restore that margin.
    /// </summary>
    /// <remarks>
    /// "Less than the margin" means the deadline falls before the instant that is margin Shanghai
    /// calendar days after the amendment at the amendment's wall-clock time (<see cref="ShanghaiDays"/>);
    /// an amendment exactly the margin before the deadline leaves it alone.
    /// "Restore the margin" keeps the deadline's Beijing time of day: the new deadline is the first
    /// instant at the old deadline's wall-clock time that is at least the margin after the amendment.
    /// An amendment at 2026-12-10 23:30 against a deadline of 2026-12-20 17:00 (margin 15) moves it to
    /// 2026-12-26 17:00, not 2026-12-25 23:30: the opening was announced for 17:00, bidders, panel and
    /// opening room plan around it, and a deadline at the amendment's own time of day (often late at
    /// night) would surprise everyone. The price is at most one extra day beyond the bare margin.
    /// </remarks>
    /// <returns>True when the deadline moves; <paramref name="newDeadline"/> is then the moved deadline (UTC), else the deadline unchanged.</returns>
    public static bool AmendmentMovesDeadline(DateTimeOffset amendmentAt, DateTimeOffset deadline, int? amendmentMarginDays, out DateTimeOffset newDeadline)
    {
        newDeadline = deadline.ToUniversalTime();
        if (amendmentMarginDays is not { } margin)
        {
            return false;
        }

        var marginRestoredAt = ShanghaiDays.Add(amendmentAt, margin);
        if (deadline >= marginRestoredAt)
        {
            return false;
        }

        var sameTimeOfDay = ShanghaiDays.At(ShanghaiDays.Date(marginRestoredAt), ShanghaiDays.WallClock(deadline).TimeOfDay);
        newDeadline = sameTimeOfDay >= marginRestoredAt ? sameTimeOfDay : ShanghaiDays.Add(sameTimeOfDay, 1);
        return true;
    }

    /// <summary>From this instant an answer or amendment that can change bids moves the deadline; null without a margin.</summary>
    public static DateTimeOffset? MarginStart(DateTimeOffset deadline, int? amendmentMarginDays) =>
        amendmentMarginDays is { } margin ? ShanghaiDays.Add(deadline, -margin) : null;
}
