using CsCheck;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>The renewal lead time of DOMAIN.md §2 on hand-worked examples: the nearest-rank percentile, then + 30 days, or 90 without history.</summary>
public sealed class Renewal_lead_time
{
    [Fact]
    public void The_percentile_of_one_value_is_that_value()
    {
        // N = 1: rank ⌈0.90 × 1⌉ = ⌈0.9⌉ = 1 → the only value.
        Percentiles.NearestRank([42], 90).Should().Be(42);
    }

    [Fact]
    public void The_90th_percentile_of_ten_values_is_the_ninth_smallest()
    {
        // N = 10: rank ⌈0.90 × 10⌉ = 9; sorted 10, 20, …, 100 → the 9th is 90 (not an interpolation between 90 and 100).
        Percentiles.NearestRank([70, 10, 100, 40, 20, 90, 30, 60, 50, 80], 90).Should().Be(90);
    }

    [Fact]
    public void Eleven_values_move_the_rank_up_by_one()
    {
        // N = 11: rank ⌈0.90 × 11⌉ = ⌈9.9⌉ = 10; sorted 10, 20, …, 110 → the 10th is 100.
        Percentiles.NearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 90).Should().Be(100);
    }

    [Fact]
    public void Tied_values_take_consecutive_ranks()
    {
        // Rank 9 of 10. Eight 30s then 60, 60: sorted ranks 1–8 are 30, ranks 9–10 are 60 → 60.
        Percentiles.NearestRank([30, 60, 30, 30, 30, 60, 30, 30, 30, 30], 90).Should().Be(60);

        // Nine 30s then one 60: rank 9 is still a 30 → 30; the single slow tender is the 10 % the percentile leaves out.
        Percentiles.NearestRank([30, 30, 30, 30, 60, 30, 30, 30, 30, 30], 90).Should().Be(30);
    }

    [Fact]
    public void The_extreme_percentiles_are_the_smallest_and_the_largest()
    {
        // P = 1, N = 10: ⌈0.1⌉ = 1 → the smallest; P = 100: ⌈10⌉ = 10 → the largest.
        int[] values = [5, 3, 9, 1, 7, 2, 8, 4, 6, 10];
        Percentiles.NearestRank(values, 1).Should().Be(1);
        Percentiles.NearestRank(values, 100).Should().Be(10);
    }

    [Fact]
    public void No_values_or_a_percentile_outside_1_to_100_are_refused()
    {
        FluentActions.Invoking(() => Percentiles.NearestRank([], 90)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Percentiles.NearestRank([1], 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Percentiles.NearestRank([1], 101)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_nearest_rank_is_a_value_with_at_least_P_percent_at_or_below_it_and_fewer_strictly_below()
    {
        Gen.Select(Gen.Int[1, 400].Array[1, 60], Gen.Int[1, 100], (values, p) => (values, p)).Sample(sample =>
        {
            var (values, p) = sample;
            var result = Percentiles.NearestRank(values, p);
            values.Should().Contain(result);
            (values.Count(v => v <= result) * 100).Should().BeGreaterThanOrEqualTo(p * values.Length);
            (values.Count(v => v < result) * 100).Should().BeLessThan(p * values.Length);
        });
    }

    [Fact]
    public void Without_history_the_lead_time_is_the_lifecycles_90_days()
    {
        var lead = ContinuityRules.Default.LeadTime([]);

        lead.Days.Should().Be(90);
        lead.FromHistory.Should().BeFalse();
        lead.HistoryCount.Should().Be(0);
        lead.PercentileDays.Should().BeNull();
        // 2027-12-31 − 90 days = 2027-10-02: the same day the lifecycle opens the renewal window.
        lead.RenewalPoint(new DateOnly(2027, 12, 31)).Should().Be(new DateOnly(2027, 10, 2));
        lead.RenewalPoint(new DateOnly(2027, 12, 31)).Should().Be(ContractRules.Default.RenewalWindowOpens(new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void The_default_is_the_lifecycles_number_not_a_second_copy()
    {
        var rules = ContinuityRules.For(ContractRules.Default with { RenewalLeadTimeDays = 60 });

        rules.LeadTime([]).Days.Should().Be(60);
    }

    [Fact]
    public void With_history_the_lead_time_is_the_90th_percentile_plus_30_days()
    {
        // Durations 40, 45, …, 85 (10 values): rank 9 → 80 days; + 30 → 110 days.
        var lead = ContinuityRules.Default.LeadTime([40, 45, 50, 55, 60, 65, 70, 75, 80, 85]);

        lead.Days.Should().Be(110);
        lead.PercentileDays.Should().Be(80);
        lead.HistoryCount.Should().Be(10);
        lead.FromHistory.Should().BeTrue();
        // 2027-12-31 − 110 days: December back to 2027-11-30 is 31 days, to 10-31 is 61, to 09-30 is 91, then 19 more → 2027-09-12.
        lead.RenewalPoint(new DateOnly(2027, 12, 31)).Should().Be(new DateOnly(2027, 9, 12));
    }

    [Fact]
    public void History_can_make_the_lead_time_shorter_than_the_default()
    {
        // One duration of 45 days: 45 + 30 = 75 < 90. One past tender is history too.
        ContinuityRules.Default.LeadTime([45]).Days.Should().Be(75);
        // Either side of the default: 59 + 30 = 89, 61 + 30 = 91.
        ContinuityRules.Default.LeadTime([59]).Days.Should().Be(89);
        ContinuityRules.Default.LeadTime([61]).Days.Should().Be(91);
    }

    [Fact]
    public void The_percentile_and_the_margin_are_numbers_of_the_table()
    {
        // 50th percentile of 10, 20, 30, 40: rank ⌈0.5 × 4⌉ = 2 → 20; + 10 → 30.
        ContinuityRules.For(ContractRules.Default, percentile: 50, marginDays: 10).LeadTime([40, 10, 30, 20]).Days.Should().Be(30);
    }

    [Fact]
    public void Where_the_36_month_cap_leaves_no_bridge_renewal_starts_earlier_by_the_bridges_three_months()
    {
        // A run since 2025-01-01 may last to 2027-12-31. A contract ending 2027-11-30 still leaves one month (12-01..12-31)
        // for a bridge; one ending 2027-12-01 leaves only 30 days, and one ending 2027-12-31 none: 90 + 3 × 30 = 180 days.
        var rules = ContinuityRules.Default;
        var since = new DateOnly(2025, 1, 1);

        rules.LeadTime([], since, new DateOnly(2027, 11, 30)).Should().Match<RenewalLeadTime>(l => l.Days == 90 && l.NoBridgeMarginDays == 0);
        rules.LeadTime([], since, new DateOnly(2027, 12, 1)).Should().Match<RenewalLeadTime>(l => l.Days == 180 && l.NoBridgeMarginDays == 90);
        rules.LeadTime([40, 70], since, new DateOnly(2027, 12, 31)).Days.Should().Be(70 + 30 + 90);
        rules.LeadTime([], since, new DateOnly(2027, 12, 31)).RenewalPoint(new DateOnly(2027, 12, 31)).Should().Be(new DateOnly(2027, 7, 4));
    }

    [Fact]
    public void The_no_bridge_margin_is_the_lifecycles_bridge_maximum()
    {
        var rules = ContinuityRules.For(ContractRules.Default with { BridgeMaximumMonths = 1 });

        rules.NoBridgeMarginDays.Should().Be(30);
        rules.LeadTime([], new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)).Days.Should().Be(120);
    }
}
