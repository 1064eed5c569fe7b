using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class The_outlier_rule
{
    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        OutlierRule.Median([10m, 30m, 20m, 24m]).Should().Be(22m);
        OutlierRule.Median([10m, 30m, 20m]).Should().Be(20m);
        FluentActions.Invoking(() => OutlierRule.Median([])).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(10.99, true)]
    [InlineData(29, false)]
    [InlineData(29.01, true)]
    public void A_score_more_than_30_percent_of_the_maximum_from_the_median_is_an_outlier(decimal points, bool outlier) =>
        OutlierRule.IsOutlier(points, median: 20m, maximum: 30m, OutlierRule.DefaultShareOfMaximum).Should().Be(outlier);

    [Fact]
    public void A_deployments_own_share_moves_the_line() =>
        OutlierRule.IsOutlier(25m, median: 20m, maximum: 30m, shareOfMaximum: 0.10m).Should().BeTrue();

    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(30.01, false)]
    public void A_score_lies_between_zero_and_the_maximum(decimal points, bool within) =>
        OutlierRule.WithinRange(points, 30m).Should().Be(within);

    [Fact]
    public void The_outliers_of_a_sheet_are_taken_against_the_panel_median_with_the_sheet_among_them()
    {
        var mine = new Dictionary<string, decimal> { ["服务方案"] = 5m, ["团队"] = 20m };
        IReadOnlyDictionary<string, decimal>[] panel = [mine, new Dictionary<string, decimal> { ["服务方案"] = 24m, ["团队"] = 20m }, new Dictionary<string, decimal> { ["服务方案"] = 25m, ["团队"] = 21m }];

        OutlierRule.Outliers(mine, panel, [new ScoredCriterion("服务方案", 30m), new ScoredCriterion("团队", 30m), new ScoredCriterion("未评", 10m)], OutlierRule.DefaultShareOfMaximum)
            .Should().Equal(new OutlierFinding("服务方案", 5m, 24m, 9m));
    }
}
