namespace Procurement.Portal.Client;

/// <summary>The open tenders without a filter (<c>GET /api/bids/open-tenders</c> with no <c>region</c>, <c>serviceDomain</c> or <c>q</c>).</summary>
public static class OpenTendersClientExtensions
{
    public static Task<ICollection<OpenTenderResponse>> ListOpenTendersAsync(this IOpenTendersClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ListOpenTendersAsync(null, null, null, cancellationToken);
    }
}
