using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Awards.Scheduling;

/// <summary>
/// The upgrade from the self-addressed <c>EvaluationCompleted</c> (issue 16 item 11). Before it, a ranking's award came later,
/// when Evaluation consumed its own message; a ranking saved just before the upgrade whose message was still in the outbox,
/// on the broker or in a retry has no consumer any more. At start-up every completed evaluation without an award gets it
/// now, ranked again from what was saved (<see cref="EvaluationConclusion.ResultOf"/>), through the same follower the
/// ranking step uses. The old message itself is harmless: the outbox publishes it to whoever listens (nobody in
/// Evaluation), and an old inbox row is only a record. On a current database this finds nothing.
/// </summary>
public sealed class MissedRecommendations(
    IServiceScopeFactory scopes, PastPerformanceRules pastRules, IEvaluationCompletedFollower follower, ILogger<MissedRecommendations> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        var awarded = db.Set<Award>().Select(a => a.TenderId);
        var missed = await db.EvaluatedTenders()
            .Where(t => t.Stage == EvaluationStage.Completed && !awarded.Contains(t.TenderId))
            .ToListAsync(cancellationToken);
        foreach (var tender in missed)
        {
            if (await db.PanelAsync(tender.TenderId, cancellationToken) is not { } panel)
            {
                continue;
            }

            var bids = await db.BidsAsync(tender.TenderId, cancellationToken);
            var sheets = EvaluationProgress.Counted(panel, bids, await db.SheetsAsync(tender.TenderId, cancellationToken));
            var past = await db.PastPerformanceAsync(tender, bids, pastRules, cancellationToken);
            if (EvaluationConclusion.ResultOf(tender, panel, bids, sheets, past) is { } completed)
            {
                await follower.FollowAsync(db, completed, cancellationToken);
                logger.LogInformation("Tender {TenderId}: the award of an evaluation completed before the upgrade is recommended now", tender.TenderId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
