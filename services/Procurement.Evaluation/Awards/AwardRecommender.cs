using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Awards;

/// <summary>
/// The panel's ranking becomes the tender's award, for the purchaser to confirm, in the transaction that ranked
/// (DOMAIN.md §6). <see cref="Award.RecommendOrRerank"/> decides; this loads the award and adds a new one.
/// </summary>
internal sealed class AwardRecommender : IEvaluationCompletedFollower
{
    public async Task FollowAsync(EvaluationDb db, CompletedEvaluation completed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(completed);
        var current = await db.Set<Award>().FirstOrDefaultAsync(a => a.TenderId == completed.TenderId, ct);
        var made = Award.RecommendOrRerank(
            current, completed.TenderId, completed.PurchasingUnitId,
            [.. completed.Ranking.Select(r => new RankedEntry(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))],
            completed.Recommended.BidId,
            [.. completed.Invalid.Select(b => new InvalidEntry(b.BidId, b.AgencyId, [.. b.Reasons]))],
            completed.CompletedAt);
        if (made is not null)
        {
            db.Set<Award>().Add(made);
        }
    }
}
