using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.Awards.Data;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Evaluation.Awards.Endpoints;

/// <summary>The purchaser's confirmation: the recommended (rank-1) bid unless <see cref="BidId"/> names another ranked bid, which needs <see cref="Reason"/>.</summary>
public sealed record ConfirmAwardRequest(Guid? BidId, string? Reason);

public sealed record ChallengeRequest(string? Text);

public sealed record AnswerChallengeRequest(string? Answer);

public sealed record RankedBidResponse(int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, decimal Total);

public sealed record InvalidBidResponse(Guid BidId, Guid AgencyId, IReadOnlyList<string> Reasons);

/// <summary>
/// A tender's award. Before publication only the purchaser and auditors see it (the recommendation); after it,
/// the bidders see the result and its challenge window. <see cref="ChallengeWindowClosesAt"/> is the instant the
/// window closes (the end of <see cref="ChallengeWindowEnds"/> in Asia/Shanghai).
/// </summary>
public sealed record AwardResponse(
    Guid AwardId,
    Guid TenderId,
    AwardStatus Status,
    Guid RecommendedBidId,
    IReadOnlyList<RankedBidResponse> Ranking,
    IReadOnlyList<InvalidBidResponse> Invalid,
    Guid? BidId,
    Guid? AgencyId,
    string? AgencyName,
    decimal? Amount,
    int? AwardedRank,
    string? DeviationReason,
    DateTimeOffset? PublishedAt,
    DateOnly? NoticeDate,
    int ChallengeWindowWorkingDays,
    DateOnly? ChallengeWindowEnds,
    DateTimeOffset? ChallengeWindowClosesAt,
    string? ChallengeWindowClosesAtLocal,
    bool WindowCountedOnWeekendsOnly,
    string? CalendarNote,
    int UnansweredChallenges,
    DateTimeOffset? ConfirmedAt,
    string TimeZone);

public sealed record ChallengeResponse(
    Guid Id, Guid TenderId, Guid AgencyId, string Text, DateTimeOffset LodgedAt, string? Answer, DateTimeOffset? AnsweredAt, bool Answered);

/// <summary>
/// Award confirmation with its challenge window (DOMAIN.md §6). The tender's purchaser confirms; bidders challenge
/// inside the window and the purchaser answers; auditors read everything. Anyone else is told "not found".
/// </summary>
public static class AwardEndpoints
{
    public static RouteGroupBuilder MapAwardEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations/tenders/{tenderId:guid}/award").WithTags("Awards");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetAward").WithSummary("The award: the recommendation (purchaser, auditors), then the published result and its challenge window (also bidders).");
        group.MapPost("/", Confirm).RequireAuthorization(Roles.Purchaser)
            .WithName("ConfirmAward").WithSummary("The purchaser confirms the award (rank 1, or another ranked bid with a written reason); the result is published and the challenge window opens.");
        group.MapGet("/challenges", Challenges).RequireAuthorization(Policies.AnyUser)
            .WithName("ListChallenges").WithSummary("Challenges of the result: all for the purchaser and auditors, its own for a bidder.");
        group.MapPost("/challenges", Lodge).RequireAuthorization(Roles.Agency)
            .WithName("LodgeChallenge").WithSummary("A bidder challenges the published result (质疑) inside the window; an unanswered challenge holds the confirmation.");
        group.MapPost("/challenges/{challengeId:guid}/answer", Answer).RequireAuthorization(Roles.Purchaser)
            .WithName("AnswerChallenge").WithSummary("The purchaser answers a challenge, once.");
        return group;
    }

    private static async Task<Ok<AwardResponse>> Get(Guid tenderId, HttpContext http, EvaluationDb db, AwardRules rules)
    {
        var ct = http.RequestAborted;
        var award = await FindAsync(db, tenderId, ct, tracked: false);
        var user = http.User;
        var organisation = user.OrganisationId();
        var full = IsOwnPurchaser(user, award) || user.IsInRole(Roles.Auditor);
        var bidder = user.IsInRole(Roles.Agency) && award.IsBidder(organisation) && award.Status != AwardStatus.Recommended;
        if (!full && !bidder)
        {
            throw NotFound(tenderId);
        }

        var unanswered = await db.Set<Challenge>().CountAsync(c => c.AwardId == award.Id && c.AnsweredAt == null, ct);
        return TypedResults.Ok(Show(award, rules, unanswered, full ? null : organisation));
    }

    private static async Task<Ok<AwardResponse>> Confirm(
        Guid tenderId, ConfirmAwardRequest request, HttpContext http, EvaluationDb db, AwardRules rules, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (request.Reason is { Length: var length } && length > rules.MaxChallengeLength)
        {
            new FieldErrors().Add("reason", "max_length", rules.MaxChallengeLength).ThrowIfAny();
        }

        var award = await FindAsync(db, tenderId, ct);
        if (!IsOwnPurchaser(http.User, award))
        {
            throw NotFound(tenderId);
        }

        var terms = await db.Set<TenderAwardTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.TenderId == tenderId, ct)
            ?? throw new ConflictException(AwardCodes.AwardTenderTermsUnknown);
        if (terms.Cancelled)
        {
            throw new ConflictException(AwardCodes.AwardCancelled);
        }

        var now = clock.GetUtcNow();
        award.Publish(request.BidId, request.Reason, http.User.UserId(), now, await db.LoadCalendarAsync(ct), rules);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Show(award, rules, 0, null));
    }

    private static async Task<Ok<ChallengeResponse[]>> Challenges(Guid tenderId, HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var award = await FindAsync(db, tenderId, ct, tracked: false);
        var user = http.User;
        var organisation = user.OrganisationId();
        var query = db.Set<Challenge>().AsNoTracking().Where(c => c.AwardId == award.Id);
        if (!IsOwnPurchaser(user, award) && !user.IsInRole(Roles.Auditor))
        {
            if (!user.IsInRole(Roles.Agency) || !award.IsBidder(organisation) || award.Status == AwardStatus.Recommended)
            {
                throw NotFound(tenderId);
            }

            query = query.Where(c => c.AgencyId == organisation);
        }

        var challenges = await query.ToListAsync(ct);
        return TypedResults.Ok(challenges.OrderBy(c => c.LodgedAt).Select(Show).ToArray());
    }

    private static async Task<Created<ChallengeResponse>> Lodge(
        Guid tenderId, ChallengeRequest request, HttpContext http, EvaluationDb db, AwardRules rules, TimeProvider clock)
    {
        new FieldErrors().Required("text", request.Text, rules.MaxChallengeLength).ThrowIfAny();
        var ct = http.RequestAborted;
        var award = await FindAsync(db, tenderId, ct, tracked: false);
        var challenge = award.Lodge(http.User.OrganisationId(), http.User.UserId(), request.Text!, clock.GetUtcNow());
        db.Set<Challenge>().Add(challenge);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/evaluations/tenders/{tenderId}/award/challenges/{challenge.Id}", Show(challenge));
    }

    private static async Task<Ok<ChallengeResponse>> Answer(
        Guid tenderId, Guid challengeId, AnswerChallengeRequest request, HttpContext http, EvaluationDb db, AwardRules rules, TimeProvider clock)
    {
        new FieldErrors().Required("answer", request.Answer, rules.MaxChallengeLength).ThrowIfAny();
        var ct = http.RequestAborted;
        var award = await FindAsync(db, tenderId, ct, tracked: false);
        if (!IsOwnPurchaser(http.User, award))
        {
            throw NotFound(tenderId);
        }

        var challenge = await db.Set<Challenge>().FirstOrDefaultAsync(c => c.Id == challengeId && c.AwardId == award.Id, ct)
            ?? throw new NotFoundException(ProblemMessages.Get("challenge"), challengeId);
        challenge.Respond(request.Answer!, http.User.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Show(challenge));
    }

    private static bool IsOwnPurchaser(ClaimsPrincipal user, Award award) =>
        user.IsInRole(Roles.Purchaser) && user.OrganisationId() == award.PurchasingUnitId;

    private static async Task<Award> FindAsync(EvaluationDb db, Guid tenderId, CancellationToken ct, bool tracked = true)
    {
        var query = tracked ? db.Set<Award>() : db.Set<Award>().AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.TenderId == tenderId, ct) ?? throw NotFound(tenderId);
    }

    private static NotFoundException NotFound(Guid tenderId) => new(ProblemMessages.Get("award"), tenderId);

    /// <summary>The award as a reader sees it; <paramref name="agencyOnly"/> limits the invalid list to that agency's own bid.</summary>
    private static AwardResponse Show(Award award, AwardRules rules, int unanswered, Guid? agencyOnly) => new(
        award.Id,
        award.TenderId,
        award.Status,
        award.RecommendedBidId,
        [.. award.Ranking.Select(r => new RankedBidResponse(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))],
        [.. award.Invalid.Where(i => agencyOnly is null || i.AgencyId == agencyOnly).Select(i => new InvalidBidResponse(i.BidId, i.AgencyId, i.Reasons))],
        award.BidId,
        award.AgencyId,
        award.AgencyName,
        award.Amount,
        award.AwardedRank,
        agencyOnly is null ? award.DeviationReason : null,
        award.PublishedAt,
        award.NoticeDate,
        rules.ChallengeWindowWorkingDays,
        award.ChallengeWindowEnds,
        award.ChallengeWindowClosesAt,
        award.ChallengeWindowClosesAt?.ToShanghaiText(),
        award.WindowCountedOnWeekendsOnly,
        award.WindowCountedOnWeekendsOnly ? CalendarEndpoints.WeekendsOnlyNote : null,
        unanswered,
        award.ConfirmedAt,
        ShanghaiTime.TimeZoneId);

    private static ChallengeResponse Show(Challenge challenge) => new(
        challenge.Id, challenge.TenderId, challenge.AgencyId, challenge.Text, challenge.LodgedAt, challenge.Answer, challenge.AnsweredAt, challenge.IsAnswered);
}
