namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>A bid that failed the compliance review, as the result names it.</summary>
public sealed record FailedBid(Guid BidId, Guid AgencyId, IReadOnlyList<string> Reasons);

/// <summary>
/// The panel's finished work (DOMAIN.md §6): the ranking of the valid bids, best first, and the bids that failed the review.
/// The recommended bid is the first of rank 1.
/// </summary>
public sealed record CompletedEvaluation(
    Guid TenderId, Guid PurchasingUnitId, IReadOnlyList<RankedResult> Ranking, IReadOnlyList<FailedBid> Invalid, DateTimeOffset CompletedAt)
{
    public RankedResult Recommended => Ranking[0];
}

/// <summary>
/// When a tender's evaluation moves on by itself (DOMAIN.md §6): the compliance review concludes once every bid has its
/// verdict, and the evaluation completes once every expected sheet is in and accepted. These decisions were the data
/// layer's (<c>EvaluationStore</c>); the endpoints now ask here and save what changed, with its events, in one transaction.
/// </summary>
public static class EvaluationConclusion
{
    /// <summary>
    /// Concludes the review when no verdict is pending (scoring starts, or the tender fails with too few valid bids);
    /// the failure when it failed, null otherwise (also while a verdict is pending, or the review is over).
    /// </summary>
    public static TenderFailure? ConcludeComplianceWhenDone(EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(bids);
        if (tender.Stage != EvaluationStage.ComplianceReview || bids.Any(b => b.Compliance == ComplianceVerdict.Pending))
        {
            return null;
        }

        return tender.ConcludeCompliance(bids.Count(b => b.IsValid), at);
    }

    /// <summary>
    /// Completes the evaluation when the ranking can be made (every expected sheet in and accepted, at least one valid bid):
    /// the tender is <see cref="EvaluationStage.Completed"/> and the result is returned; null while scoring goes on.
    /// </summary>
    public static CompletedEvaluation? CompleteWhenScored(
        EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        IReadOnlyDictionary<Guid, PastPerformanceBasis> pastPerformance, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(bids);
        if (tender.Stage != EvaluationStage.Scoring
            || EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, pastPerformance) is not { Count: > 0 } ranking)
        {
            return null;
        }

        var result = Result(tender, bids, ranking, at);
        tender.Complete(result);
        return result;
    }

    /// <summary>
    /// The result of an evaluation completed earlier, ranked again from what was saved (the same sheets and the grades
    /// before the same cutoff give the same ranking); null for a tender not completed.
    /// </summary>
    public static CompletedEvaluation? ResultOf(
        EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        IReadOnlyDictionary<Guid, PastPerformanceBasis> pastPerformance)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return tender.Stage == EvaluationStage.Completed && tender.ConcludedAt is { } at
            && EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, pastPerformance) is { Count: > 0 } ranking
            ? Result(tender, bids, ranking, at)
            : null;
    }

    private static CompletedEvaluation Result(EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids, IReadOnlyList<RankedResult> ranking, DateTimeOffset at) =>
        new(tender.TenderId, tender.PurchasingUnitId, ranking,
            [.. bids.Where(b => b.Compliance == ComplianceVerdict.Failed).Select(b => new FailedBid(b.BidId, b.AgencyId, b.ComplianceReasons))],
            at);
}
