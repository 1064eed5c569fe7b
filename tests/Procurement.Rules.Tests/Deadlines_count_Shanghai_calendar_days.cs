using System.Globalization;
using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class Deadlines_count_Shanghai_calendar_days
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Twenty_days_after_10_00_Beijing_time_end_at_10_00_Beijing_time() =>
        DeadlineRules.MinimumDeadline(Utc("2026-12-01T02:00:00Z"), 20).Should().Be(Utc("2026-12-21T02:00:00Z"));

    [Fact]
    public void A_day_is_a_Shanghai_calendar_day_even_across_UTC_midnight() =>
        ShanghaiDays.Add(Utc("2026-12-01T17:30:00Z"), 1).Should().Be(Utc("2026-12-02T17:30:00Z"));

    [Fact]
    public void A_method_without_a_bidding_period_may_close_when_it_publishes() =>
        DeadlineRules.MinimumDeadline(Utc("2026-12-01T02:00:00+00:00"), null).Should().Be(Utc("2026-12-01T02:00:00Z"));

    [Fact]
    public void A_deadline_a_minute_before_the_minimum_is_too_short_and_one_on_it_is_not()
    {
        var published = Utc("2026-12-01T02:00:00Z");
        var earliest = Utc("2026-12-11T02:00:00Z");

        DeadlineRules.CheckDeadline(published, earliest.AddMinutes(-1), 10).Should().Be(new Finding(DeadlineRules.BidPeriodTooShort, "bidDeadline", Value: 10m));
        DeadlineRules.CheckDeadline(published, earliest, 10).Should().BeNull();
    }

    [Fact]
    public void An_amendment_inside_the_margin_moves_the_deadline_keeping_its_Beijing_time_of_day()
    {
        // 2026-12-10 23:30 Beijing against 2026-12-20 17:00 Beijing, margin 15: 2026-12-26 17:00 Beijing.
        var moved = DeadlineRules.AmendmentMovesDeadline(Utc("2026-12-10T15:30:00Z"), Utc("2026-12-20T09:00:00Z"), 15, out var deadline);

        moved.Should().BeTrue();
        deadline.Should().Be(Utc("2026-12-26T09:00:00Z"));
    }

    [Fact]
    public void An_amendment_exactly_the_margin_before_the_deadline_leaves_it_and_one_a_minute_later_moves_it()
    {
        var deadline = Utc("2026-12-20T09:00:00Z");

        DeadlineRules.AmendmentMovesDeadline(Utc("2026-12-05T09:00:00Z"), deadline, 15, out var same).Should().BeFalse();
        same.Should().Be(deadline);
        DeadlineRules.AmendmentMovesDeadline(Utc("2026-12-05T09:01:00Z"), deadline, 15, out var moved).Should().BeTrue();
        moved.Should().Be(Utc("2026-12-21T09:00:00Z"), "the first 17:00 Beijing at least 15 days after the amendment");
    }

    [Fact]
    public void Without_a_margin_amendments_never_move_the_deadline()
    {
        DeadlineRules.AmendmentMovesDeadline(Utc("2026-12-19T09:00:00Z"), Utc("2026-12-20T09:00:00Z"), null, out var deadline).Should().BeFalse();
        deadline.Should().Be(Utc("2026-12-20T09:00:00Z"));
        DeadlineRules.MarginStart(deadline, null).Should().BeNull();
    }

    [Fact]
    public void The_margin_starts_its_days_before_the_deadline() =>
        DeadlineRules.MarginStart(Utc("2026-12-20T09:00:00Z"), 5).Should().Be(Utc("2026-12-15T09:00:00Z"));

    [Fact]
    public void Wall_clock_readings_are_Beijing_time() =>
        ShanghaiDays.At(new DateTime(2026, 12, 20, 17, 0, 0, DateTimeKind.Unspecified)).Should().Be(Utc("2026-12-20T09:00:00Z"));

    [Fact]
    public void Messages_show_the_Beijing_time() =>
        ShanghaiDays.Show(Utc("2026-12-20T09:00:00Z")).Should().Be("2026-12-20 17:00");
}
