using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Continuity;

namespace Procurement.Portal.Tests.Continuity;

public sealed class The_timeline_geometry_turns_days_into_bars
{
    private static readonly Dictionary<Guid, int> NoBridges = [];

    [Fact]
    public void Each_day_is_one_slot_wide_and_a_span_covers_both_its_first_and_its_last_day()
    {
        var scale = new TimelineScale(new(2026, 1, 1), new(2026, 1, 10), left: 100, width: 1000);

        scale.Days.Should().Be(10);
        scale.DayWidth.Should().Be(100);
        scale.X(new(2026, 1, 1)).Should().Be(100);
        scale.Middle(new(2026, 1, 1)).Should().Be(150);
        scale.Span(new(2026, 1, 3), new(2026, 1, 4)).Should().Be((300d, 200d), "the 3rd and the 4th are two days");
        scale.Span(new(2026, 1, 10), new(2026, 1, 10)).Should().Be((1000d, 100d), "a single day is a day wide");
    }

    [Fact]
    public void A_span_is_clipped_to_the_axis_and_one_wholly_outside_it_is_not_drawn()
    {
        var scale = new TimelineScale(new(2026, 1, 1), new(2026, 1, 10), left: 0, width: 10);

        scale.Span(new(2025, 12, 1), new(2026, 1, 2)).Should().Be((0d, 2d));
        scale.Span(new(2026, 1, 9), new(2026, 3, 1)).Should().Be((8d, 2d));
        scale.Span(new(2026, 2, 1), new(2026, 3, 1)).Should().BeNull();
        scale.Shows(new(2026, 1, 10)).Should().BeTrue();
        scale.Shows(new(2026, 1, 11)).Should().BeFalse();
    }

    [Fact]
    public void The_axis_is_labelled_at_each_months_first_day_on_it()
    {
        var scale = new TimelineScale(new(2026, 1, 15), new(2026, 4, 1), left: 0, width: 100);

        scale.MonthStarts().Should().Equal(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
    }

    [Fact]
    public void Several_programs_share_one_axis_from_the_earliest_start_to_the_latest_end_of_a_timeline_or_a_contract()
    {
        var first = ContinuityData.Timeline();
        var second = ContinuityData.Timeline();
        second.From = new(2025, 7, 1);
        second.To = new(2026, 6, 30);

        var scale = TimelineScale.Over([first, second], ContinuityData.Contracts(), 0, 100);

        scale.From.Should().Be(new DateOnly(2025, 7, 1));
        scale.To.Should().Be(new DateOnly(2027, 12, 31));

        var later = ContinuityData.Contracts();
        later[1].End = new DateOnly(2028, 6, 30);
        TimelineScale.Over([first, second], later, 0, 100).To.Should().Be(new DateOnly(2028, 6, 30), "a successor beyond the API's window is drawn whole");
    }

    [Fact]
    public void A_contract_is_a_bar_from_its_first_to_its_last_day_and_its_successor_is_linked_from_the_day_after_its_end()
    {
        var scale = new TimelineScale(new(2026, 1, 1), new(2027, 12, 31), left: 0, width: 730);

        var row = TimelineRow.Build(scale, ContinuityData.Timeline(), ContinuityData.Contracts(), NoBridges);

        row.Bars.Should().HaveCount(2);
        row.Bars[0].Should().BeEquivalentTo(new { X = 0d, Width = 365d, Lane = 0, Bridge = false });
        row.Bars[1].Should().BeEquivalentTo(new { X = 365d, Width = 365d, Lane = 0, Bridge = false });
        row.Links.Should().ContainSingle().Which.Should().Be(new TimelineLink(ContinuityData.Current, ContinuityData.Successor, 365, 0, 365, 0));
        row.Lanes.Should().Be(1);
    }

    [Fact]
    public void Overlapping_contracts_go_on_separate_lanes()
    {
        var scale = new TimelineScale(new(2026, 1, 1), new(2027, 12, 31), left: 0, width: 730);
        var contracts = ContinuityData.Contracts();
        contracts[1].Start = new DateOnly(2026, 12, 1);

        var row = TimelineRow.Build(scale, ContinuityData.Timeline(), contracts, NoBridges);

        row.Bars.Select(b => b.Lane).Should().Equal(0, 1);
        row.Lanes.Should().Be(2);
        row.Links.Single().Should().BeEquivalentTo(new { Lane1 = 0, Lane2 = 1 });
    }

    [Fact]
    public void A_bridge_extension_is_a_bar_of_its_own_after_the_contracts_own_days()
    {
        TimelineRow.BridgeStart(new(2027, 3, 31), 3).Should().Be(new DateOnly(2027, 1, 1));
        TimelineRow.BridgeStart(new(2027, 2, 28), 2).Should().Be(new DateOnly(2027, 1, 1));
        var scale = new TimelineScale(new(2026, 1, 1), new(2027, 12, 31), left: 0, width: 730);
        var contracts = ContinuityData.Contracts();
        contracts[0].End = new DateOnly(2027, 2, 28);

        var row = TimelineRow.Build(scale, ContinuityData.Timeline(), contracts, new Dictionary<Guid, int> { [ContinuityData.Current] = 2 });

        var own = row.Bars.Where(b => b.Contract.Id == ContinuityData.Current).ToList();
        own.Should().HaveCount(2);
        own[0].Should().BeEquivalentTo(new { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31), Bridge = false });
        own[1].Should().BeEquivalentTo(new { From = new DateOnly(2027, 1, 1), To = new DateOnly(2027, 2, 28), Bridge = true, X = 365d, Width = 59d });
    }

    [Fact]
    public void Gap_segments_become_spans_and_covered_segments_none()
    {
        var scale = new TimelineScale(new(2026, 1, 1), new(2027, 12, 31), left: 0, width: 730);

        var row = TimelineRow.Build(scale, ContinuityData.Timeline(), ContinuityData.Contracts(), NoBridges);

        row.Gaps.Should().HaveCount(2);
        row.Gaps[0].Should().BeEquivalentTo(new { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 10), X = 59d, Width = 10d, Projected = false, Cash = (CashPosition?)CashPosition.Gap });
        row.Gaps[1].Should().BeEquivalentTo(new { X = 365d, Width = 5d, Projected = true });
    }
}
