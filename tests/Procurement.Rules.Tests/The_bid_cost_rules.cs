using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class The_bid_cost_rules
{
    [Fact]
    public void A_breakdown_that_sums_to_the_price_to_the_fen_passes_and_a_fen_either_way_does_not()
    {
        BidCostRules.CheckCosts(new BidCosts(600_000m, 200_000m, 150_000m, 50_000m), 1_000_000m).Should().BeNull();
        BidCostRules.CheckCosts(new BidCosts(600_000m, 200_000m, 150_000m, 49_999.99m), 1_000_000m)
            .Should().Be(new Finding(BidCostRules.CostBreakdownNotPrice, "costs", Value: 999_999.99m, Limit: 1_000_000m));
        BidCostRules.CheckCosts(new BidCosts(600_000m, 200_000m, 150_000m, 50_000.01m), 1_000_000m)!.Value.Should().Be(1_000_000.01m);
        BidCostRules.CheckCosts(null, 1_000m).Should().Be(new Finding(BidCostRules.CostBreakdownNotPrice, "costs", Value: 0m, Limit: 1_000m));
    }

    [Fact]
    public void Each_line_is_at_least_zero_in_whole_fen()
    {
        BidCostRules.CheckCosts(new BidCosts(1_000.01m, -0.01m, 0m, 0m), 1_000m).Should().Be(new Finding(BidCostRules.CostNegative, "costs.activities", Value: -0.01m));
        BidCostRules.CheckCosts(new BidCosts(999.995m, 0.005m, 0m, 0m), 1_000m).Should().Be(new Finding(BidCostRules.AmountNotTwoDecimals, "costs.personnel", Value: 999.995m));
        BidCostRules.CheckCosts(new BidCosts(1_000m, 0m, 0m, 0m), 1_000m).Should().BeNull();
    }

    [Fact]
    public void Personnel_under_the_minimum_share_of_the_price_is_abnormally_low_and_on_it_is_not()
    {
        BidCostRules.CheckPersonnelShare(599_999.99m, 1_000_000m, 0.60m)
            .Should().Be(new Finding(BidCostRules.PersonnelShareBelowMinimum, "costs.personnel", Value: 0.59999999m, Limit: 0.60m));
        BidCostRules.CheckPersonnelShare(600_000m, 1_000_000m, 0.60m).Should().BeNull();
        BidCostRules.CheckPersonnelShare(0m, 1_000_000m, null).Should().BeNull("a tender without a minimum share sets no such rule");
        BidCostRules.PersonnelShare(600_000m, 1_000_000m).Should().Be(0.6m);
        BidCostRules.PersonnelShare(1m, 0m).Should().BeNull();
    }

    [Fact]
    public void Pay_under_the_floor_times_the_fte_is_abnormally_low_and_on_it_is_not()
    {
        BidCostRules.CheckPay(2, 2_999.99m, 0.5m, 6_000m).Should().Be(new Finding(BidCostRules.PayBelowFloor, "staffing[2].monthlyPay", 2, 2_999.99m, 3_000m));
        BidCostRules.CheckPay(2, 3_000m, 0.5m, 6_000m).Should().BeNull();
        BidCostRules.CheckPay(0, 1m, 1m, null).Should().BeNull("no floor for the worker's level");
    }
}
