using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Data;
using Procurement.Tendering.Endpoints;

namespace Procurement.Tendering.Disclosure;

/// <summary>One service's chain head in a published daily root.</summary>
public sealed record PublicAuditHead(string Service, long Sequence, string Hash, string Suite, DateTimeOffset ClosedAt);

/// <summary>
/// A day's root of every service's audit chain, with the heads it was computed from: Root = the hex of the hash (suite
/// <see cref="Suite"/>) of the UTF-8 text <see cref="Canonical"/>, one line "service|sequence|hash|suite\n" per service in
/// ordinal order of the names.
/// </summary>
public sealed record PublicAuditRoot(DateOnly Date, string Root, string Suite, DateTimeOffset ComputedAt, string Canonical, IReadOnlyList<PublicAuditHead> Heads);

public static class PublicAuditRootEndpoints
{
    public static RouteGroupBuilder MapPublicAuditRootEndpoints(this IEndpointRouteBuilder routes)
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)> { ["audit_root"] = ("Daily audit root", "审计链每日根哈希") });
        var group = routes.MapGroup("/api/public/audit-roots").WithTags("Public announcements").AllowAnonymous();
        group.MapGet("/", List)
            .WithName("ListPublicAuditRoots")
            .WithSummary("The daily roots of every service's audit hash chain, newest first, without sign-in: ?from= and ?to= (days, inclusive), "
                + "?page= (from 1) and ?pageSize= (at most 100). Keep one: a history rewritten later no longer reaches the heads it holds.");
        group.MapGet("/{date}", Get)
            .WithName("GetPublicAuditRoot")
            .WithSummary("A day's root with the chain head of every service it was computed from; 404 until every service has closed the day.");
        return group;
    }

    private static async Task<Ok<PublicPage<PublicAuditRoot>>> List(
        TenderingDb db, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = PublicTenderEndpoints.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        PublicPaging.Ensure(page, pageSize, from, to);
        var query = db.AuditDailyRoots.AsNoTracking();
        if (from is { } start)
        {
            query = query.Where(r => r.Date >= start);
        }

        if (to is { } end)
        {
            query = query.Where(r => r.Date <= end);
        }

        var total = await query.CountAsync(cancellationToken);
        var roots = await query.OrderByDescending(r => r.Date).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var dates = roots.Select(r => r.Date).ToList();
        var heads = await db.AuditChainHeads.AsNoTracking().Where(h => dates.Contains(h.Date)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PublicPage<PublicAuditRoot>(
            [.. roots.Select(r => View(r, heads.Where(h => h.Date == r.Date)))], page, pageSize, total));
    }

    private static async Task<Ok<PublicAuditRoot>> Get(DateOnly date, TenderingDb db, CancellationToken cancellationToken)
    {
        var root = await db.AuditDailyRoots.AsNoTracking().SingleOrDefaultAsync(r => r.Date == date, cancellationToken)
            ?? throw new NotFoundException(ProblemMessages.Get("audit_root"), date);
        var heads = await db.AuditChainHeads.AsNoTracking().Where(h => h.Date == date).ToListAsync(cancellationToken);
        return TypedResults.Ok(View(root, heads));
    }

    /// <summary>The root with the heads it holds (a service that announced the day after its root was made is not among them).</summary>
    private static PublicAuditRoot View(AuditDailyRoot root, IEnumerable<AuditChainHead> heads)
    {
        var held = heads.Where(h => h.ClosedAt <= root.ComputedAt).OrderBy(h => h.Service, StringComparer.Ordinal).ToList();
        return new PublicAuditRoot(
            root.Date, root.Root, root.Suite, root.ComputedAt, AuditRoots.Canonical(held),
            [.. held.Select(h => new PublicAuditHead(h.Service, h.Sequence, h.Hash, h.Suite, h.ClosedAt))]);
    }
}
