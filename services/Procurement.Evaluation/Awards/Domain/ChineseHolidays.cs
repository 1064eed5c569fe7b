namespace Procurement.Evaluation.Awards.Domain;

/// <summary>
/// The calendar the platform starts with, seeded into the database on first start; admins change it from there.
/// </summary>
public static class ChineseHolidays
{
    /// <summary>The configured years: 2026 as published, 2027 provisional.</summary>
    public static IReadOnlyList<CalendarYear> Years { get; } =
    [
        new(2026, provisional: false, "国务院办公厅关于2026年部分节假日安排的通知"),
        new(2027, provisional: true, "Customary festival dates; replace with the State Council's arrangement when it is published (usually in November 2026)."),
    ];

    /// <summary>
    /// 2026: the State Council's arrangement. Every make-up day is a Saturday or Sunday (checked by a test):
    /// 4 Jan is a Sunday, 14 and 28 Feb and 9 May are Saturdays, 20 Sep is a Sunday, 10 Oct a Saturday.
    /// 2027: PROVISIONAL — the customary festival dates only (New Year 1 Jan; Spring Festival 6–12 Feb, the
    /// lunar new year falling on Saturday 6 Feb; Qingming 5 Apr; Labour Day 1–5 May; Dragon Boat 9 Jun;
    /// Mid-Autumn 15 Sep; National Day 1–7 Oct) and no make-up days, until the State Council publishes 2027.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Days { get; } =
    [
        .. Holidays(new(2026, 1, 1), new(2026, 1, 3), "New Year's Day 元旦"),
        MakeUp(new(2026, 1, 4), "New Year's Day 元旦"),
        .. Holidays(new(2026, 2, 15), new(2026, 2, 23), "Spring Festival 春节"),
        MakeUp(new(2026, 2, 14), "Spring Festival 春节"),
        MakeUp(new(2026, 2, 28), "Spring Festival 春节"),
        .. Holidays(new(2026, 4, 4), new(2026, 4, 6), "Qingming Festival 清明节"),
        .. Holidays(new(2026, 5, 1), new(2026, 5, 5), "Labour Day 劳动节"),
        MakeUp(new(2026, 5, 9), "Labour Day 劳动节"),
        .. Holidays(new(2026, 6, 19), new(2026, 6, 21), "Dragon Boat Festival 端午节"),
        .. Holidays(new(2026, 9, 25), new(2026, 9, 27), "Mid-Autumn Festival 中秋节"),
        .. Holidays(new(2026, 10, 1), new(2026, 10, 7), "National Day 国庆节"),
        MakeUp(new(2026, 9, 20), "National Day 国庆节"),
        MakeUp(new(2026, 10, 10), "National Day 国庆节"),

        .. Holidays(new(2027, 1, 1), new(2027, 1, 1), "New Year's Day 元旦"),
        .. Holidays(new(2027, 2, 6), new(2027, 2, 12), "Spring Festival 春节"),
        .. Holidays(new(2027, 4, 5), new(2027, 4, 5), "Qingming Festival 清明节"),
        .. Holidays(new(2027, 5, 1), new(2027, 5, 5), "Labour Day 劳动节"),
        .. Holidays(new(2027, 6, 9), new(2027, 6, 9), "Dragon Boat Festival 端午节"),
        .. Holidays(new(2027, 9, 15), new(2027, 9, 15), "Mid-Autumn Festival 中秋节"),
        .. Holidays(new(2027, 10, 1), new(2027, 10, 7), "National Day 国庆节"),
    ];

    public static WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.From(Years, Days);

    private static IEnumerable<CalendarDay> Holidays(DateOnly first, DateOnly last, string name)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return new CalendarDay(day, CalendarDayKind.Holiday, name);
        }
    }

    private static CalendarDay MakeUp(DateOnly day, string name) => new(day, CalendarDayKind.MakeUpWorkday, name);
}
