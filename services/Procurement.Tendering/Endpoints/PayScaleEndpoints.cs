using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>
/// A kept pay scale: its region (empty: every region without its own), its year, each post's monthly pay by grade
/// (<c>content</c>), the pay floor a tender under it holds each post to (<c>floors</c>: the lowest grade), why, and who
/// recorded it when.
/// </summary>
public sealed record PayScaleResponse(
    Guid Id, string Region, int Year, PayScaleContent Content, IReadOnlyList<PayFloor> Floors, string? Note, Guid RecordedBy, DateTimeOffset RecordedAt)
{
    public static PayScaleResponse From(PayScale scale) => new(
        scale.Id, scale.Region, scale.Year, scale.Content, scale.Floors, scale.Note, scale.RecordedBy, scale.RecordedAt);
}

/// <summary>
/// A new pay scale: <c>region</c> (left out or empty: every region without its own), <c>year</c> (this year or up to five
/// on), <c>posts</c> (each of the four posts once, with the monthly pay of its three grades, lowest first) and a note saying
/// why. Missing parts are 400; numbers that break a rule are 422, each named by its field.
/// </summary>
public sealed record PayScaleRequest(string? Region, int? Year, IReadOnlyList<PayScalePost>? Posts, string? Note)
{
    public PayScaleContent Validate()
    {
        var errors = new FieldErrors().Required("year", Year);
        if (Posts is null)
        {
            errors.Add("posts", "required");
        }

        errors.ThrowIfAny();
        return new PayScaleContent(Posts!);
    }
}

/// <summary>
/// The pay scales as data (DOMAIN.md §12, 四岗十二档, "per region and year"): anyone signed in reads the scale in force for a
/// region and year (the tender wizard shows its floors); the administrator keeps the scales, each change a new one with who,
/// when and why; auditors read them all. A tender serving from a year in a region takes its pay floors from the scale in force.
/// </summary>
public static class PayScaleEndpoints
{
    public static RouteGroupBuilder MapPayScaleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders/pay-scales").WithTags("Pay scales");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetPayScale")
            .WithSummary("The pay scale in force for ?region= (default: every region) in ?year= (default: this year, Beijing): each post's "
                + "monthly pay by grade and the pay floors a tender under it holds; 404 when none was kept.");
        group.MapGet("/all", List)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer").RequireRole(Roles.Admin, Roles.Auditor))
            .WithName("ListPayScales")
            .WithSummary("Every pay scale the administrators kept, newest first, with who recorded it, when and why (admin, auditor).");
        group.MapPost("/", Add).RequireAuthorization(Roles.Admin)
            .WithName("AddPayScale")
            .WithSummary("The administrator sets a region's (or every region's) pay scale for a year, this year or later; tenders "
                + "serving from that year in that region take their pay floors from it when drafted and when published.");
        return group;
    }

    private static async Task<Ok<PayScaleResponse>> Get(
        PayScaleBook book, TimeProvider clock, HttpContext http, string? region = null, int? year = null)
    {
        var asked = year ?? clock.GetUtcNow().ShanghaiDate().Year;
        var scale = await book.InForceAsync(region, asked, http.RequestAborted)
            ?? throw new NotFoundException("pay scale", $"{(string.IsNullOrWhiteSpace(region) ? "*" : region.Trim())} {asked}");
        return TypedResults.Ok(PayScaleResponse.From(scale));
    }

    private static async Task<Ok<PayScaleResponse[]>> List(TenderingDb db, HttpContext http)
    {
        var scales = await db.PayScales.AsNoTracking().ToListAsync(http.RequestAborted);
        return TypedResults.Ok(scales.OrderByDescending(s => s.RecordedAt).Select(PayScaleResponse.From).ToArray());
    }

    private static async Task<Created<PayScaleResponse>> Add(PayScaleRequest request, TenderingDb db, TimeProvider clock, HttpContext http)
    {
        var content = request.Validate();
        var recordedBy = Guid.TryParse(http.User.UserId(), out var user) ? user : Guid.Empty;
        var scale = PayScale.Record(request.Region, request.Year!.Value, content, request.Note, recordedBy, clock.GetUtcNow());
        db.PayScales.Add(scale);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/pay-scales/all#{scale.Id}", PayScaleResponse.From(scale));
    }
}
