using CsCheck;
using Procurement.Evaluation.Awards.Domain;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Working_day_calendar
{
    private static readonly WorkingDayCalendar Calendar = ChineseHolidays.Calendar;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_friday_plus_one_working_day_is_the_monday_after_the_weekend()
    {
        var count = Calendar.AddWorkingDays(D(2026, 11, 27), 1);
        count.Date.Should().Be(D(2026, 11, 30));
        count.WeekendsOnly.Should().BeFalse();
    }

    [Fact]
    public void A_holiday_on_weekdays_is_skipped()
    {
        // Thursday 30 Apr 2026; Labour Day runs Friday 1 May to Tuesday 5 May; Wednesday 6 May is the next working day.
        Calendar.AddWorkingDays(D(2026, 4, 30), 1).Date.Should().Be(D(2026, 5, 6));
        // Thursday 18 Jun; Dragon Boat Friday 19 to Sunday 21; Monday 22.
        Calendar.AddWorkingDays(D(2026, 6, 18), 1).Date.Should().Be(D(2026, 6, 22));
    }

    [Fact]
    public void A_make_up_saturday_is_a_working_day()
    {
        // Friday 8 May 2026 + 1 is Saturday 9 May, worked for Labour Day.
        Calendar.AddWorkingDays(D(2026, 5, 8), 1).Date.Should().Be(D(2026, 5, 9));
        Calendar.IsWorkingDay(D(2026, 5, 9)).Should().BeTrue();
        // The Saturday after it is an ordinary weekend day.
        Calendar.IsWorkingDay(D(2026, 5, 16)).Should().BeFalse();
        // Friday 9 Oct + 1 is Saturday 10 Oct, worked for National Day.
        Calendar.AddWorkingDays(D(2026, 10, 9), 1).Date.Should().Be(D(2026, 10, 10));
    }

    [Fact]
    public void A_make_up_sunday_is_a_working_day_and_a_holiday_saturday_is_not()
    {
        Calendar.IsWorkingDay(D(2026, 1, 4)).Should().BeTrue("Sunday 4 Jan 2026 is worked for New Year");
        Calendar.IsWorkingDay(D(2026, 1, 3)).Should().BeFalse("Saturday 3 Jan 2026 is part of the New Year holiday");
        Calendar.IsWorkingDay(D(2026, 1, 2)).Should().BeFalse("Friday 2 Jan 2026 is part of the New Year holiday");
        Calendar.IsWorkingDay(D(2026, 1, 5)).Should().BeTrue("Monday 5 Jan 2026 is an ordinary working day");
    }

    [Fact]
    public void Every_make_up_day_of_the_seed_falls_on_a_weekend_and_every_day_lies_in_a_configured_year()
    {
        ChineseHolidays.Days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday)
            .Should().OnlyContain(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
        ChineseHolidays.Days.Should().OnlyContain(d => ChineseHolidays.Years.Any(y => y.Year == d.Date.Year));
        ChineseHolidays.Days.Select(d => d.Date).Should().OnlyHaveUniqueItems();
        ChineseHolidays.Years.Single(y => y.Year == 2027).Provisional.Should().BeTrue();
        ChineseHolidays.Years.Single(y => y.Year == 2026).Provisional.Should().BeFalse();
    }

    [Fact]
    public void The_2026_arrangement_has_the_published_number_of_days_off_and_make_up_days()
    {
        var year = ChineseHolidays.Days.Where(d => d.Date.Year == 2026).ToList();
        year.Count(d => d.Kind == CalendarDayKind.Holiday).Should().Be(3 + 9 + 3 + 5 + 3 + 3 + 7);
        year.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).Should().BeEquivalentTo(
            [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]);
    }

    [Fact]
    public void The_spring_festival_with_its_two_make_up_saturdays_counts_as_published()
    {
        // Friday 13 Feb 2026: Sat 14 (make-up, 1), 15–23 off, Tue 24 (2), 25 (3), 26 (4), 27 (5), Sat 28 (make-up, 6), Mon 2 Mar (7).
        Calendar.AddWorkingDays(D(2026, 2, 13), 7).Date.Should().Be(D(2026, 3, 2));
    }

    [Fact]
    public void The_provisional_2027_festivals_are_days_off()
    {
        Calendar.IsWorkingDay(D(2027, 2, 8)).Should().BeFalse("Monday 8 Feb 2027 falls in the Spring Festival");
        Calendar.IsWorkingDay(D(2027, 9, 15)).Should().BeFalse("Wednesday 15 Sep 2027 is Mid-Autumn");
        Calendar.IsWorkingDay(D(2027, 9, 16)).Should().BeTrue();
    }

    [Fact]
    public void Zero_working_days_is_the_day_itself_and_a_negative_count_is_refused()
    {
        Calendar.AddWorkingDays(D(2026, 10, 3), 0).Date.Should().Be(D(2026, 10, 3));
        var negative = () => Calendar.AddWorkingDays(D(2026, 10, 3), -1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Outside_the_configured_years_only_weekends_are_skipped_and_the_count_says_so()
    {
        // Tuesday 28 Dec 2027: 29 (1), 30 (2), 31 (3); 2028 is not configured: Mon 3 Jan (4) … Thu 6 Jan (7).
        var count = Calendar.AddWorkingDays(D(2027, 12, 28), 7);
        count.Date.Should().Be(D(2028, 1, 6));
        count.WeekendsOnly.Should().BeTrue();

        // A count that ends on the last configured day stays on the configured calendar.
        Calendar.AddWorkingDays(D(2027, 12, 28), 3).Should().Be(new WorkingDayCount(D(2027, 12, 31), WeekendsOnly: false));
    }

    [Fact]
    public void A_configured_day_outside_the_configured_years_is_ignored()
    {
        var calendar = new WorkingDayCalendar([2026], [(D(2028, 1, 3), CalendarDayKind.Holiday)]);
        calendar.IsWorkingDay(D(2028, 1, 3)).Should().BeTrue("2028 is not configured, so only the weekend counts there");
        calendar.Covers(2028).Should().BeFalse();
    }

    [Fact]
    public void Any_count_ends_on_a_working_day_with_exactly_that_many_working_days_after_the_start()
    {
        var first = D(2026, 1, 1).DayNumber;
        Gen.Select(Gen.Int[0, 729], Gen.Int[1, 40]).Sample((offset, n) =>
        {
            var start = DateOnly.FromDayNumber(first + offset);
            var end = Calendar.AddWorkingDays(start, n).Date;
            Calendar.IsWorkingDay(end).Should().BeTrue();
            var counted = Enumerable.Range(1, end.DayNumber - start.DayNumber)
                .Count(d => Calendar.IsWorkingDay(DateOnly.FromDayNumber(start.DayNumber + d)));
            counted.Should().Be(n);
            Calendar.AddWorkingDays(start, n + 1).Date.Should().BeAfter(end);
        });
    }
}
