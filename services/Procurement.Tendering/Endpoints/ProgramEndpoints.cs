using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

public sealed record CreateProgramRequest(string? Name, string? Region, ServiceDomain? ServiceDomain, DateOnly? ActiveFrom, DateOnly? ActiveUntil)
{
    public void Validate() => new FieldErrors()
        .Required("name", Name)
        .Required("region", Region)
        .Required("serviceDomain", ServiceDomain.HasValue ? "set" : null)
        .Required("activeFrom", ActiveFrom)
        .ThrowIfAny();
}

/// <summary>An edit of a program, with the <c>version</c> last read (409 if someone saved first).</summary>
public sealed record EditProgramRequest(string? Name, string? Region, ServiceDomain? ServiceDomain, DateOnly? ActiveFrom, DateOnly? ActiveUntil, int? Version)
{
    public void Validate() => new FieldErrors()
        .Required("name", Name)
        .Required("region", Region)
        .Required("serviceDomain", ServiceDomain.HasValue ? "set" : null)
        .Required("activeFrom", ActiveFrom)
        .Required("version", Version.HasValue ? "set" : null)
        .ThrowIfAny();
}

/// <summary>One tender in a program's chain.</summary>
public sealed record ChainTender(
    Guid Id, string Title, TenderStatus Status, ProcurementMethod? ProcurementMethod, DateOnly ServiceStart, DateOnly ServiceEnd,
    DateTimeOffset BidDeadline, DateTimeOffset? PublishedAt, int AmendmentCount);

/// <summary>
/// A program's chain (DOMAIN.md §2): its tenders in order of service period, each with its status.
/// Only tenders for now: the contracts each tender leads to join the chain once Contracting publishes
/// them (a later step); the <c>contracts</c> list is empty until then.
/// </summary>
public sealed record ProgramChainResponse(ProgramResponse Program, IReadOnlyList<ChainTender> Tenders, IReadOnlyList<object> Contracts);

public sealed record ProgramResponse(
    Guid Id, Guid PurchasingUnitId, string Name, string Region, ServiceDomain ServiceDomain, DateOnly ActiveFrom, DateOnly? ActiveUntil,
    DateTimeOffset CreatedAt, int Version)
{
    public static ProgramResponse From(ServiceProgram p) =>
        new(p.Id, p.PurchasingUnitId, p.Name, p.Region, p.ServiceDomain, p.ActiveFrom, p.ActiveUntil, p.CreatedAt, p.Version);
}

public static class ProgramEndpoints
{
    public static RouteGroupBuilder MapProgramEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/programs").WithTags("Service programs");

        group.MapPost("/", Create).RequireAuthorization(Roles.Purchaser)
            .WithName("CreateProgram").WithSummary("A purchaser defines a service program (服务项目).");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListPrograms").WithSummary("The programs of the caller's purchasing unit; all of them for auditors and treasury officers.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetProgram");
        group.MapPut("/{id:guid}", Edit).RequireAuthorization(Roles.Purchaser)
            .WithName("EditProgram").WithSummary("A purchaser edits their program, sending the version they last read; the span must keep every tender's service period.");
        group.MapGet("/{id:guid}/chain", Chain).RequireAuthorization(Policies.AnyUser)
            .WithName("GetProgramChain")
            .WithSummary("The program's tenders in order with their status; contracts join the chain later (empty for now).");
        return group;
    }

    private static async Task<Created<ProgramResponse>> Create(CreateProgramRequest request, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        request.Validate();
        var program = ServiceProgram.Create(
            http.User.OrganisationId(), request.Name!, request.Region!, request.ServiceDomain!.Value, request.ActiveFrom!.Value,
            request.ActiveUntil, clock.GetUtcNow());
        db.Programs.Add(program);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/programs/{program.Id}", ProgramResponse.From(program));
    }

    private static async Task<Ok<ProgramResponse[]>> List(HttpContext http, TenderingDb db)
    {
        var query = db.Programs.AsNoTracking();
        if (!ReadsEveryUnit(http.User))
        {
            var organisation = http.User.OrganisationId();
            query = query.Where(p => p.PurchasingUnitId == organisation);
        }

        var programs = await query.OrderBy(p => p.Name).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(programs.Select(ProgramResponse.From).ToArray());
    }

    private static async Task<Ok<ProgramResponse>> Edit(Guid id, EditProgramRequest request, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        request.Validate();
        var program = await db.FindVisibleProgramAsync(id, http.User, http.RequestAborted);
        if (program.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        if (request.Version != program.Version)
        {
            throw new ConflictException("concurrency");
        }

        var periods = await db.Tenders.AsNoTracking()
            .Where(t => t.ProgramId == id && t.Status != TenderStatus.Cancelled)
            .Select(t => new { t.ServiceStart, t.ServiceEnd })
            .ToListAsync(http.RequestAborted);
        program.Revise(request.Name!, request.Region!, request.ServiceDomain!.Value, request.ActiveFrom!.Value, request.ActiveUntil,
            periods.Select(p => (p.ServiceStart, p.ServiceEnd)).ToList(), clock.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(ProgramResponse.From(program));
    }

    private static async Task<Ok<ProgramChainResponse>> Chain(Guid id, HttpContext http, TenderingDb db)
    {
        var program = await db.FindVisibleProgramAsync(id, http.User, http.RequestAborted);
        var tenders = await db.Tenders.AsNoTracking().Where(t => t.ProgramId == id).ToListAsync(http.RequestAborted);
        var chain = tenders
            .OrderBy(t => t.ServiceStart).ThenBy(t => t.CreatedAt)
            .Select(t => new ChainTender(t.Id, t.Title, t.Status, t.Method, t.ServiceStart, t.ServiceEnd, t.BidDeadline, t.PublishedAt, t.AmendmentCount))
            .ToArray();
        return TypedResults.Ok(new ProgramChainResponse(ProgramResponse.From(program), chain, []));
    }

    private static async Task<Ok<ProgramResponse>> Get(Guid id, HttpContext http, TenderingDb db) =>
        TypedResults.Ok(ProgramResponse.From(await db.FindVisibleProgramAsync(id, http.User, http.RequestAborted)));

    /// <summary>A program the caller may see: their own unit's, or any for an auditor; otherwise 404.</summary>
    /// <summary>
    /// Who reads every purchasing unit's programs: the auditor, and the treasury officer, who pays their instalments and
    /// names them in its lists. Everyone else reads their own unit's.
    /// </summary>
    private static bool ReadsEveryUnit(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Treasury);

    internal static async Task<ServiceProgram> FindVisibleProgramAsync(this TenderingDb db, Guid id, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null || (!ReadsEveryUnit(user) && program.PurchasingUnitId != user.OrganisationId()))
        {
            throw new NotFoundException(ProblemMessages.Get("program"), id);
        }

        return program;
    }
}
