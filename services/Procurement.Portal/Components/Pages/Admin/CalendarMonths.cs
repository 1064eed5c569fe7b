using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Admin;

/// <summary>One month of a calendar year: its configured days in date order and how many of each kind.</summary>
public sealed record CalendarMonth(int Month, IReadOnlyList<CalendarDayResponse> Days)
{
    public int Holidays => Days.Count(d => d.Kind == CalendarDayKind.Holiday);

    public int MakeUpWorkdays => Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday);
}

/// <summary>The working-day calendar of one year as the admin's page shows it: twelve months, each with its days.</summary>
public static class CalendarMonths
{
    /// <summary>The twelve months of <paramref name="year"/>, each with the configured days that fall in it (other years' days left out).</summary>
    public static IReadOnlyList<CalendarMonth> Of(int year, IEnumerable<CalendarDayResponse> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var ofYear = days.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
        return [.. Enumerable.Range(1, 12).Select(month => new CalendarMonth(month, [.. ofYear.Where(d => d.Date.Month == month)]))];
    }

    /// <summary>The year's configuration, or null when the year is not configured (then only weekends are days off).</summary>
    public static CalendarYearResponse? Configured(CalendarResponse calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Years.FirstOrDefault(y => y.Year == year);
    }
}
