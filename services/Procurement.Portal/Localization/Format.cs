using System.Globalization;

namespace Procurement.Portal.Localization;

/// <summary>How the portal writes amounts and dates for its users, whatever their language: CNY with two decimals, Asia/Shanghai.</summary>
public static class Format
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>¥1,234,567.89 (a negative amount −¥12.00).</summary>
    public static string Money(decimal amount) =>
        (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Money(decimal? amount) => amount is { } value ? Money(value) : "—";

    /// <summary>2026-12-05.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "—";

    /// <summary>The moment in Shanghai time: 2026-12-05 09:30.</summary>
    public static string Time(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? moment) => moment is { } value ? Time(value) : "—";

    /// <summary>The calendar day in Shanghai of a moment.</summary>
    public static DateOnly ShanghaiDay(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Shanghai).DateTime);
}
