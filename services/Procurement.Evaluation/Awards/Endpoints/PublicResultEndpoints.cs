using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Evaluation.Awards.Endpoints;

/// <summary>One ranked bid as the result announcement shows it: the agency by name, its price and its scores.</summary>
public sealed record PublicRankedBid(int Rank, string AgencyName, decimal Price, decimal? PriceScore, decimal Total);

/// <summary>
/// The result announcement (中标/成交结果公告) as anyone reads it: the winner, the price, the ranking with scores, how many
/// bids failed compliance review, and the challenge window that runs from the notice date. <see cref="Status"/> is
/// <c>Published</c> while the window runs, <c>Confirmed</c> once the award stands, <c>Cancelled</c> when the tender was
/// cancelled after the result was published.
/// </summary>
public sealed record PublicAwardResult(
    Guid TenderId, AwardStatus Status, string WinnerName, decimal Amount, int AwardedRank, IReadOnlyList<PublicRankedBid> Ranking,
    int InvalidBids, DateTimeOffset PublishedAt, DateTimeOffset PublishedAtLocal, DateOnly NoticeDate, int ChallengeWindowWorkingDays,
    DateOnly ChallengeWindowEnds, DateTimeOffset ChallengeWindowClosesAt, string ChallengeWindowClosesAtLocal, DateTimeOffset? ConfirmedAt, string TimeZone);

/// <summary>
/// DOMAIN.md §11: the result is public from the moment the purchaser publishes it. A recommendation not yet published
/// — the panel's ranking, the scores — is not: the answer is 404, as for a tender that has no award. What the
/// bidders' own view adds is left out here: the platform's ids of bids and agencies, the reasons each refused bid
/// failed (that agency's own business), and the purchaser's written reason for passing over rank 1 (for auditors).
/// The edge limits these requests as anonymous traffic.
/// </summary>
public static class PublicResultEndpoints
{
    public static RouteGroupBuilder MapPublicResultEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/public/results").WithTags("Public announcements").AllowAnonymous();
        group.MapGet("/{tenderId:guid}", Get)
            .WithName("GetPublicAwardResult")
            .WithSummary("A tender's result announcement (中标/成交结果公告) without sign-in, once the purchaser published it: winner, price, ranking with scores, challenge window; 404 before.");
        return group;
    }

    private static async Task<Ok<PublicAwardResult>> Get(Guid tenderId, EvaluationDb db, AwardRules rules, CancellationToken cancellationToken)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.TenderId == tenderId && a.PublishedAt != null, cancellationToken);
        if (award is not { PublishedAt: { } published, AgencyName: { } winner, Amount: { } amount, AwardedRank: { } rank, NoticeDate: { } notice,
                ChallengeWindowEnds: { } lastDay, ChallengeWindowClosesAt: { } closes })
        {
            throw new NotFoundException(ProblemMessages.Get("award"), tenderId);
        }

        return TypedResults.Ok(new PublicAwardResult(
            award.TenderId, award.Status, winner, amount, rank,
            [.. award.Ranking.OrderBy(r => r.Rank).Select(r => new PublicRankedBid(r.Rank, r.AgencyName, r.Price, r.PriceScore, r.Total))],
            award.Invalid.Count, published, published.ToShanghai(), notice, rules.ChallengeWindowWorkingDays, lastDay, closes,
            closes.ToShanghaiText(), award.ConfirmedAt, ShanghaiTime.TimeZoneId));
    }
}
