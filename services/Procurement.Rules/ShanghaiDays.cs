using System.Globalization;

namespace Procurement.Rules;

/// <summary>
/// How the platform counts "N days" in the law: Asia/Shanghai calendar days, ending at the same
/// wall-clock time. Published 2026-12-01 10:00 Beijing time, "20 days" ends 2026-12-21 10:00 Beijing time.
/// </summary>
/// <remarks>
/// Why the Shanghai calendar and not 24-hour spans in UTC: bidders, purchasers and auditors read
/// deadlines on a Chinese calendar, and a rule written in days must stay right if the zone ever gains
/// an offset change. China has no daylight saving today, so both readings give the same instant; the
/// calendar reading is the one that stays true to the words of the law.
/// Why the same wall-clock time and not the end of the last day: it is at least as long as the
/// statutory counting (民法典 art. 201: the first day is not counted), which would allow a deadline at
/// any time of day D+20; ours asks for D+20 at or after the publication's time of day. A deadline
/// is never shorter than the law, at the cost of at most a few hours.
/// Instants out are UTC <see cref="DateTimeOffset"/>s.
/// </remarks>
public static class ShanghaiDays
{
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>Asia/Shanghai; UTC+8 without daylight saving when the machine has no tz data (as China since 1991).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The instant <paramref name="days"/> Shanghai calendar days after <paramref name="instant"/>, at the same Shanghai wall-clock time.</summary>
    public static DateTimeOffset Add(DateTimeOffset instant, int days) => At(WallClock(instant).AddDays(days));

    /// <summary>The instant at which Shanghai clocks show <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeSpan time) => At(date.ToDateTime(TimeOnly.MinValue).Add(time));

    /// <summary>A Shanghai wall-clock reading (as a date picker gives it) as a UTC instant. Shanghai has no skipped or repeated hours since 1991.</summary>
    public static DateTimeOffset At(DateTime shanghaiWallClock)
    {
        var unspecified = DateTime.SpecifyKind(shanghaiWallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The Shanghai wall-clock reading of an instant.</summary>
    public static DateTime WallClock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The Shanghai calendar day on which the instant falls.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(WallClock(instant));

    /// <summary>"2026-12-20 17:00" in Beijing time, for messages.</summary>
    public static string Show(DateTimeOffset instant) => WallClock(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
