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

/// <summary>The application steps after a verdict or a sheet: the domain decides and records the events, these let the award follow.</summary>
internal static class EvaluationSteps
{
    /// <summary>
    /// Concludes what the domain says can be concluded (<see cref="EvaluationConclusion"/>): the review, with
    /// <c>TenderFailed</c> when too few bids passed; the evaluation, with <c>EvaluationCompleted</c> (for other services) and
    /// the award's recommendation. The tender records both events as it changes; nothing is saved here: the caller's one
    /// save commits it all.
    /// </summary>
    public static async Task ConcludeAsync(
        this EvaluationDb db, EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        PastPerformanceRules pastRules, IEvaluationCompletedFollower follower, DateTimeOffset now, CancellationToken ct)
    {
        EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, now);

        var past = await db.PastPerformanceAsync(tender, bids, pastRules, ct);
        if (EvaluationConclusion.CompleteWhenScored(tender, panel, bids, sheets, past, now) is not { } completed)
        {
            return;
        }

        await follower.FollowAsync(db, completed, ct);
    }
}
