using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The successor forecast and the bridge proposal of DOMAIN.md §2 on hand-worked examples. A contract 2027-01-01 to
/// 2027-12-31 at 480,000.00: 12 months → 40,000.00 a month.
/// </summary>
public sealed class Bridge_and_forecast
{
    private static readonly ContinuityRules Rules = ContinuityRules.Default;
    private static readonly ContractRules Contract = ContractRules.Default;
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2027, 12, 31);
    private static readonly DateOnly FarCap = new(2029, 12, 31);

    [Fact]
    public void A_bridge_is_proposed_from_thirty_days_before_the_end()
    {
        Rules.BridgeProposalDay(End).Should().Be(new DateOnly(2027, 12, 1));
        (new DateOnly(2027, 11, 30) >= Rules.BridgeProposalDay(End)).Should().BeFalse("31 days before the end is too early");
        (new DateOnly(2027, 12, 2) >= Rules.BridgeProposalDay(End)).Should().BeTrue("29 days before the end, a pass that missed day 30 still proposes");
    }

    [Fact]
    public void A_drafted_successor_leaves_only_the_signing_by_its_percentile_or_thirty_days_without_history()
    {
        var today = new DateOnly(2027, 12, 1);
        var withoutHistory = Rules.Forecast(today, successorDrafted: true, null, [200], []);
        (withoutHistory.ExpectedSigning, withoutHistory.Basis, withoutHistory.RemainingDays, withoutHistory.HistoryCount)
            .Should().Be((new DateOnly(2027, 12, 31), ForecastBasis.SigningOnly, 30, 0));

        // Ten signing durations 1…10: rank 9 → 9 days.
        var withHistory = Rules.Forecast(today, successorDrafted: true, null, [200], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        (withHistory.ExpectedSigning, withHistory.RemainingDays, withHistory.HistoryCount).Should().Be((new DateOnly(2027, 12, 10), 9, 10));
    }

    [Fact]
    public void Nothing_started_takes_the_whole_procurement_from_today_or_sixty_days_without_history()
    {
        var today = new DateOnly(2027, 11, 1);
        Rules.Forecast(today, false, null, [], []).ExpectedSigning.Should().Be(new DateOnly(2027, 12, 31), "90 − 30 = 60 days");
        var learnt = Rules.Forecast(today, false, null, [40, 50, 100], [5]);
        (learnt.ExpectedSigning, learnt.Basis, learnt.HistoryCount).Should().Be((new DateOnly(2028, 2, 9), ForecastBasis.NotStarted, 3), "rank ⌈2.7⌉ = 3 → 100 days");
    }

    [Fact]
    public void A_published_successor_tender_counts_from_its_publication_but_never_less_than_the_signing_from_today()
    {
        var today = new DateOnly(2027, 11, 1);

        // Published 10-01 + 60 days = 11-30; signing from today 11-01 + 30 = 12-01: the later, 12-01.
        Rules.Forecast(today, false, new DateOnly(2027, 10, 1), [], []).ExpectedSigning.Should().Be(new DateOnly(2027, 12, 1));

        // Published 10-20 + 60 = 12-19, later than 12-01.
        var forecast = Rules.Forecast(today, false, new DateOnly(2027, 10, 20), [], []);
        (forecast.ExpectedSigning, forecast.Basis, forecast.RemainingDays).Should().Be((new DateOnly(2027, 12, 19), ForecastBasis.TenderPublished, 48));
    }

    [Fact]
    public void The_renewal_is_at_risk_only_when_the_expected_signing_falls_after_the_end()
    {
        Forecast(End.AddDays(-1)).AtRisk(End).Should().BeFalse();
        Forecast(End).AtRisk(End).Should().BeFalse("signed on the last day, the successor can start the next");
        var late = Forecast(End.AddDays(1));
        late.AtRisk(End).Should().BeTrue();
        late.DaysLate(End).Should().Be(1);
        Forecast(End).DaysLate(End).Should().Be(0);
        late.ExpectedStart(End, successorStart: null).Should().Be(new DateOnly(2028, 1, 2));
        Forecast(End.AddDays(-10)).ExpectedStart(End, new DateOnly(2028, 2, 1)).Should().Be(new DateOnly(2028, 2, 1), "a successor starting later keeps its own start");
    }

    [Fact]
    public void The_bridge_covers_to_the_day_before_the_successors_expected_start_at_the_monthly_rate()
    {
        // The successor is expected to start the day after the end: still one month (at least 1).
        Plan(new DateOnly(2028, 1, 1)).Should().Be(new BridgePlan(1, 40_000.00m, 40_000.00m, new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 31), true));

        // Start 2028-02-01: January is enough; 2028-02-02: February 1 is uncovered → 2 months.
        Plan(new DateOnly(2028, 2, 1)).Months.Should().Be(1);
        Plan(new DateOnly(2028, 2, 2)).Months.Should().Be(2);
    }

    [Fact]
    public void Three_months_is_the_most_a_bridge_proposes()
    {
        // Expected start 2028-04-01: three months reach 03-31 → 3, covering.
        var three = Plan(new DateOnly(2028, 4, 1));
        (three.Months, three.Amount, three.ExtensionEnd, three.CoversExpectedGap).Should().Be((3, 120_000.00m, new DateOnly(2028, 3, 31), true));

        // 2028-04-02 would need a fourth month: capped at 3, and it says it does not cover the gap.
        var four = Plan(new DateOnly(2028, 4, 2));
        (four.Months, four.Amount, four.CoversExpectedGap).Should().Be((3, 120_000.00m, false));
    }

    [Fact]
    public void The_thirty_six_month_cap_shortens_the_bridge_or_leaves_none()
    {
        // The run with this agency ends by the cap on 2028-02-29: two months fit (to 02-29), a third would not.
        ContinuityRules.Bridge(Contract, 480_000.00m, Start, End, new DateOnly(2028, 4, 1), new DateOnly(2028, 2, 29))!.Months.Should().Be(2);
        ContinuityRules.Bridge(Contract, 480_000.00m, Start, End, new DateOnly(2028, 4, 1), new DateOnly(2028, 1, 31))!.Months.Should().Be(1);
        ContinuityRules.Bridge(Contract, 480_000.00m, Start, End, new DateOnly(2028, 4, 1), End).Should().BeNull("the cap ends with the contract");
    }

    [Fact]
    public void The_bridge_price_is_the_lifecycles_monthly_rate_rounded_once()
    {
        // 100,000.00 over 2027-01-01 to 2027-03-15: 2.5 months → 40,000.00 a month; over 12 months of 100,000.00 → 8,333.33.
        ContinuityRules.Bridge(Contract, 100_000.00m, Start, new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 16), FarCap)!.MonthlyRate.Should().Be(40_000.00m);
        var odd = ContinuityRules.Bridge(Contract, 100_000.00m, Start, End, new DateOnly(2028, 3, 1), FarCap)!;
        (odd.Months, odd.MonthlyRate, odd.Amount).Should().Be((2, 8_333.33m, 16_666.66m));
    }

    private static SuccessorForecast Forecast(DateOnly expected) => new(expected, ForecastBasis.NotStarted, 0, 0);

    private static BridgePlan Plan(DateOnly expectedStart) => ContinuityRules.Bridge(Contract, 480_000.00m, Start, End, expectedStart, FarCap)!;
}
