using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Evaluator;

namespace Procurement.Portal.Tests.Evaluator;

public sealed class The_outlier_rule_mirrors_the_evaluation_service
{
    private static readonly SheetCriterion[] Criteria = [new("服务方案", 30m), new("团队经验", 20m)];

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        ScoreSheetRules.Median([10m, 30m, 20m, 24m]).Should().Be(22m);

    [Theory]
    [InlineData(15, 24, false)] // 9 points from the median: exactly 30% of 30 is allowed
    [InlineData(14.99, 24, true)]
    [InlineData(30, 20.5, true)]
    public void A_score_further_than_30_percent_of_the_maximum_from_the_median_is_an_outlier(decimal points, decimal median, bool outlier) =>
        ScoreSheetRules.IsOutlier(points, median, 30m).Should().Be(outlier);

    [Fact]
    public void The_recheck_against_the_whole_panel_names_only_the_outlying_criteria()
    {
        var mine = new Dictionary<string, decimal> { ["服务方案"] = 5m, ["团队经验"] = 15m };
        IReadOnlyList<IReadOnlyDictionary<string, decimal>> panel =
        [
            mine,
            new Dictionary<string, decimal> { ["服务方案"] = 25m, ["团队经验"] = 16m },
            new Dictionary<string, decimal> { ["服务方案"] = 24m, ["团队经验"] = 14m },
        ];

        ScoreSheetRules.Outliers(mine, panel, Criteria).Should().Equal(new SheetOutlier("服务方案", 5m, 24m, 9m));
    }

    [Fact]
    public void Price_and_past_performance_are_not_on_the_sheet()
    {
        ScoreSheetRules.PanelCriteria(Scene.Scoring().Criteria).Select(c => c.Name).Should().Equal("服务方案", "团队经验");
    }

    [Fact]
    public void The_outliers_are_read_from_the_API_s_refusal()
    {
        var refusal = FakeEvaluations.Problem(422, """
            {"status":422,"title":"违反业务规则","detail":"…","rule":"score_outlier_needs_reason","field":"scores",
             "outliers":[{"criterion":"服务方案","points":5,"median":24,"allowed":9.0}]}
            """);

        ScoreSheetRules.OutliersOf(refusal.Result).Should().Equal(new SheetOutlier("服务方案", 5m, 24m, 9m));
        ScoreSheetRules.OutliersOf(new ProblemDetails { Status = 409 }).Should().BeEmpty();
    }
}
