using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Endpoints;

public sealed record CreateTenderRequest(
    Guid? ProgramId, string? Title, decimal? BudgetCeiling, DateTimeOffset? BidDeadline, DateOnly? ServiceStart, DateOnly? ServiceEnd)
{
    public void Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Required("programId", ProgramId)
            .Required("title", Title)
            .Money("budgetCeiling", BudgetCeiling)
            .Required("bidDeadline", BidDeadline)
            .Required("serviceStart", ServiceStart)
            .Required("serviceEnd", ServiceEnd);
        if (BidDeadline is { } deadline && deadline <= now)
        {
            errors.Add("bidDeadline", "in_future");
        }

        if (ServiceStart is { } start && ServiceEnd is { } end && end < start)
        {
            errors.Add("serviceEnd", "not_before", "serviceStart");
        }

        errors.ThrowIfAny();
    }
}

/// <summary>A tender as the portal shows it: the deadline in UTC and in Asia/Shanghai wall time.</summary>
public sealed record TenderResponse(
    Guid Id, Guid ProgramId, Guid PurchasingUnitId, string Title, decimal BudgetCeiling,
    DateTimeOffset BidDeadline, DateTimeOffset BidDeadlineLocal, string TimeZone,
    DateOnly ServiceStart, DateOnly ServiceEnd, TenderStatus Status, DateTimeOffset? PublishedAt, int Version)
{
    public static TenderResponse From(Tender t) => new(
        t.Id, t.ProgramId, t.PurchasingUnitId, t.Title, t.BudgetCeiling, t.BidDeadline, t.BidDeadline.ToShanghai(), ShanghaiTime.TimeZoneId,
        t.ServiceStart, t.ServiceEnd, t.Status, t.PublishedAt, t.Version);
}

public static class TenderEndpoints
{
    public static RouteGroupBuilder MapTenderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders").WithTags("Tenders");

        group.MapPost("/", Create).RequireAuthorization(Roles.Purchaser)
            .WithName("CreateTender").WithSummary("A purchaser drafts a tender for one of their programs.");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListTenders").WithSummary("The tenders of the caller's purchasing unit; all of them for auditors.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser).WithName("GetTender");
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Roles.Purchaser)
            .WithName("PublishTender").WithSummary("Opens the tender for sealed bids; Bidding learns of it by TenderPublished.");
        return group;
    }

    private static async Task<Created<TenderResponse>> Create(CreateTenderRequest request, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        request.Validate(now);
        var program = await db.FindVisibleProgramAsync(request.ProgramId!.Value, http.User, http.RequestAborted);
        if (program.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        var tender = Tender.Draft(program, request.Title!, request.BudgetCeiling!.Value, request.BidDeadline!.Value,
            request.ServiceStart!.Value, request.ServiceEnd!.Value, now);
        db.Tenders.Add(tender);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/{tender.Id}", TenderResponse.From(tender));
    }

    private static async Task<Ok<TenderResponse[]>> List(HttpContext http, TenderingDb db)
    {
        var query = db.Tenders.AsNoTracking();
        if (!http.User.IsInRole(Roles.Auditor))
        {
            var organisation = http.User.OrganisationId();
            query = query.Where(t => t.PurchasingUnitId == organisation);
        }

        var tenders = await query.OrderByDescending(t => t.CreatedAt).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(tenders.Select(TenderResponse.From).ToArray());
    }

    private static async Task<Ok<TenderResponse>> Get(Guid id, HttpContext http, TenderingDb db) =>
        TypedResults.Ok(TenderResponse.From(await FindVisibleAsync(db, id, http)));

    private static async Task<Ok<TenderResponse>> Publish(Guid id, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        var tender = await FindVisibleAsync(db, id, http);
        if (tender.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        tender.Publish(clock.GetUtcNow());
        db.Raise(new TenderPublished(
            tender.Id, tender.ProgramId, tender.PurchasingUnitId, tender.Title, tender.BudgetCeiling, tender.BidDeadline,
            tender.ServiceStart, tender.ServiceEnd, tender.PublishedAt!.Value));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(TenderResponse.From(tender));
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
