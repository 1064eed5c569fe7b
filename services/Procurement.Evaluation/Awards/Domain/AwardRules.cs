using Procurement.ServiceDefaults.Time;

namespace Procurement.Evaluation.Awards.Domain;

/// <summary>
/// The numbers of the award stage (DOMAIN.md §6), in one place. A region or year with other numbers builds
/// another instance; the code that applies them does not change.
/// </summary>
/// <param name="ChallengeWindowWorkingDays">The challenge window (质疑期): working days after the day the result is published.</param>
/// <param name="MaxChallengeLength">The longest challenge, answer or deviation reason, in characters.</param>
public sealed record AwardRules(int ChallengeWindowWorkingDays, int MaxChallengeLength)
{
    /// <summary>7 working days (政府采购质疑和投诉办法, 财政部令第94号 art. 10).</summary>
    public static AwardRules Default { get; } = new(ChallengeWindowWorkingDays: 7, MaxChallengeLength: 4000);
}

/// <summary>
/// The challenge window of a published result: counted on the working-day calendar from the day after the
/// publication day in Asia/Shanghai, open until the end of its last working day (Shanghai midnight).
/// </summary>
/// <param name="NoticeDate">The day the result was published, in Shanghai.</param>
/// <param name="LastDay">The last working day of the window.</param>
/// <param name="ClosesAt">The instant it closes: the start of the day after <paramref name="LastDay"/> in Shanghai (UTC).</param>
/// <param name="WeekendsOnly">Part of the window fell outside the calendar's configured years: there only weekends were skipped.</param>
public sealed record ChallengeWindow(DateOnly NoticeDate, DateOnly LastDay, DateTimeOffset ClosesAt, bool WeekendsOnly)
{
    public static ChallengeWindow Open(DateTimeOffset publishedAt, WorkingDayCalendar calendar, AwardRules rules)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        var noticeDate = publishedAt.ShanghaiDate();
        var end = calendar.AddWorkingDays(noticeDate, rules.ChallengeWindowWorkingDays);
        return new ChallengeWindow(noticeDate, end.Date, StartOfShanghaiDay(end.Date.AddDays(1)), end.WeekendsOnly);
    }

    /// <summary>Midnight at the start of <paramref name="day"/> in Shanghai, as a UTC instant.</summary>
    public static DateTimeOffset StartOfShanghaiDay(DateOnly day)
    {
        var wallClock = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, ShanghaiTime.Zone.GetUtcOffset(wallClock)).ToUniversalTime();
    }
}
