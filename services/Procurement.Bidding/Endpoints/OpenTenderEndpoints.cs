using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// An open tender as an agency sees it: the deadline also in Asia/Shanghai wall time, the method, and the
/// requirements a bid is checked against.
/// </summary>
public sealed record OpenTenderResponse(
    Guid TenderId, Guid ProgramId, Guid PurchasingUnitId, string Title, decimal BudgetCeiling,
    DateTimeOffset BidDeadline, DateTimeOffset BidDeadlineLocal, string TimeZone, DateOnly ServiceStart, DateOnly ServiceEnd,
    string ProcurementMethod, TenderStaffing Staffing, TenderPersonnelCost? PersonnelCost, bool FixedPrice,
    IReadOnlyList<string> Eligibility, decimal? BidSecurity);

public static class OpenTenderEndpoints
{
    public static RouteGroupBuilder MapOpenTenderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bids/open-tenders").WithTags("Open tenders");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListOpenTenders").WithSummary("Tenders taking bids now, the nearest deadline first.");
        return group;
    }

    private static async Task<Ok<OpenTenderResponse[]>> List(BiddingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.OpenTenders.AsNoTracking()
            .Where(t => t.Status == OpenTenderStatus.Open && t.BidDeadline > now)
            .OrderBy(t => t.BidDeadline)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(open.Select(t => new OpenTenderResponse(
            t.TenderId, t.ProgramId, t.PurchasingUnitId, t.Title, t.BudgetCeiling, t.BidDeadline, t.BidDeadline.ToShanghai(),
            ShanghaiTime.TimeZoneId, t.ServiceStart, t.ServiceEnd,
            t.ProcurementMethod, t.Staffing, t.PersonnelCost, t.FixedPrice, t.Eligibility, t.BidSecurity)).ToArray());
    }
}
