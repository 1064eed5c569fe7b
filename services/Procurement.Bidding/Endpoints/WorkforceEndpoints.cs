using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// The workforce figures a civil-affairs bureau reports on (issue 16 item 9): purchasers (finance and civil-affairs officers),
/// auditors and the platform operator read them, for a year and optionally a region.
/// </summary>
public static class WorkforceEndpoints
{
    /// <summary>The first year the figures may be asked for.</summary>
    public const int FirstYear = 2000;

    public static RouteHandlerBuilder MapWorkforceEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/agencies/workforce", Report).WithTags("Agencies")
            .RequireAuthorization(AgencyEndpoints.ReadersPolicy)
            .WithName("GetWorkforceFigures")
            .WithSummary("The social-work workforce by region (where each agency is registered: characters 3–8 of its credit code) and by "
                + "agency: active workers by certificate level, supervisors, FTE on active contracts and in open bids, and the certified "
                + "workers' training hours in ?year= (default this year, Beijing) against 120 hours each; ?region= keeps the regions whose "
                + "code starts with it (44: a province, 4403: a city, 440305: a district).");

    private static async Task<Ok<WorkforceReport>> Report(
        BiddingDb db, CommitmentTags tags, TimeProvider clock, HttpContext http, int? year = null, string? region = null)
    {
        var thisYear = clock.GetUtcNow().ShanghaiDate().Year;
        var asked = year ?? thisYear;
        if (asked < FirstYear || asked > thisYear)
        {
            throw new RuleViolationException("workforce_year_out_of_range", "year", new FieldName("year"), asked, FirstYear, thisYear);
        }

        var prefix = (region ?? "").Trim();
        var agencies = (await db.Agencies.AsNoTracking().ToListAsync(http.RequestAborted))
            .Where(a => a.UnifiedSocialCreditCode.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var ids = agencies.Select(a => a.Id).ToList();
        var workers = await db.SocialWorkers.AsNoTracking().Where(w => w.Active && ids.Contains(w.AgencyId)).ToListAsync(http.RequestAborted);
        var personOf = workers.Select(w => w.IdLookupHash).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(hash => hash, tags.Person, StringComparer.OrdinalIgnoreCase);
        var people = personOf.Values.ToList();
        var fte = (await db.StaffCommitments.AsNoTracking()
                .Where(c => people.Contains(c.Person))
                .Select(c => new { c.Person, c.Kind, c.Fte })
                .ToListAsync(http.RequestAborted))
            .ToLookup(c => c.Person);
        var facts = workers.Select(w =>
        {
            var rows = fte[personOf[w.IdLookupHash]].ToList();
            return new WorkerFacts(
                w.AgencyId, w.CertificateLevel, w.IsSupervisor, w.TrainingHoursIn(asked),
                rows.Where(r => r.Kind == CommitmentKind.ActiveContract).Sum(r => r.Fte),
                rows.Where(r => r.Kind == CommitmentKind.OpenBid).Sum(r => r.Fte));
        });
        return TypedResults.Ok(WorkforceFigures.Of(asked, agencies, facts));
    }
}
