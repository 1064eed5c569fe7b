using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>The days a program's timeline shows when the caller names neither end, or only one (today is 2026-11-25).</summary>
public sealed class Timeline_window
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateOnly Jan1 = new(2027, 1, 1);

    [Fact]
    public void A_program_under_way_is_shown_from_its_first_day_to_today()
    {
        TimelineWindow.Of(new ProgramSpan(new DateOnly(2026, 1, 1), null), [], Today, null, null)
            .Should().Be((new DateOnly(2026, 1, 1), Today));
    }

    [Fact]
    public void A_program_that_ended_is_shown_to_its_last_day()
    {
        TimelineWindow.Of(new ProgramSpan(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), [], Today, null, null)
            .Should().Be((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void A_program_that_starts_in_the_future_is_shown_to_the_end_of_its_last_contract()
    {
        var contracts = new[] { Contract(Jan1, new DateOnly(2027, 6, 30)), Contract(new DateOnly(2027, 7, 1), new DateOnly(2028, 3, 31)) };

        TimelineWindow.Of(new ProgramSpan(Jan1, null), contracts, Today, null, null).Should().Be((Jan1, new DateOnly(2028, 3, 31)));
    }

    [Fact]
    public void A_program_that_starts_in_the_future_without_contracts_is_shown_a_year_on()
    {
        TimelineWindow.Of(new ProgramSpan(Jan1, null), [], Today, null, null).Should().Be((Jan1, new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void The_window_ahead_stops_at_the_programs_last_day()
    {
        var span = new ProgramSpan(Jan1, new DateOnly(2027, 3, 31));

        TimelineWindow.Of(span, [], Today, null, null).Should().Be((Jan1, new DateOnly(2027, 3, 31)));
        TimelineWindow.Of(span, [Contract(Jan1, new DateOnly(2027, 12, 31))], Today, null, null).Should().Be((Jan1, new DateOnly(2027, 3, 31)));
    }

    [Fact]
    public void A_from_after_today_alone_is_shown_ahead_from_there()
    {
        TimelineWindow.Of(new ProgramSpan(new DateOnly(2026, 1, 1), null), [], Today, new DateOnly(2027, 2, 1), null)
            .Should().Be((new DateOnly(2027, 2, 1), new DateOnly(2028, 1, 31)));
    }

    [Fact]
    public void Given_ends_are_kept_as_given()
    {
        TimelineWindow.Of(new ProgramSpan(Jan1, null), [], Today, new DateOnly(2027, 3, 1), new DateOnly(2027, 2, 1))
            .Should().Be((new DateOnly(2027, 3, 1), new DateOnly(2027, 2, 1)), "a backwards range is the endpoint's to refuse");
        TimelineWindow.Of(new ProgramSpan(Jan1, null), [], Today, null, new DateOnly(2027, 2, 1)).Should().Be((Jan1, new DateOnly(2027, 2, 1)));
    }

    [Fact]
    public void A_program_older_than_the_longest_range_is_shown_for_its_latest_days()
    {
        var (from, to) = TimelineWindow.Of(new ProgramSpan(new DateOnly(2010, 1, 1), null), [], Today, null, null);

        to.Should().Be(Today);
        (to.DayNumber - from.DayNumber + 1).Should().Be(ContinuityCodes.LongestRangeDays);
    }

    private static CoverageContract Contract(DateOnly start, DateOnly end) =>
        new(Guid.NewGuid(), Guid.NewGuid(), start, end, 120_000.00m, 30m, ContractState.Draft, false, [], []);
}
