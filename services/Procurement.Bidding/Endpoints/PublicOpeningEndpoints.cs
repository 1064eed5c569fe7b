using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>One opened bid as the public reads it: the agency, its price, and the receipt hash its agency can match.</summary>
public sealed record PublicOpeningEntry(string AgencyName, decimal Price, string ReceiptHash, int BidVersion);

/// <summary>The opening record (开标记录) as anyone reads it once the bids are opened: ordered by price, lowest first.</summary>
public sealed record PublicOpeningRecord(
    Guid TenderId, string TenderTitle, DateTimeOffset OpenedAt, DateTimeOffset OpenedAtLocal, string TimeZone, IReadOnlyList<PublicOpeningEntry> Bids);

/// <summary>
/// DOMAIN.md §11: the opening record is public from the moment bids are opened. Before that there is no record, and the
/// answer is 404, the same as for a tender that does not exist: nothing says whether, or how many, sealed bids wait.
/// The public record leaves out what only the bidders' own record has (the bids' and agencies' internal ids): the
/// names, prices and receipt hashes are what an opening read aloud discloses. The edge limits these requests as
/// anonymous traffic.
/// </summary>
public static class PublicOpeningEndpoints
{
    public static RouteGroupBuilder MapPublicOpeningEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/public/openings").WithTags("Public announcements").AllowAnonymous();
        group.MapGet("/{tenderId:guid}", Get)
            .WithName("GetPublicOpeningRecord")
            .WithSummary("A tender's opening record (开标记录) without sign-in, once its bids are opened: each bidder's name, price and receipt hash; 404 before.");
        return group;
    }

    private static async Task<Ok<PublicOpeningRecord>> Get(Guid tenderId, BiddingDb db, CancellationToken cancellationToken)
    {
        var opened = await (
                from opening in db.OpeningRecords.AsNoTracking()
                join tender in db.OpenTenders.AsNoTracking() on opening.TenderId equals tender.TenderId
                where opening.TenderId == tenderId
                select new { Record = opening, tender.Title })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(ProblemMessages.Get("opening_record"), tenderId);
        var record = opened.Record;
        return TypedResults.Ok(new PublicOpeningRecord(
            record.TenderId, opened.Title, record.OpenedAt, record.OpenedAt.ToShanghai(), ShanghaiTime.TimeZoneId,
            [.. record.Entries.Select(e => new PublicOpeningEntry(e.AgencyName, e.Price, e.ReceiptHash, e.BidVersion))]));
    }
}
