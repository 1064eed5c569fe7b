using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.BidEvaluation;

/// <summary>
/// What follows a completed evaluation inside the unit of work that completed it. The award feature, which sits above bid
/// evaluation, implements it to recommend the award in the same transaction as the ranking (issue 16 item 11: Evaluation
/// no longer publishes <c>EvaluationCompleted</c> to itself and waits for its own inbox).
/// </summary>
public interface IEvaluationCompletedFollower
{
    /// <summary>Adds its consequence of <paramref name="completed"/> to <paramref name="db"/>; the caller saves.</summary>
    Task FollowAsync(EvaluationDb db, CompletedEvaluation completed, CancellationToken ct);
}

/// <summary>The application steps after a verdict or a sheet: the domain decides, these raise the events and let the award follow.</summary>
internal static class EvaluationSteps
{
    /// <summary>
    /// Concludes what the domain says can be concluded (<see cref="EvaluationConclusion"/>): the review, with
    /// <c>TenderFailed</c> when too few bids passed; the evaluation, with <c>EvaluationCompleted</c> (for other services) and
    /// the award's recommendation. Nothing is saved here: the caller's one save commits it all.
    /// </summary>
    public static async Task ConcludeAsync(
        this EvaluationDb db, EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        PastPerformanceRules pastRules, IEvaluationCompletedFollower follower, DateTimeOffset now, CancellationToken ct)
    {
        if (EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, now) is { } failure)
        {
            db.RaiseFailed(tender, failure, now);
        }

        var past = await db.PastPerformanceAsync(tender, bids, pastRules, ct);
        if (EvaluationConclusion.CompleteWhenScored(tender, panel, bids, sheets, past, now) is not { } completed)
        {
            return;
        }

        var winner = completed.Recommended;
        db.Raise(new EvaluationCompleted(
            completed.TenderId,
            completed.PurchasingUnitId,
            [.. completed.Ranking.Select(r => new RankedBid(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))],
            winner.BidId,
            winner.AgencyId,
            [.. completed.Invalid.Select(b => new InvalidBid(b.BidId, b.AgencyId, b.Reasons))],
            completed.CompletedAt));
        await follower.FollowAsync(db, completed, ct);
    }

    /// <summary>Raises <c>TenderFailed</c> for a failure the tender decided (at opening or at the end of the review).</summary>
    public static void RaiseFailed(this EvaluationDb db, EvaluatedTender tender, TenderFailure failure, DateTimeOffset at) =>
        db.Raise(new TenderFailed(tender.TenderId, failure.ValidBids, failure.MinimumValidBids, failure.Reason, at));
}
