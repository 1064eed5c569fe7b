using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.OpenApi;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Endpoints;

/// <summary>A reason, for a rejection or a decision on a withheld instalment.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>The purchaser's decision on a withheld instalment: <c>resume</c> (pay it) or <c>withhold</c> (keep it held), with a reason.</summary>
public sealed record WithholdingDecisionRequest(string? Decision, string? Reason);

/// <summary>
/// The maker-checker payment flow of DOMAIN.md §9. The agency requests, the purchaser approves, treasury releases
/// and confirms the payment. A request and a release each carry an <c>Idempotency-Key</c> header: the same key
/// again moves no money and answers what the first did. Instalments of contracts the caller may not see are 404.
/// </summary>
public static class InstalmentEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private const string IdempotencyKeyDescription =
        "A key of the caller's choosing (1–100 characters): the same key with the same request answers as the first time, never moving money twice.";

    private const int MaxReason = 1000;

    public static RouteGroupBuilder MapInstalmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/disbursements/instalments").WithTags("Disbursements");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .Produces<InstalmentResponse[]>().WithName("ListInstalments").WithSummary("Instalments the caller may see, optionally of one contract or in one status.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .Produces<InstalmentResponse>().WithName("GetInstalment").WithSummary("One instalment with its days from due to payment and whether it is late.");
        group.MapPost("/{id:guid}/request", Request).RequireAuthorization(Roles.Agency)
            .RequiresHeader(IdempotencyHeader, IdempotencyKeyDescription, 100)
            .Produces<InstalmentResponse>().WithName("RequestInstalment").WithSummary("The contract's agency requests payment of a due (or rejected) instalment; needs Idempotency-Key.");
        group.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Roles.Purchaser)
            .Produces<InstalmentResponse>().WithName("ApproveInstalment").WithSummary("The purchasing unit approves within the contract amount and the appropriation; commits the money.");
        group.MapPost("/{id:guid}/release", Release).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Treasury, Roles.Purchaser).RequireClaim(ProcurementClaims.OrganisationId))
            .RequiresHeader(IdempotencyHeader, IdempotencyKeyDescription, 100)
            .Produces<InstalmentResponse>().WithName("ReleaseInstalment").WithSummary("Treasury releases an approved payment — never its approver nor its requester; needs Idempotency-Key.");
        group.MapPost("/{id:guid}/confirm-payment", Confirm).RequireAuthorization(Roles.Treasury)
            .Produces<InstalmentResponse>().WithName("ConfirmInstalmentPayment").WithSummary("Treasury confirms the bank paid a released instalment.");
        group.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Treasury, Roles.Purchaser).RequireClaim(ProcurementClaims.OrganisationId))
            .Produces<InstalmentResponse>().WithName("RejectInstalment").WithSummary("The purchaser rejects a request, or treasury an approval, with a reason.");
        group.MapPost("/{id:guid}/withholding-decision", Decide).RequireAuthorization(Roles.Purchaser)
            .Produces<InstalmentResponse>().WithName("DecideWithheldInstalment").WithSummary("The purchaser resumes a withheld instalment or keeps withholding it, with a reason.");
        return group;
    }

    private static async Task<IResult> List(Guid? contractId, string? status, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var contracts = db.VisibleContracts(http.User).AsNoTracking();
        if (contractId is { } id)
        {
            contracts = contracts.Where(c => c.ContractId == id);
        }

        var query = db.Instalments.AsNoTracking().Join(contracts, i => i.ContractId, c => c.ContractId, (i, c) => new { i, c });
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<InstalmentStatus>(status, ignoreCase: true, out var wanted))
            {
                throw new RequestValidationException(new FieldErrors().Add("status", "one_of", string.Join(", ", Enum.GetNames<InstalmentStatus>())).Errors);
            }

            query = query.Where(x => x.i.Status == wanted);
        }

        var today = clock.GetUtcNow().ShanghaiDate();
        var rows = await query.OrderBy(x => x.i.ContractId).ThenBy(x => x.i.Sequence).Take(1000).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.Select(x => InstalmentResponse.From(x.i, x.c, today)).ToArray());
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var (instalment, contract) = await FindVisibleAsync(db, http.User, id, tracked: false, http.RequestAborted);
        return TypedResults.Ok(InstalmentResponse.From(instalment, contract, clock.GetUtcNow().ShanghaiDate()));
    }

    private static Task<IResult> Request(Guid id, HttpContext http, DisbursementDb db, TimeProvider clock) =>
        IdempotentAsync(http, db, clock, $"request:{id}", async () =>
        {
            var now = clock.GetUtcNow();
            var (instalment, contract) = await FindOwnAsync(db, http.User, id, c => c.AgencyId, http.RequestAborted);
            db.Record(instalment, contract, instalment.Request(ActorOf(http.User), now), http.User.UserId(), now);
            return InstalmentResponse.From(instalment, contract, now.ShanghaiDate());
        });

    private static async Task<IResult> Approve(Guid id, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var (instalment, contract) = await FindOwnAsync(db, http.User, id, c => c.PurchasingUnitId, ct);
        var funding = await db.FundingAsync(contract, now.ShanghaiDate().Year, ct);
        var change = instalment.Approve(ActorOf(http.User), contract, funding, now);
        await SaveMoneyStepAsync(db, instalment, contract, change, http.User.UserId(), now, ct);
        return TypedResults.Ok(InstalmentResponse.From(instalment, contract, now.ShanghaiDate()));
    }

    private static Task<IResult> Release(Guid id, HttpContext http, DisbursementDb db, TimeProvider clock) =>
        IdempotentAsync(http, db, clock, $"release:{id}", async () =>
        {
            var ct = http.RequestAborted;
            var now = clock.GetUtcNow();
            var (instalment, contract) = http.User.IsInRole(Roles.Treasury)
                ? await FindVisibleAsync(db, http.User, id, tracked: true, ct)
                : await FindOwnAsync(db, http.User, id, c => c.PurchasingUnitId, ct);
            // The fiscal year of a payment is the Shanghai calendar year it is released in.
            var funding = await db.FundingAsync(contract, now.ShanghaiDate().Year, ct);
            var change = instalment.Release(ActorOf(http.User), contract, funding, now);
            await GuardAsync(db, contract, change, ct);
            db.Record(instalment, contract, change, http.User.UserId(), now);
            return InstalmentResponse.From(instalment, contract, now.ShanghaiDate());
        });

    private static async Task<IResult> Confirm(Guid id, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var (instalment, contract) = await FindVisibleAsync(db, http.User, id, tracked: true, ct);
        var change = instalment.ConfirmPaid(ActorOf(http.User), contract, now, now.ShanghaiDate());
        await SaveMoneyStepAsync(db, instalment, contract, change, http.User.UserId(), now, ct);
        return TypedResults.Ok(InstalmentResponse.From(instalment, contract, now.ShanghaiDate()));
    }

    private static async Task<IResult> Reject(Guid id, ReasonRequest request, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        new FieldErrors().Required("reason", request.Reason, MaxReason).ThrowIfAny();
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var (instalment, contract) = http.User.IsInRole(Roles.Treasury)
            ? await FindVisibleAsync(db, http.User, id, tracked: true, ct)
            : await FindOwnAsync(db, http.User, id, c => c.PurchasingUnitId, ct);
        var change = instalment.Reject(ActorOf(http.User), request.Reason!.Trim(), contract, now);
        await SaveMoneyStepAsync(db, instalment, contract, change, http.User.UserId(), now, ct);
        return TypedResults.Ok(InstalmentResponse.From(instalment, contract, now.ShanghaiDate()));
    }

    private static async Task<IResult> Decide(Guid id, WithholdingDecisionRequest request, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var errors = new FieldErrors().Required("reason", request.Reason, MaxReason);
        if (request.Decision is not ("resume" or "withhold"))
        {
            errors.Add("decision", "one_of", "resume, withhold");
        }

        errors.ThrowIfAny();
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var (instalment, contract) = await FindOwnAsync(db, http.User, id, c => c.PurchasingUnitId, ct);
        var change = instalment.DecideWithholding(request.Decision == "resume", request.Reason!.Trim(), http.User.UserId(), contract, now.ShanghaiDate());
        await SaveMoneyStepAsync(db, instalment, contract, change, http.User.UserId(), now, ct);
        return TypedResults.Ok(InstalmentResponse.From(instalment, contract, now.ShanghaiDate()));
    }

    internal static Actor ActorOf(ClaimsPrincipal user) => new(user.UserId(), user.IsInRole(Roles.Treasury));

    /// <summary>Saves a step with its ledger lines and events; a concurrent change of the instalment, contract or budget line is 409.</summary>
    private static async Task SaveMoneyStepAsync(
        DisbursementDb db, Instalment instalment, ContractAccount contract, InstalmentChange change, string actorId, DateTimeOffset now, CancellationToken ct)
    {
        await GuardAsync(db, contract, change, ct);
        db.Record(instalment, contract, change, actorId, now);
        await db.SaveOrConflictAsync(ct);
    }

    private static async Task GuardAsync(DisbursementDb db, ContractAccount contract, InstalmentChange change, CancellationToken ct)
    {
        if (change.Movements.Count > 0)
        {
            await db.GuardAsync(change.Movements, ct);
            contract.Touch();
        }
    }

    /// <summary>
    /// Runs a money step at most once per <c>Idempotency-Key</c>: the answer is saved with the step, in the same
    /// transaction; the same key again (even racing the first) gets that answer back and moves nothing. A refusal
    /// is not kept: nothing moved, so the same key may be sent again once its cause is fixed. A key is the caller's
    /// for one step of one instalment; using it for another step or by another person is refused (422).
    /// </summary>
    private static async Task<IResult> IdempotentAsync(HttpContext http, DisbursementDb db, TimeProvider clock, string operation, Func<Task<InstalmentResponse>> step)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100)
        {
            throw new RequestValidationException([new FieldError(IdempotencyHeader, DisbursementCodes.IdempotencyKeyRequired, [])]);
        }

        var ct = http.RequestAborted;
        var userId = http.User.UserId();
        if (await FindAnswerAsync(db, key, ct) is { } earlier)
        {
            return Replay(http, earlier, operation, userId);
        }

        string json;
        try
        {
            var response = await step();
            json = JsonSerializer.Serialize(response, http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
            db.IdempotencyRecords.Add(IdempotencyRecord.Answered(key, operation, userId, StatusCodes.Status200OK, json, clock.GetUtcNow()));
            await db.SaveOrConflictAsync(ct);
        }
        catch (ConflictException)
        {
            // Lost a race: to the same key (answer as it did), or to another step on the instalment (409).
            db.ChangeTracker.Clear();
            if (await FindAnswerAsync(db, key, ct) is { } winner)
            {
                return Replay(http, winner, operation, userId);
            }

            throw;
        }

        return Results.Content(json, "application/json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static Task<IdempotencyRecord?> FindAnswerAsync(DisbursementDb db, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);

    private static IResult Replay(HttpContext http, IdempotencyRecord earlier, string operation, string userId)
    {
        if (earlier.Operation != operation || earlier.UserId != userId)
        {
            throw new RuleViolationException(DisbursementCodes.IdempotencyKeyReused, IdempotencyHeader);
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Content(earlier.Response, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    private static async Task<(Instalment Instalment, ContractAccount Contract)> FindVisibleAsync(
        DisbursementDb db, ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var instalments = tracked ? db.Instalments : db.Instalments.AsNoTracking();
        var contracts = tracked ? db.VisibleContracts(user) : db.VisibleContracts(user).AsNoTracking();
        var found = await instalments.Where(i => i.Id == id)
            .Join(contracts, i => i.ContractId, c => c.ContractId, (i, c) => new { i, c })
            .FirstOrDefaultAsync(ct);
        return found is null ? throw new NotFoundException(ProblemMessages.Get("instalment"), id) : (found.i, found.c);
    }

    /// <summary>An instalment of a contract whose party (agency or purchasing unit) is the caller's organisation; others 404.</summary>
    private static async Task<(Instalment Instalment, ContractAccount Contract)> FindOwnAsync(
        DisbursementDb db, ClaimsPrincipal user, Guid id, Func<ContractAccount, Guid> party, CancellationToken ct)
    {
        var organisation = user.OrganisationId();
        var instalment = await db.Instalments.FirstOrDefaultAsync(i => i.Id == id, ct);
        var contract = instalment is null ? null : await db.Contracts.FirstOrDefaultAsync(c => c.ContractId == instalment.ContractId, ct);
        if (instalment is null || contract is null || party(contract) != organisation)
        {
            throw new NotFoundException(ProblemMessages.Get("instalment"), id);
        }

        return (instalment, contract);
    }
}
