using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Performance.Endpoints;

public sealed record IndicatorWeightRequest(string? Name, decimal? Weight);

public sealed record ReweighRequest(IReadOnlyList<IndicatorWeightRequest>? Indicators);

/// <summary>The evaluator organisation (a third-party evaluator's <c>org_id</c>) assigned to a stage.</summary>
public sealed record AssignEvaluatorRequest(Guid? EvaluatorOrganisationId);

public sealed record IndicatorScoreRequest(string? Indicator, decimal? Score, string? Comment);

public sealed record SubmitEvaluationRequest(string? Stage, IReadOnlyList<IndicatorScoreRequest>? Scores);

public sealed record IndicatorResponse(string Name, string Unit, decimal Target, decimal Weight);

public sealed record AssignmentResponse(PerformanceStage Stage, Guid EvaluatorOrganisationId, DateTimeOffset AssignedAt);

public sealed record IndicatorScoreResponse(string Indicator, decimal Weight, decimal Score, string Comment);

public sealed record PerformanceEvaluationResponse(
    Guid Id, Guid ContractId, PerformanceStage Stage, decimal Score, PerformanceGrade Grade, bool Passed,
    IReadOnlyList<IndicatorScoreResponse> Scores, DateTimeOffset SubmittedAt);

public sealed record ContractPerformanceResponse(
    Guid ContractId, Guid? TenderId, Guid ProgramId, Guid PurchasingUnitId, Guid AgencyId, DateOnly Start, DateOnly End,
    IReadOnlyList<IndicatorResponse> Indicators, bool WeightsLocked, IReadOnlyList<AssignmentResponse> Evaluators,
    IReadOnlyList<PerformanceEvaluationResponse> Evaluations, string? Outcome, DateTimeOffset? EndedAt);

/// <summary>One grade of an agency's earlier contract, for later tenders' past-performance criterion.</summary>
public sealed record AgencyGradeResponse(Guid ContractId, Guid ProgramId, PerformanceStage Stage, decimal Score, PerformanceGrade Grade, bool Passed, DateTimeOffset EvaluatedAt);

/// <summary>One stage of a contract the calling evaluator's organisation is assigned to evaluate, and whether it is done.</summary>
public sealed record PerformanceAssignmentResponse(
    Guid ContractId, Guid? TenderId, Guid ProgramId, Guid PurchasingUnitId, Guid AgencyId, DateOnly Start, DateOnly End, PerformanceStage Stage,
    DateTimeOffset AssignedAt, bool Evaluated, bool ContractEnded);

/// <summary>
/// Contract performance evaluation (DOMAIN.md §8). The contract's parties, its assigned evaluators and auditors read
/// it; the purchaser sets weights and assigns evaluators; the assigned evaluator submits. Anyone else: "not found".
/// </summary>
public static class PerformanceEndpoints
{
    public const int MaxCommentLength = 2000;

    public static void MapPerformanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations/contracts/{contractId:guid}/performance").WithTags("Performance evaluation");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetContractPerformance").WithSummary("The contract's indicator system, assigned evaluators and evaluations (parties, assigned evaluators, auditors).");
        group.MapPut("/indicators", Reweigh).RequireAuthorization(Roles.Purchaser)
            .WithName("ReweighIndicators").WithSummary("The purchaser sets the indicator weights (sum exactly 100) while no evaluation has been submitted.");
        group.MapPut("/evaluators/{stage}", Assign).RequireAuthorization(Roles.Purchaser)
            .WithName("AssignPerformanceEvaluator").WithSummary("The purchaser assigns a third-party evaluator organisation to the MidTerm or Final evaluation.");
        group.MapPost("/evaluations", Submit).RequireAuthorization(Roles.Evaluator)
            .WithName("SubmitPerformanceEvaluation").WithSummary("The assigned evaluator scores every indicator (0–100 with a comment); answers the weighted score and grade.");

        routes.MapGet("/api/evaluations/performance/assignments", Assignments).RequireAuthorization(Roles.Evaluator)
            .WithTags("Performance evaluation")
            .WithName("GetMyPerformanceAssignments").WithSummary("The contracts and stages the calling evaluator's organisation is assigned to evaluate, open ones first.");
        routes.MapGet("/api/evaluations/agencies/{agencyId:guid}/grades", Grades).RequireAuthorization(Policies.AnyUser)
            .WithTags("Performance evaluation")
            .WithName("GetAgencyGrades").WithSummary("An agency's performance grades, newest first (purchasers, evaluators, auditors, and the agency itself).");
    }

    private static async Task<Ok<ContractPerformanceResponse>> Get(Guid contractId, HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var contract = await FindAsync(db, contractId, ct, tracked: false);
        var user = http.User;
        var organisation = user.OrganisationId();
        var visible = user.IsInRole(Roles.Auditor)
            || (user.IsInRole(Roles.Purchaser) && organisation == contract.PurchasingUnitId)
            || (user.IsInRole(Roles.Agency) && organisation == contract.AgencyId)
            || (user.IsInRole(Roles.Evaluator) && contract.IsAssignedEvaluator(organisation));
        if (!visible)
        {
            throw NotFound(contractId);
        }

        return TypedResults.Ok(await ShowAsync(db, contract, ct));
    }

    private static async Task<Ok<ContractPerformanceResponse>> Reweigh(
        Guid contractId, ReweighRequest request, HttpContext http, EvaluationDb db, PerformanceRules rules)
    {
        var errors = new FieldErrors();
        if (request.Indicators is null || request.Indicators.Count == 0)
        {
            errors.Add("indicators", "required");
        }
        else
        {
            for (var i = 0; i < request.Indicators.Count; i++)
            {
                errors.Required($"indicators[{i}].name", request.Indicators[i].Name);
                if (request.Indicators[i].Weight is null)
                {
                    errors.Add($"indicators[{i}].weight", "required");
                }
            }
        }

        errors.ThrowIfAny();
        var ct = http.RequestAborted;
        var contract = await FindOwnAsync(db, contractId, http.User, ct);
        var submitted = await db.Set<PerformanceEvaluation>().AnyAsync(e => e.ContractId == contractId, ct);
        contract.Reweigh([.. request.Indicators!.Select(i => (i.Name!.Trim(), i.Weight!.Value))], submitted, rules);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ShowAsync(db, contract, ct));
    }

    private static async Task<Ok<ContractPerformanceResponse>> Assign(
        Guid contractId, string stage, AssignEvaluatorRequest request, HttpContext http, EvaluationDb db, TimeProvider clock)
    {
        var errors = new FieldErrors().Required("evaluatorOrganisationId", request.EvaluatorOrganisationId);
        var parsedStage = ParseStage("stage", stage, errors);
        errors.ThrowIfAny();
        var ct = http.RequestAborted;
        var contract = await FindOwnAsync(db, contractId, http.User, ct);
        var evaluated = await db.Set<PerformanceEvaluation>().AnyAsync(e => e.ContractId == contractId && e.Stage == parsedStage, ct);
        contract.Assign(parsedStage, request.EvaluatorOrganisationId!.Value, http.User.UserId(), evaluated, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ShowAsync(db, contract, ct));
    }

    private static async Task<Created<PerformanceEvaluationResponse>> Submit(
        Guid contractId, SubmitEvaluationRequest request, HttpContext http, EvaluationDb db, PerformanceRules rules, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var stage = ParseStage("stage", request.Stage, errors);
        if (request.Scores is null || request.Scores.Count == 0)
        {
            errors.Add("scores", "required");
        }
        else
        {
            for (var i = 0; i < request.Scores.Count; i++)
            {
                errors.Required($"scores[{i}].indicator", request.Scores[i].Indicator)
                    .Required($"scores[{i}].comment", request.Scores[i].Comment, MaxCommentLength);
                if (request.Scores[i].Score is null)
                {
                    errors.Add($"scores[{i}].score", "required");
                }
            }
        }

        errors.ThrowIfAny();
        var ct = http.RequestAborted;
        var organisation = http.User.OrganisationId();
        var contract = await FindAsync(db, contractId, ct, tracked: false);
        if (!contract.IsAssignedEvaluator(organisation))
        {
            throw NotFound(contractId);
        }

        var evaluated = await db.Set<PerformanceEvaluation>().AnyAsync(e => e.ContractId == contractId && e.Stage == stage, ct);
        var now = clock.GetUtcNow();
        var evaluation = PerformanceEvaluation.Submit(
            contract, stage, organisation, http.User.UserId(),
            [.. request.Scores!.Select(s => (s.Indicator!.Trim(), s.Score!.Value, s.Comment!))], evaluated, rules, now);
        db.Set<PerformanceEvaluation>().Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (SaveOrConflict.IsDuplicateKey(exception))
        {
            if (!await StageTakenAsync(db, contractId, stage, ct))
            {
                throw;
            }

            // Another submission for the same stage committed first (the unique index said so).
            throw new ConflictException(PerformanceCodes.StageAlreadyEvaluated, stage.ToString(), PerformanceTexts.Chinese(stage));
        }

        return TypedResults.Created($"/api/evaluations/contracts/{contractId}/performance", Show(evaluation));
    }

    private static async Task<Ok<PerformanceAssignmentResponse[]>> Assignments(HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var organisation = http.User.OrganisationId();
        // Assignments are a JSON column: the contracts are read and the caller's assignments are looked for here.
        var contracts = (await db.Set<ContractUnderEvaluation>().AsNoTracking().ToListAsync(ct)).Where(c => c.IsAssignedEvaluator(organisation)).ToList();
        var ids = contracts.Select(c => c.ContractId).ToList();
        var done = (await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => ids.Contains(e.ContractId))
            .Select(e => new { e.ContractId, e.Stage }).ToListAsync(ct)).Select(e => (e.ContractId, e.Stage)).ToHashSet();
        return TypedResults.Ok(contracts
            .SelectMany(c => c.Assignments.Where(a => a.EvaluatorOrganisationId == organisation).Select(a => new PerformanceAssignmentResponse(
                c.ContractId, c.TenderId, c.ProgramId, c.PurchasingUnitId, c.AgencyId, c.Start, c.End, a.Stage, a.AssignedAt,
                done.Contains((c.ContractId, a.Stage)), c.HasEnded)))
            .OrderBy(a => a.Evaluated || a.ContractEnded)
            .ThenBy(a => a.End)
            .ThenBy(a => a.Stage)
            .ToArray());
    }

    private static async Task<Ok<AgencyGradeResponse[]>> Grades(Guid agencyId, HttpContext http, EvaluationDb db)
    {
        var user = http.User;
        var allowed = user.IsInRole(Roles.Purchaser) || user.IsInRole(Roles.Evaluator) || user.IsInRole(Roles.Auditor)
            || (user.IsInRole(Roles.Agency) && user.OrganisationId() == agencyId);
        if (!allowed)
        {
            throw new ForbiddenException();
        }

        var evaluations = await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.AgencyId == agencyId).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(evaluations
            .OrderByDescending(e => e.SubmittedAt)
            .Select(e => new AgencyGradeResponse(e.ContractId, e.ProgramId, e.Stage, e.Score, e.Grade, e.Passed, e.SubmittedAt))
            .ToArray());
    }

    private static PerformanceStage ParseStage(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "required");
            return default;
        }

        if (!Enum.TryParse<PerformanceStage>(value, ignoreCase: true, out var stage) || !Enum.IsDefined(stage))
        {
            errors.Add(field, "one_of", string.Join(", ", Enum.GetNames<PerformanceStage>()));
        }

        return stage;
    }

    private static async Task<bool> StageTakenAsync(EvaluationDb db, Guid contractId, PerformanceStage stage, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Set<PerformanceEvaluation>().AnyAsync(e => e.ContractId == contractId && e.Stage == stage, ct);
    }

    private static async Task<ContractUnderEvaluation> FindAsync(EvaluationDb db, Guid contractId, CancellationToken ct, bool tracked = true)
    {
        var query = tracked ? db.Set<ContractUnderEvaluation>() : db.Set<ContractUnderEvaluation>().AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.ContractId == contractId, ct) ?? throw NotFound(contractId);
    }

    /// <summary>The contract of the caller's own purchasing unit; anyone else's is "not found".</summary>
    private static async Task<ContractUnderEvaluation> FindOwnAsync(EvaluationDb db, Guid contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await FindAsync(db, contractId, ct);
        return contract.PurchasingUnitId == user.OrganisationId() ? contract : throw NotFound(contractId);
    }

    private static NotFoundException NotFound(Guid contractId) => new(ProblemMessages.Get("contract_under_evaluation"), contractId);

    private static async Task<ContractPerformanceResponse> ShowAsync(EvaluationDb db, ContractUnderEvaluation contract, CancellationToken ct)
    {
        var evaluations = await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.ContractId == contract.ContractId).ToListAsync(ct);
        return new ContractPerformanceResponse(
            contract.ContractId, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.Start, contract.End,
            [.. contract.Indicators.Select(i => new IndicatorResponse(i.Name, i.Unit, i.Target, i.Weight))],
            evaluations.Count > 0,
            [.. contract.Assignments.OrderBy(a => a.Stage).Select(a => new AssignmentResponse(a.Stage, a.EvaluatorOrganisationId, a.AssignedAt))],
            [.. evaluations.OrderBy(e => e.Stage).Select(Show)],
            contract.Outcome,
            contract.EndedAt);
    }

    private static PerformanceEvaluationResponse Show(PerformanceEvaluation evaluation) => new(
        evaluation.Id, evaluation.ContractId, evaluation.Stage, evaluation.Score, evaluation.Grade, evaluation.Passed,
        [.. evaluation.Scores.Select(s => new IndicatorScoreResponse(s.Indicator, s.Weight, s.Score, s.Comment))], evaluation.SubmittedAt);
}
