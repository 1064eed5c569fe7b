using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.BidEvaluation.Endpoints;

/// <summary>Compliance review, score sheets and the results of one tender's evaluation (DOMAIN.md §6).</summary>
public static class ReviewEndpoints
{
    /// <summary>Who can sit on a panel: experts (evaluators) and the purchasing unit's representatives; the handlers check the seat.</summary>
    private static void PanelMembers(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes("Bearer").RequireRole(Roles.Evaluator, Roles.Purchaser).RequireClaim(ProcurementClaims.OrganisationId);

    public static RouteGroupBuilder MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations/tenders/{tenderId:guid}").WithTags("Evaluations");
        // Declared so the generated client reads the body: an agency gets the PublishedRankingResponse subset of it.
        group.MapGet("/", Results).RequireAuthorization(Policies.AnyUser).Produces<BidEvaluationResponse>()
            .WithName("GetEvaluation").WithSummary("The evaluation: bids with their compliance verdicts, sheet progress and, once completed, the ranking. Agencies that bid see only the published ranking.");
        group.MapPost("/bids/{bidId:guid}/compliance", Review).RequireAuthorization(PanelMembers)
            .WithName("ReviewBidCompliance").WithSummary("A panel member's pass/fail on a bid; the staffing plan is checked against the tender automatically.");
        group.MapPost("/bids/{bidId:guid}/sheets", Submit).RequireAuthorization(PanelMembers)
            .WithName("SubmitScoreSheet").WithSummary("The caller's score sheet for a valid bid; an outlying score needs a written reason.");
        group.MapPost("/bids/{bidId:guid}/sheets/mine/reasons", GiveReasons).RequireAuthorization(PanelMembers)
            .WithName("GiveOutlierReasons").WithSummary("Written reasons for the caller's outlying scores, so the sheet counts.");
        group.MapGet("/bids/{bidId:guid}/sheets", Sheets).RequireAuthorization(Policies.AnyUser)
            .WithName("ListScoreSheets").WithSummary("The sheets for a bid: a member only after submitting their own; auditors always.");
        return group;
    }

    private static async Task<Ok<BidReviewResponse>> Review(
        Guid tenderId, Guid bidId, ComplianceRequest request, HttpContext http, EvaluationDb db, TimeProvider clock, PastPerformanceRules pastRules,
        IEvaluationCompletedFollower follower)
    {
        var (judgements, rejections) = request.Validate();
        var ct = http.RequestAborted;
        var tender = await db.TenderAsync(tenderId, ct);
        var panel = await db.RequirePanelAsync(tenderId, ct);
        var reviewer = EvaluationAccess.EnsureMember(http.User, tender, panel);
        var bids = await db.BidsAsync(tenderId, ct);
        var bid = bids.FirstOrDefault(b => b.BidId == bidId) ?? throw new NotFoundException(ProblemMessages.Get("evaluated_bid"), bidId);
        var now = clock.GetUtcNow();
        bid.Review(tender, judgements, rejections, reviewer, now);
        tender.RecordProgress();
        // A scheme scored by price (and computed past performance) alone has no sheets to wait for: the ranking follows the review.
        await db.ConcludeAsync(tender, panel, bids, [], pastRules, follower, now, ct);
        await db.SaveOrConflictAsync(ct);
        return TypedResults.Ok(BidReviewResponse.From(bid));
    }

    private static async Task<Created<SheetResponse>> Submit(
        Guid tenderId, Guid bidId, ScoreSheetRequest request, HttpContext http, EvaluationDb db, TimeProvider clock, EvaluationRules rules,
        PastPerformanceRules pastRules, IEvaluationCompletedFollower follower)
    {
        var scores = request.Validate();
        var ct = http.RequestAborted;
        var (tender, panel, evaluator, bids, bid, sheets) = await ScoringAsync(db, tenderId, bidId, http.User, ct);
        var forBid = sheets.Where(s => s.BidId == bidId).ToList();
        if (forBid.Any(s => s.EvaluatorUserId == evaluator))
        {
            throw new ConflictException(EvaluationCodes.SheetAlreadySubmitted);
        }

        var now = clock.GetUtcNow();
        var sheet = ScoreSheet.Submit(tender, bid.BidId, evaluator, scores, forBid, rules, now);
        db.ScoreSheets().Add(sheet);
        tender.RecordProgress();
        forBid.Add(sheet);
        sheets.Add(sheet);
        if (EvaluationProgress.BidComplete(panel, bidId, forBid))
        {
            // The last sheet for the bid: every sheet is checked again against the whole panel's median.
            var criteria = tender.PanelCriteria.ToList();
            foreach (var each in forBid)
            {
                each.Recheck(forBid, criteria, rules);
            }
        }

        await db.ConcludeAsync(tender, panel, bids, sheets, pastRules, follower, now, ct);
        await db.SaveOrConflictAsync(ct, () => new ConflictException(EvaluationCodes.SheetAlreadySubmitted));
        return TypedResults.Created($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets/mine", View(panel, sheet, evaluator));
    }

    private static async Task<Ok<SheetResponse>> GiveReasons(
        Guid tenderId, Guid bidId, OutlierReasonsRequest request, HttpContext http, EvaluationDb db, TimeProvider clock, EvaluationRules rules,
        PastPerformanceRules pastRules, IEvaluationCompletedFollower follower)
    {
        var reasons = request.Validate();
        var ct = http.RequestAborted;
        var (tender, panel, evaluator, bids, _, sheets) = await ScoringAsync(db, tenderId, bidId, http.User, ct);
        var forBid = sheets.Where(s => s.BidId == bidId).ToList();
        var sheet = forBid.FirstOrDefault(s => s.EvaluatorUserId == evaluator)
            ?? throw new NotFoundException(ProblemMessages.Get("score_sheet"), bidId);
        sheet.GiveReasons(reasons, forBid, [.. tender.PanelCriteria], rules);
        tender.RecordProgress();
        await db.ConcludeAsync(tender, panel, bids, sheets, pastRules, follower, clock.GetUtcNow(), ct);
        await db.SaveOrConflictAsync(ct);
        return TypedResults.Ok(View(panel, sheet, evaluator));
    }

    private static async Task<Ok<SheetResponse[]>> Sheets(Guid tenderId, Guid bidId, HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var user = http.User;
        var tender = await db.TenderAsync(tenderId, ct);
        var panel = await db.PanelAsync(tenderId, ct);
        // Who may not look inside this evaluation learns nothing of it, not even whether the bid was reviewed: 404 before
        // any state is read (issue 16 item 5). The tender's purchaser is an insider and is told why it must wait.
        if (!EvaluationAccess.IsInsider(user, tender, panel))
        {
            throw new NotFoundException(ProblemMessages.Get("evaluated_bid"), bidId);
        }

        var me = EvaluationAccess.IsMember(user, panel) ? user.UserId() : null;
        if (me is null && !user.IsInRole(Roles.Auditor) && !(EvaluationAccess.IsPurchaserOf(user, tender) && tender.Stage == EvaluationStage.Completed))
        {
            throw new ForbiddenException(EvaluationCodes.NotPanelMember);
        }

        if (panel is null)
        {
            throw new ConflictException(EvaluationCodes.PanelNotDrawn);
        }

        var bids = await db.BidsAsync(tenderId, ct);
        ValidBid(bids, bidId);
        var sheets = EvaluationProgress.Counted(panel, bids, await db.SheetsAsync(tenderId, ct)).Where(s => s.BidId == bidId).ToList();
        if (me is not null && !sheets.Any(s => s.EvaluatorUserId == me))
        {
            throw new ConflictException(EvaluationCodes.SubmitOwnSheetFirst);
        }

        return TypedResults.Ok(sheets.OrderBy(s => SeatOf(panel, s.EvaluatorUserId)).Select(s => View(panel, s, me)).ToArray());
    }

    private static async Task<IResult> Results(Guid tenderId, HttpContext http, EvaluationDb db, PastPerformanceRules pastRules)
    {
        var ct = http.RequestAborted;
        var user = http.User;
        var tender = await db.TenderAsync(tenderId, ct);
        var panel = await db.PanelAsync(tenderId, ct);
        var bids = await db.BidsAsync(tenderId, ct);
        var sheets = panel is null ? [] : EvaluationProgress.Counted(panel, bids, await db.SheetsAsync(tenderId, ct));
        var past = await db.PastPerformanceAsync(tender, bids, pastRules, ct);
        var ranking = tender.Stage == EvaluationStage.Completed && panel is not null
            ? EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, past)?.Select(r => new RankingResponse(
                r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Means, r.Total)).ToList()
            : null;

        if (user.IsInRole(Roles.Agency))
        {
            // An agency sees nothing of the evaluation but the published ranking of a tender it bid on.
            var organisation = user.OrganisationId();
            if (ranking is null || !bids.Any(b => b.AgencyId == organisation))
            {
                throw new NotFoundException(ProblemMessages.Get("evaluation"), tenderId);
            }

            return TypedResults.Ok(new PublishedRankingResponse(tender.TenderId, tender.Title, tender.Stage, ranking));
        }

        EvaluationAccess.EnsureInsider(user, tender, panel);
        return TypedResults.Ok(new BidEvaluationResponse(
            tender.TenderId, tender.Title, tender.ProcurementMethod, tender.Stage, tender.Outcome, tender.OpenedAt, tender.ConcludedAt,
            tender.MinimumValidBids, tender.MinimumPanelSize, tender.OddPanelSize, tender.Criteria, tender.FixedPrice,
            panel is null ? null : new PanelSummary(panel.Size, panel.ExpertSeats, panel.Size - panel.ExpertSeats),
            [.. bids.Select(BidReviewResponse.From)],
            panel is null ? null : new SheetProgress(EvaluationProgress.Expected(tender, panel, bids), sheets.Count, sheets.Count(s => s.Status == SheetStatus.NeedsReason)),
            [.. bids.Where(b => past.ContainsKey(b.AgencyId)).Select(b => PastPerformanceResponse.From(b, past[b.AgencyId], tender.PastPerformanceCriteria))],
            ranking,
            tender.Eligibility,
            tender.Staffing));
    }

    /// <summary>
    /// What a change to a sheet starts from: the tender in scoring, its panel with the caller as a member, the bids, the valid bid
    /// named, and the counted sheets of the tender.
    /// </summary>
    private static async Task<(EvaluatedTender Tender, Panel Panel, string Evaluator, List<EvaluatedBid> Bids, EvaluatedBid Bid, List<ScoreSheet> Sheets)> ScoringAsync(
        EvaluationDb db, Guid tenderId, Guid bidId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var tender = await db.TenderAsync(tenderId, ct);
        var panel = await db.RequirePanelAsync(tenderId, ct);
        var evaluator = EvaluationAccess.EnsureMember(user, tender, panel);
        tender.EnsureStage(EvaluationStage.Scoring, EvaluationCodes.ScoringNotOpen);
        var bids = await db.BidsAsync(tenderId, ct);
        var bid = ValidBid(bids, bidId);
        return (tender, panel, evaluator, bids, bid, [.. EvaluationProgress.Counted(panel, bids, await db.SheetsAsync(tenderId, ct))]);
    }

    private static EvaluatedBid ValidBid(IReadOnlyList<EvaluatedBid> bids, Guid bidId)
    {
        var bid = bids.FirstOrDefault(b => b.BidId == bidId) ?? throw new NotFoundException(ProblemMessages.Get("evaluated_bid"), bidId);
        return bid.Compliance switch
        {
            ComplianceVerdict.Pending => throw new ConflictException(EvaluationCodes.BidNotReviewed),
            _ when !bid.IsValid => throw new ConflictException(EvaluationCodes.BidNotValid),
            _ => bid,
        };
    }

    private static int SeatOf(Panel panel, string userId) => panel.Members.First(m => m.UserId == userId).Number;

    private static SheetResponse View(Panel panel, ScoreSheet sheet, string? me) =>
        new(sheet.Id, sheet.BidId, SeatOf(panel, sheet.EvaluatorUserId), sheet.EvaluatorUserId == me, sheet.Status, sheet.Scores, sheet.SubmittedAt);
}
