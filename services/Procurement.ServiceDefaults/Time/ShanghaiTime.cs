namespace Procurement.ServiceDefaults.Time;

/// <summary>
/// Instants are kept in UTC; people read them in Asia/Shanghai. China has kept UTC+8 without
/// daylight saving since 1991, so a machine without tz data still shows the right wall time.
/// </summary>
public static class ShanghaiTime
{
    public const string TimeZoneId = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; } = Find();

    public static DateTimeOffset ToShanghai(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant in Asia/Shanghai as ISO 8601 text with its offset (<c>2026-12-05T00:00:00+08:00</c>), as answers show it.</summary>
    public static string ToShanghaiText(this DateTimeOffset instant) =>
        instant.ToShanghai().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The calendar day in Shanghai on which the instant falls.</summary>
    public static DateOnly ShanghaiDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToShanghai().DateTime);

    /// <summary>The first instant of <paramref name="day"/> in Beijing.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    private static TimeZoneInfo Find()
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
