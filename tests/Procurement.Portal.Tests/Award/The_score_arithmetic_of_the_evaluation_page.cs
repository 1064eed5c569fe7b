using System.Text.Json;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Award;

public sealed class The_score_arithmetic_of_the_evaluation_page
{
    private static RankingResponse Ranked(int rank, decimal price, decimal? priceScore, decimal total, params (string Criterion, decimal Mean)[] means) => new()
    {
        Rank = rank,
        BidId = Guid.NewGuid(),
        AgencyId = Guid.NewGuid(),
        AgencyName = $"机构{rank}-{price}",
        Price = price,
        PriceScore = priceScore,
        Means = JsonSerializer.SerializeToElement(means.ToDictionary(m => m.Criterion, m => m.Mean)),
        Total = total,
    };

    [Fact]
    public void The_panels_part_is_the_sum_of_the_criterion_means_rounded_once_away_from_zero()
    {
        var rows = EvaluationScores.Rows([Ranked(1, 100m, 30m, 60.01m, ("a", 10.005m), ("b", 20.000m))]);

        rows.Single().NonPriceScore.Should().Be(30.01m);
        rows.Single().Means.Should().Equal(new Dictionary<string, decimal> { ["a"] = 10.005m, ["b"] = 20.000m });
    }

    [Fact]
    public void Equal_ranks_are_ordered_by_the_lower_price_and_a_fixed_price_has_no_price_score()
    {
        var rows = EvaluationScores.Rows([Ranked(1, 200m, null, 70m, ("a", 70m)), Ranked(3, 150m, null, 60m, ("a", 60m)), Ranked(1, 120m, null, 70m, ("a", 70m))]);

        rows.Select(r => (r.Rank, r.Price)).Should().Equal((1, 120m), (1, 200m), (3, 150m));
        RankingChart.Data(rows).Price.Should().Equal(0m, 0m, 0m);
        RankingChart.Data(rows).NonPrice.Should().Equal(70m, 70m, 60m);
    }

    [Fact]
    public void No_ranking_yet_gives_no_rows()
    {
        EvaluationScores.Rows(null).Should().BeEmpty();
    }

    [Theory]
    [InlineData(EvaluationStage.Completed, AwardStatus.Recommended, true)]
    [InlineData(EvaluationStage.Scoring, AwardStatus.Recommended, false)]
    [InlineData(EvaluationStage.Completed, AwardStatus.Published, false)]
    [InlineData(EvaluationStage.Completed, AwardStatus.Cancelled, false)]
    public void The_award_may_be_confirmed_only_on_a_final_ranking_still_recommended(EvaluationStage stage, AwardStatus status, bool allowed)
    {
        var evaluation = new BidEvaluationResponse { Stage = stage, Ranking = [Ranked(1, 100m, 30m, 90m, ("a", 60m))] };

        EvaluationScores.CanAward(evaluation, new AwardResponse { Status = status }).Should().Be(allowed);
        EvaluationScores.CanAward(evaluation, null).Should().BeFalse();
        EvaluationScores.CanAward(new BidEvaluationResponse { Stage = EvaluationStage.Completed, Ranking = [] }, new AwardResponse { Status = AwardStatus.Recommended })
            .Should().BeFalse();
    }
}
