namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>Where scoring stands: which sheets are expected, which are in, and the ranking once all are accepted.</summary>
public static class EvaluationProgress
{
    /// <summary>Sheets expected: one per sitting panel member per valid bid; none when price is the only criterion.</summary>
    public static int Expected(EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids) =>
        tender.PanelCriteria.Any() ? panel.Members.Count() * bids.Count(b => b.IsValid) : 0;

    /// <summary>The sheets of sitting members for valid bids (a replaced member's sheets do not count).</summary>
    public static IReadOnlyList<ScoreSheet> Counted(Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets)
    {
        var valid = bids.Where(b => b.IsValid).Select(b => b.BidId).ToHashSet();
        return [.. sheets.Where(s => valid.Contains(s.BidId) && panel.HasMember(s.EvaluatorUserId))];
    }

    /// <summary>Every expected sheet is in for <paramref name="bidId"/>.</summary>
    public static bool BidComplete(Panel panel, Guid bidId, IEnumerable<ScoreSheet> sheets) =>
        panel.Members.All(m => sheets.Any(s => s.BidId == bidId && s.EvaluatorUserId == m.UserId));

    /// <summary>
    /// The ranking, when every expected sheet is in and accepted; null while any is missing or needs a reason. The hand-scored
    /// criteria count the mean over the sheets; a past-performance criterion counts the points computed from the bid's agency's
    /// grades (<paramref name="pastPerformance"/>, by agency), which are the same for every evaluator and so are their own mean.
    /// </summary>
    public static IReadOnlyList<RankedResult>? RankingWhenComplete(
        EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        IReadOnlyDictionary<Guid, PastPerformanceBasis> pastPerformance)
    {
        var counted = Counted(panel, bids, sheets);
        if (counted.Count != Expected(tender, panel, bids) || counted.Any(s => s.Status != SheetStatus.Accepted))
        {
            return null;
        }

        var criteria = tender.PanelCriteria.ToList();
        var computed = tender.PastPerformanceCriteria.ToList();
        var scored = bids.Where(b => b.IsValid).Select(b => new ScoredBid(
            b.BidId, b.AgencyId, b.AgencyName, b.Price,
            criteria.ToDictionary(c => c.Name, c => (IReadOnlyList<decimal>)[.. counted.Where(s => s.BidId == b.BidId).Select(s => s.PointsFor(c.Name))])
                .Concat(computed.Select(c => KeyValuePair.Create(c.Name, (IReadOnlyList<decimal>)[pastPerformance[b.AgencyId].PointsFor(c)])))
                .ToDictionary()))
            .ToList();
        return Ranking.Rank(scored, tender.Criteria, tender.FixedPrice);
    }
}
