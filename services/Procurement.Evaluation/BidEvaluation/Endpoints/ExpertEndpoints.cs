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
using Procurement.ServiceDefaults.Time;

namespace Procurement.Evaluation.BidEvaluation.Endpoints;

/// <summary>The expert pool (admins) and each evaluator's own conflict declarations (DOMAIN.md §6).</summary>
public static class ExpertEndpoints
{
    public static RouteGroupBuilder MapExpertEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/experts").WithTags("Experts");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListExperts").WithSummary("The expert pool, for admins and auditors.");
        group.MapPost("/", Create).RequireAuthorization(Roles.Admin)
            .WithName("CreateExpert").WithSummary("Adds an expert: name, evaluator user, service domains, employment history, availability.");
        group.MapGet("/me", Me).RequireAuthorization(Roles.Evaluator)
            .WithName("GetOwnExpertProfile").WithSummary("The caller's own expert record.");
        group.MapGet("/me/conflicts", MyConflicts).RequireAuthorization(Roles.Evaluator)
            .WithName("ListOwnConflicts").WithSummary("The caller's own conflict declarations.");
        group.MapPost("/me/conflicts", Declare).RequireAuthorization(Roles.Evaluator)
            .WithName("DeclareConflict").WithSummary("Declares a conflict with an agency or a tender; on a panel it concerns, a new draw replaces the caller.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetExpert").WithSummary("One expert, for admins and auditors.");
        group.MapPut("/{id:guid}", Edit).RequireAuthorization(Roles.Admin)
            .WithName("EditExpert").WithSummary("Replaces an expert's record; the version guards against lost updates.");
        return group;
    }

    private static void EnsureAdminOrAuditor(HttpContext http)
    {
        if (!http.User.IsInRole(Roles.Admin) && !http.User.IsInRole(Roles.Auditor))
        {
            throw new ForbiddenException();
        }
    }

    private static async Task<Ok<ExpertResponse[]>> List(HttpContext http, EvaluationDb db)
    {
        EnsureAdminOrAuditor(http);
        var experts = await db.Experts().AsNoTracking().OrderBy(e => e.Name).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(experts.Select(ExpertResponse.From).ToArray());
    }

    private static async Task<Ok<ExpertResponse>> Get(Guid id, HttpContext http, EvaluationDb db)
    {
        EnsureAdminOrAuditor(http);
        return TypedResults.Ok(ExpertResponse.From(await FindAsync(db, id, http.RequestAborted)));
    }

    private static async Task<Created<ExpertResponse>> Create(ExpertRequest request, HttpContext http, EvaluationDb db)
    {
        var (name, userId, domains, employment, available) = request.Validate(update: false);
        var ct = http.RequestAborted;
        await EnsureUserFreeAsync(db, userId, null, ct);
        var expert = Expert.Create(Guid.CreateVersion7(), name, userId, domains, employment, available);
        db.Experts().Add(expert);
        await db.SaveOrConflictAsync(ct, () => new ConflictException(EvaluationCodes.EvaluatorAlreadyAnExpert, userId));
        return TypedResults.Created($"/api/experts/{expert.Id}", ExpertResponse.From(expert));
    }

    private static async Task<Ok<ExpertResponse>> Edit(Guid id, ExpertRequest request, HttpContext http, EvaluationDb db)
    {
        var (name, userId, domains, employment, available) = request.Validate(update: true);
        var ct = http.RequestAborted;
        var expert = await FindAsync(db, id, ct);
        await EnsureUserFreeAsync(db, userId, id, ct);
        expert.Edit(name, userId, domains, employment, available, request.Version!.Value);
        await db.SaveOrConflictAsync(ct, () => new ConflictException(EvaluationCodes.EvaluatorAlreadyAnExpert, userId));
        return TypedResults.Ok(ExpertResponse.From(expert));
    }

    private static async Task<Ok<ExpertResponse>> Me(HttpContext http, EvaluationDb db) =>
        TypedResults.Ok(ExpertResponse.From(await OwnAsync(db, http)));

    private static async Task<Ok<ConflictResponse[]>> MyConflicts(HttpContext http, EvaluationDb db)
    {
        var expert = await OwnAsync(db, http);
        var declarations = await db.ExpertConflicts().AsNoTracking().Where(d => d.ExpertId == expert.Id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(declarations.OrderBy(d => d.DeclaredAt).Select(ConflictResponse.From).ToArray());
    }

    /// <summary>
    /// Records the declaration; on every panel still at work that it concerns (the tender, or one of its bidders), the
    /// caller leaves their seat, their sheets for that tender are discarded, and a new recorded draw from the remaining
    /// candidates fills the seat — all in one transaction.
    /// </summary>
    private static async Task<Created<DeclaredConflictResponse>> Declare(
        ConflictRequest request, HttpContext http, EvaluationDb db, TimeProvider clock, EvaluationRules rules)
    {
        request.Validate();
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var expert = await OwnAsync(db, http);
        var declaration = ConflictDeclaration.Declare(expert.Id, request.AgencyId, request.TenderId, request.Reason!, now);
        db.ExpertConflicts().Add(declaration);

        var replaced = 0;
        var panels = await db.Panels().ToListAsync(ct);
        foreach (var panel in panels.Where(p => p.HasExpert(expert.Id)))
        {
            var tender = await db.TenderAsync(panel.TenderId, ct);
            if (tender.Stage is not (EvaluationStage.ComplianceReview or EvaluationStage.Scoring))
            {
                continue;
            }

            var bidders = (await db.BidsAsync(tender.TenderId, ct)).Select(b => b.AgencyId).ToHashSet();
            if (!declaration.Concerns(tender.TenderId, bidders))
            {
                continue;
            }

            var eligible = await PanelEndpoints.EligibleAsync(db, tender, bidders, [declaration], now.ShanghaiDate(), rules, ct);
            panel.Replace(expert.Id, $"Conflict declared: {declaration.Reason}", eligible, PanelLottery.NewSeed(), now);
            tender.RecordProgress();
            db.ScoreSheets().RemoveRange(await db.ScoreSheets().Where(s => s.TenderId == tender.TenderId && s.EvaluatorUserId == expert.EvaluatorUserId).ToListAsync(ct));
            replaced++;
        }

        await db.SaveOrConflictAsync(ct);
        return TypedResults.Created($"/api/experts/me/conflicts/{declaration.Id}", new DeclaredConflictResponse(ConflictResponse.From(declaration), replaced));
    }

    private static async Task<Expert> FindAsync(EvaluationDb db, Guid id, CancellationToken ct) =>
        await db.Experts().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(ProblemMessages.Get("expert"), id);

    private static async Task<Expert> OwnAsync(EvaluationDb db, HttpContext http)
    {
        var userId = http.User.UserId();
        return await db.Experts().FirstOrDefaultAsync(e => e.EvaluatorUserId == userId, http.RequestAborted)
            ?? throw new ConflictException(EvaluationCodes.ExpertProfileMissing);
    }

    private static async Task EnsureUserFreeAsync(EvaluationDb db, string userId, Guid? except, CancellationToken ct)
    {
        var trimmed = userId.Trim();
        if (await db.Experts().AnyAsync(e => e.EvaluatorUserId == trimmed && e.Id != except, ct))
        {
            throw new ConflictException(EvaluationCodes.EvaluatorAlreadyAnExpert, trimmed);
        }
    }
}
