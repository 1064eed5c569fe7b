using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

public static class TenderEndpoints
{
    public static RouteGroupBuilder MapTenderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders").WithTags("Tenders");

        group.MapPost("/", Create).RequireAuthorization(Roles.Purchaser)
            .WithName("CreateTender").WithSummary("A purchaser drafts a tender for one of their programs.");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListTenders")
            .WithSummary("The tenders of the caller's purchasing unit (all of them for auditors), newest first; optionally only those of "
                + "?programId=, in ?status=, or drafted for the renewal of ?successorOfContractId=.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetTender").WithSummary("A tender: any signed-in user reads it once published (the announcement agencies bid on); a draft only its own unit and auditors.");
        group.MapPut("/{id:guid}", Edit).RequireAuthorization(Roles.Purchaser)
            .WithName("EditTender").WithSummary("A purchaser edits their draft, sending the version they last read; 409 once published or if someone saved first.");
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Roles.Purchaser)
            .WithName("PublishTender").WithSummary("Opens the tender for sealed bids; Bidding learns of it by TenderPublished.");
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Roles.Purchaser)
            .WithName("CancelTender").WithSummary("Cancels the tender before award, with a reason; Bidding learns of it by TenderCancelled.");
        return group;
    }

    private static async Task<Created<TenderResponse>> Create(
        TenderRequest request, HttpContext http, TenderingDb db, TimeProvider clock, MethodRuleBook book, PayScaleBook payScales)
    {
        var now = clock.GetUtcNow();
        request.Validate(now);
        var program = await db.FindVisibleProgramAsync(request.ProgramId!.Value, http.User, http.RequestAborted);
        if (program.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        var rules = await book.InForceAsync(program.Region, now, http.RequestAborted);
        var tender = Tender.Draft(program, request.Title!, request.BudgetCeiling!.Value, request.BidDeadline!.Value,
            request.ServiceStart!.Value, request.ServiceEnd!.Value, request.ToContent(rules), rules, now);
        await payScales.HoldToScaleAsync(tender, program, http.RequestAborted);
        db.Tenders.Add(tender);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/{tender.Id}", TenderResponse.From(tender));
    }

    private static async Task<Ok<TenderResponse[]>> List(
        HttpContext http, TenderingDb db, Guid? programId = null, TenderStatus? status = null, Guid? successorOfContractId = null)
    {
        var query = db.Tenders.AsNoTracking();
        if (!http.User.IsInRole(Roles.Auditor))
        {
            var organisation = http.User.OrganisationId();
            query = query.Where(t => t.PurchasingUnitId == organisation);
        }

        if (programId is { } program)
        {
            query = query.Where(t => t.ProgramId == program);
        }

        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }

        if (successorOfContractId is { } contract)
        {
            query = query.Where(t => t.SuccessorOfContractId == contract);
        }

        var tenders = await query.OrderByDescending(t => t.CreatedAt).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(tenders.Select(TenderResponse.From).ToArray());
    }

    /// <summary>A published tender is read by anyone signed in (agencies read what they bid on); a draft only by its unit and auditors.</summary>
    private static async Task<Ok<TenderResponse>> Get(Guid id, HttpContext http, TenderingDb db) =>
        TypedResults.Ok(TenderResponse.From(await db.FindPublicTenderAsync(id, http)));

    private static async Task<Ok<TenderResponse>> Edit(
        Guid id, TenderRequest request, HttpContext http, TenderingDb db, TimeProvider clock, MethodRuleBook book, PayScaleBook payScales)
    {
        var now = clock.GetUtcNow();
        request.Validate(now, editing: true);
        var tender = await FindOwnAsync(db, id, http);
        if (tender.Status != TenderStatus.Draft)
        {
            throw new ConflictException("tender_not_editable", tender.Status);
        }

        if (request.Version != tender.Version)
        {
            throw new ConflictException("concurrency");
        }

        var program = await db.FindVisibleProgramAsync(request.ProgramId!.Value, http.User, http.RequestAborted);
        var rules = await book.InForceAsync(program.Region, now, http.RequestAborted);
        tender.Revise(program, request.Title!, request.BudgetCeiling!.Value, request.BidDeadline!.Value,
            request.ServiceStart!.Value, request.ServiceEnd!.Value, request.ToContent(rules), rules);
        await payScales.HoldToScaleAsync(tender, program, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(TenderResponse.From(tender));
    }

    /// <summary>
    /// Publishes under the rule table in force for the program's region today, which the tender then keeps, with its pay floors
    /// under the pay scale for the region and the service year.
    /// </summary>
    private static async Task<Ok<TenderResponse>> Publish(
        Guid id, HttpContext http, TenderingDb db, TimeProvider clock, MethodRuleBook book, PayScaleBook payScales)
    {
        var now = clock.GetUtcNow();
        var tender = await FindOwnAsync(db, id, http);
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == tender.ProgramId, http.RequestAborted);
        var rules = await book.InForceAsync(program.Region, now, http.RequestAborted);
        await payScales.HoldToScaleAsync(tender, program, http.RequestAborted);
        tender.Publish(now, rules, program);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(TenderResponse.From(tender));
    }

    private static async Task<Ok<TenderResponse>> Cancel(Guid id, CancelTenderRequest request, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        request.Validate();
        var tender = await FindOwnAsync(db, id, http);
        tender.Cancel(request.Reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(TenderResponse.From(tender));
    }

    /// <summary>A tender the caller may change: visible to them (else 404) and their own unit's (else 403, e.g. an auditor).</summary>
    private static async Task<Tender> FindOwnAsync(TenderingDb db, Guid id, HttpContext http)
    {
        var tender = await FindVisibleAsync(db, id, http);
        if (tender.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        return tender;
    }

    private static async Task<Tender> FindVisibleAsync(TenderingDb db, Guid id, HttpContext http)
    {
        var tender = await db.Tenders.FirstOrDefaultAsync(t => t.Id == id, http.RequestAborted);
        if (tender is null || (!http.User.IsInRole(Roles.Auditor) && tender.PurchasingUnitId != http.User.OrganisationId()))
        {
            throw new NotFoundException(ProblemMessages.Get("tender"), id);
        }

        return tender;
    }
}
