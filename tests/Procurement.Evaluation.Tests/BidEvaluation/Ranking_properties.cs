using CsCheck;
using Procurement.Evaluation.BidEvaluation.Domain;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Ranking_properties
{
    /// <summary>1–8 bids with prices from 1000.00 to 999999.99, scored by 1–5 evaluators, under a price weight of 10–30.</summary>
    private static readonly Gen<(decimal Weight, ScoredBid[] Bids)> Evaluations =
        from weight in Gen.Int[10, 30]
        from evaluators in Gen.Int[1, 5]
        from bids in Gen.Select(
                Gen.Long[100_000, 99_999_999].Select(cents => cents / 100m),
                Gen.Long[0, (100 - 10) * 100].Array[evaluators])
            .Array[1, 8]
        select ((decimal)weight, bids.Select((b, i) => new ScoredBid(
            new Guid(i + 1, 0, 0, new byte[8]), Guid.NewGuid(), $"Agency {i + 1}", b.Item1,
            new Dictionary<string, IReadOnlyList<decimal>> { ["Technical"] = [.. b.Item2.Select(p => Math.Min(p / 100m, 100m - weight))] })).ToArray());

    private static Criterion[] Criteria(decimal weight) =>
        [new("Price", CriterionKind.Price, weight), new("Technical", CriterionKind.Technical, 100m - weight)];

    [Fact]
    public void The_lowest_price_scores_the_full_weight_and_no_bid_scores_more()
    {
        Evaluations.Sample(e =>
        {
            var ranking = Ranking.Rank(e.Bids, Criteria(e.Weight), fixedPrice: false);
            var lowest = e.Bids.Min(b => b.Price);
            ranking.Where(r => r.Price == lowest).Should().OnlyContain(r => r.PriceScore == e.Weight);
            ranking.Should().OnlyContain(r => r.PriceScore >= 0 && r.PriceScore <= e.Weight);
            ranking.Should().OnlyContain(r => r.Price == lowest || r.PriceScore <= e.Weight);
        });
    }

    [Fact]
    public void The_ranking_is_a_total_order_consistent_with_the_rule()
    {
        Evaluations.Sample(e =>
        {
            var ranking = Ranking.Rank(e.Bids, Criteria(e.Weight), fixedPrice: false);
            ranking.Should().HaveCount(e.Bids.Length);
            ranking.Select(r => r.BidId).Should().OnlyHaveUniqueItems();
            ranking[0].Rank.Should().Be(1);
            for (var i = 1; i < ranking.Count; i++)
            {
                var (before, after) = (ranking[i - 1], ranking[i]);
                // Listed by total, highest first; on equal totals by lower price.
                (before.Total > after.Total || (before.Total == after.Total && before.Price <= after.Price)).Should().BeTrue();
                // Equal rank exactly when total and price are both equal; otherwise the rank counts everyone ahead.
                if (before.Total == after.Total && before.Price == after.Price)
                {
                    after.Rank.Should().Be(before.Rank);
                }
                else
                {
                    after.Rank.Should().Be(i + 1);
                }
            }

            foreach (var r in ranking)
            {
                r.Rank.Should().Be(1 + ranking.Count(o => o.Total > r.Total || (o.Total == r.Total && o.Price < r.Price)));
            }
        });
    }
}
