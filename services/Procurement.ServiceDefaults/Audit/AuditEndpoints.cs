using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Audit;

/// <summary>An audit entry as the auditor reads it.</summary>
public sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, string ActorId, string ActorRole, Guid? ActorOrganisationId, string What, string Reason,
    string Changes, string Suite, string PreviousHash, string Hash);

/// <summary>A page of a chain's entries, oldest first.</summary>
public sealed record AuditEntryPage(string Service, IReadOnlyList<AuditEntryView> Items, long? NextAfter);

public static class AuditEndpoints
{
    public const int MaxTake = 200;

    /// <summary>
    /// For auditors: <c>GET /api/audit/chains</c> (every chain this host keeps, re-computed), <c>GET /api/audit/chains/{service}</c>
    /// (one service's chains) and <c>GET /api/audit/chains/{service}/entries</c> (its state changes, a page at a time). The
    /// service is in the path so that the gateway routes each to its own service, and the embedded host answers for all.
    /// </summary>
    public static RouteGroupBuilder? MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (!routes.ServiceProvider.GetServices<IAuditChain>().Any())
        {
            return null;
        }

        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)> { ["audit_chain"] = ("Audit chain", "审计链") });
        var group = routes.MapGroup("/api/audit/chains").WithTags("Audit").RequireAuthorization(Roles.Auditor);
        group.MapGet("/", All)
            .WithName("VerifyAuditChains").WithSummary("Re-computes every hash chain this host keeps and names each one's first broken link.");
        group.MapGet("/{service}", OfService)
            .WithName("VerifyServiceAuditChains").WithSummary("Re-computes one service's hash chains (its state changes, and Bidding's reads of unsealed bids).");
        group.MapGet("/{service}/entries", Entries)
            .WithName("ListAuditEntries").WithSummary("A service's audit entries in chain order: who, role, organisation, when, what, before → after, why.");
        return group;
    }

    private static async Task<Ok<AuditChainReport[]>> All([FromServices] IEnumerable<IAuditChain> chains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VerifyAsync(chains.OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal), cancellationToken));

    private static async Task<Ok<AuditChainReport[]>> OfService(string service, [FromServices] IEnumerable<IAuditChain> chains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VerifyAsync(Of(service, chains), cancellationToken));

    /// <summary>Re-computes the chains one after the other (each reads its whole table; together they would compete for it).</summary>
    private static async Task<AuditChainReport[]> VerifyAsync(IEnumerable<IAuditChain> chains, CancellationToken cancellationToken)
    {
        var reports = new List<AuditChainReport>();
        foreach (var chain in chains)
        {
            reports.Add(await chain.VerifyAsync(cancellationToken));
        }

        return [.. reports];
    }

    private static async Task<Ok<AuditEntryPage>> Entries(
        string service, [FromServices] IEnumerable<IAuditChain> chains, long? after, int? take, CancellationToken cancellationToken)
    {
        var chain = Of(service, chains).OfType<IAuditEntrySource>().FirstOrDefault()
            ?? throw new NotFoundException(ProblemMessages.Get("audit_chain"), service);
        var size = Math.Clamp(take ?? 50, 1, MaxTake);
        var items = await chain.ReadAsync(after ?? 0, size, cancellationToken);
        return TypedResults.Ok(new AuditEntryPage(chain.Service, items, items.Count == size ? items[^1].Sequence : null));
    }

    private static List<IAuditChain> Of(string service, IEnumerable<IAuditChain> chains)
    {
        var found = chains.Where(c => string.Equals(c.Service, service, StringComparison.Ordinal))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        return found.Count > 0 ? found : throw new NotFoundException(ProblemMessages.Get("audit_chain"), service);
    }
}

/// <summary>A chain whose entries can be read a page at a time.</summary>
public interface IAuditEntrySource : IAuditChain
{
    /// <summary>The linked entries after <paramref name="after"/>, at most <paramref name="take"/>, in chain order.</summary>
    Task<IReadOnlyList<AuditEntryView>> ReadAsync(long after, int take, CancellationToken cancellationToken);
}
