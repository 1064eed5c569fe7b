using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// An open tender as an agency sees it: what it is about (the service description, the program's region and service
/// domain — each null for a tender published before the platform carried it), the deadline also in Asia/Shanghai wall
/// time, the method, and the requirements a bid is checked against.
/// </summary>
public sealed record OpenTenderResponse(
    Guid TenderId, Guid ProgramId, Guid PurchasingUnitId, string Title, string? ServiceDescription, string? Region, string? ServiceDomain,
    decimal BudgetCeiling,
    DateTimeOffset BidDeadline, DateTimeOffset BidDeadlineLocal, string TimeZone, DateOnly ServiceStart, DateOnly ServiceEnd,
    string ProcurementMethod, TenderStaffing Staffing, TenderPersonnelCost? PersonnelCost, bool FixedPrice,
    IReadOnlyList<string> Eligibility, decimal? BidSecurity);

public static class OpenTenderEndpoints
{
    public static RouteGroupBuilder MapOpenTenderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bids/open-tenders").WithTags("Open tenders");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListOpenTenders")
            .WithSummary("Tenders taking bids now, the nearest deadline first; optionally only those of ?region= or ?serviceDomain= "
                + "(exact), or whose title or service description contains ?q=.");
        return group;
    }

    private static async Task<Ok<OpenTenderResponse[]>> List(
        BiddingDb db, TimeProvider clock, CancellationToken cancellationToken, string? region = null, string? serviceDomain = null, string? q = null)
    {
        var now = clock.GetUtcNow();
        var query = db.OpenTenders.AsNoTracking().Where(t => t.Status == OpenTenderStatus.Open && t.BidDeadline > now);
        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            query = query.Where(t => t.Region == wanted);
        }

        if (!string.IsNullOrWhiteSpace(serviceDomain))
        {
            var wanted = serviceDomain.Trim();
            query = query.Where(t => t.ServiceDomain == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(t => t.Title.Contains(text) || (t.ServiceDescription != null && t.ServiceDescription.Contains(text)));
        }

        var open = await query.OrderBy(t => t.BidDeadline).ToListAsync(cancellationToken);
        return TypedResults.Ok(open.Select(t => new OpenTenderResponse(
            t.TenderId, t.ProgramId, t.PurchasingUnitId, t.Title, t.ServiceDescription, t.Region, t.ServiceDomain,
            t.BudgetCeiling, t.BidDeadline, t.BidDeadline.ToShanghai(),
            ShanghaiTime.TimeZoneId, t.ServiceStart, t.ServiceEnd,
            t.ProcurementMethod, t.Staffing, t.PersonnelCost, t.FixedPrice, t.Eligibility, t.BidSecurity)).ToArray());
    }
}
