namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>The price formula (DOMAIN.md §6).</summary>
public static class PriceScore
{
    /// <summary>
    /// (lowest valid price ÷ this bid's price) × the price weight × 100, where the price criterion's maximum points
    /// <em>are</em> the weight in percent: so lowest ÷ price × <paramref name="maxPoints"/>, two decimals, away from zero.
    /// </summary>
    public static decimal For(decimal price, decimal lowest, decimal maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lowest, price);
        return decimal.Round(lowest / price * maxPoints, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>A valid bid with every accepted score it got: criterion name → the points of each evaluator.</summary>
public sealed record ScoredBid(Guid BidId, Guid AgencyId, string AgencyName, decimal Price, IReadOnlyDictionary<string, IReadOnlyList<decimal>> Points);

/// <summary>A bid's place: rank, price score (null for a fixed price), the mean per criterion, and the total.</summary>
public sealed record RankedResult(
    int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, IReadOnlyDictionary<string, decimal> Means, decimal Total);

/// <summary>Totals and ranking (DOMAIN.md §6), as pure code.</summary>
public static class Ranking
{
    /// <summary>
    /// Total = price score + Σ over the panel criteria of the mean over evaluators, rounded once to two decimals away
    /// from zero. Ranked by total, highest first; equal totals by lower price; equal in both, equal rank (1, 1, 3).
    /// </summary>
    public static IReadOnlyList<RankedResult> Rank(IReadOnlyList<ScoredBid> bids, IReadOnlyList<Criterion> criteria, bool fixedPrice)
    {
        if (bids.Count == 0)
        {
            return [];
        }

        var price = fixedPrice ? null : criteria.FirstOrDefault(c => c.Kind == CriterionKind.Price);
        var lowest = bids.Min(b => b.Price);
        var panelCriteria = criteria.Where(c => c.Kind != CriterionKind.Price).ToList();
        var scored = bids.Select(b =>
        {
            decimal? priceScore = price is null ? null : PriceScore.For(b.Price, lowest, price.MaxPoints);
            var means = panelCriteria.ToDictionary(c => c.Name, c => b.Points[c.Name].Average());
            var total = decimal.Round((priceScore ?? 0m) + means.Values.Sum(), 2, MidpointRounding.AwayFromZero);
            return (Bid: b, PriceScore: priceScore, Means: means, Total: total);
        }).ToList();

        return [.. scored
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Bid.Price)
            .ThenBy(s => s.Bid.BidId)
            .Select(s => new RankedResult(
                1 + scored.Count(o => o.Total > s.Total || (o.Total == s.Total && o.Bid.Price < s.Bid.Price)),
                s.Bid.BidId, s.Bid.AgencyId, s.Bid.AgencyName, s.Bid.Price, s.PriceScore,
                s.Means.ToDictionary(m => m.Key, m => decimal.Round(m.Value, 2, MidpointRounding.AwayFromZero)), s.Total))];
    }
}
