using Procurement.Evaluation.Awards.Domain;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Challenge_window
{
    private static readonly WorkingDayCalendar Calendar = ChineseHolidays.Calendar;

    /// <summary>An instant at Shanghai wall-clock time (UTC+8).</summary>
    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public void Seven_working_days_are_counted_from_the_day_after_publication()
    {
        // Published Wednesday 25 Nov 2026: Thu 26 (1), Fri 27 (2), Mon 30 (3), Tue 1 Dec (4), Wed 2 (5), Thu 3 (6), Fri 4 (7).
        var window = ChallengeWindow.Open(Beijing(2026, 11, 25, 10), Calendar, AwardRules.Default);
        window.NoticeDate.Should().Be(new DateOnly(2026, 11, 25));
        window.LastDay.Should().Be(new DateOnly(2026, 12, 4));
        window.ClosesAt.Should().Be(Beijing(2026, 12, 5, 0), "the window runs to the end of its last day in Shanghai");
        window.ClosesAt.Offset.Should().Be(TimeSpan.Zero);
        window.WeekendsOnly.Should().BeFalse();
    }

    [Fact]
    public void Six_working_days_would_end_a_day_earlier_the_rule_table_says_seven()
    {
        AwardRules.Default.ChallengeWindowWorkingDays.Should().Be(7);
        var six = ChallengeWindow.Open(Beijing(2026, 11, 25, 10), Calendar, AwardRules.Default with { ChallengeWindowWorkingDays = 6 });
        six.LastDay.Should().Be(new DateOnly(2026, 12, 3));
        var eight = ChallengeWindow.Open(Beijing(2026, 11, 25, 10), Calendar, AwardRules.Default with { ChallengeWindowWorkingDays = 8 });
        eight.LastDay.Should().Be(new DateOnly(2026, 12, 7));
    }

    [Fact]
    public void A_window_across_a_make_up_sunday_and_the_mid_autumn_holiday()
    {
        // Published Friday 18 Sep 2026: Sun 20 (make-up, 1), Mon 21 (2) … Thu 24 (5), Fri 25–Sun 27 Mid-Autumn, Mon 28 (6), Tue 29 (7).
        var window = ChallengeWindow.Open(Beijing(2026, 9, 18, 16), Calendar, AwardRules.Default);
        window.LastDay.Should().Be(new DateOnly(2026, 9, 29));
    }

    [Fact]
    public void A_window_across_national_day_and_its_make_up_saturday()
    {
        // Published Wednesday 30 Sep 2026: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 (make-up, 3), Mon 12 (4) … Thu 15 (7).
        ChallengeWindow.Open(Beijing(2026, 9, 30, 9), Calendar, AwardRules.Default).LastDay.Should().Be(new DateOnly(2026, 10, 15));
    }

    [Fact]
    public void The_publication_day_is_the_shanghai_day_not_the_utc_day()
    {
        // 23:30 on 25 Nov in Shanghai is 15:30 UTC on 25 Nov; 00:30 on 26 Nov in Shanghai is still 25 Nov in UTC.
        ChallengeWindow.Open(Beijing(2026, 11, 25, 23, 30), Calendar, AwardRules.Default).NoticeDate.Should().Be(new DateOnly(2026, 11, 25));
        var late = ChallengeWindow.Open(Beijing(2026, 11, 26, 0, 30), Calendar, AwardRules.Default);
        late.NoticeDate.Should().Be(new DateOnly(2026, 11, 26));
        late.LastDay.Should().Be(new DateOnly(2026, 12, 7));
    }

    [Fact]
    public void A_window_running_past_the_configured_years_says_it_counted_weekends_only()
    {
        ChallengeWindow.Open(Beijing(2027, 12, 28, 10), Calendar, AwardRules.Default).WeekendsOnly.Should().BeTrue();
    }
}
