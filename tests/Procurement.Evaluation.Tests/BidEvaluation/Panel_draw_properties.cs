using CsCheck;
using Procurement.Evaluation.BidEvaluation.Domain;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Panel_draw_properties
{
    /// <summary>A seed, 1–30 distinct candidates, and how many to draw (0 to all of them).</summary>
    private static readonly Gen<(string Seed, Guid[] Candidates, int Count)> Draws =
        from seed in Gen.Byte.Array[32].Select(Convert.ToHexStringLower)
        from candidates in Gen.Guid.ArrayUnique[1, 30]
        from count in Gen.Int[0, candidates.Length]
        select (seed, candidates, count);

    [Fact]
    public void A_draw_takes_distinct_candidates_and_is_the_same_for_any_listing_order()
    {
        Draws.Sample((seed, candidates, count) =>
        {
            var drawn = PanelLottery.Select(seed, candidates, count);
            drawn.Should().HaveCount(count).And.OnlyHaveUniqueItems();
            drawn.Should().BeSubsetOf(candidates);
            PanelLottery.Select(seed, PanelLottery.Sorted(candidates), count).Should().Equal(drawn);
            PanelLottery.Select(seed, candidates, Math.Max(0, count - 1)).Should().Equal(drawn.Take(count - 1), "a smaller draw is a prefix of a larger one");
        });
    }
}
