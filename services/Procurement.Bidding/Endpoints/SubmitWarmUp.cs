using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// Runs the reads of a bid submission once, just after the host starts, so that the first bids of a deadline rush do not
/// pay for compiling them (issue 17, item 4): EF Core's queries of the tender, of the bidder with its roster and of the
/// register and their materializers, the sealing's cipher, and the request's and receipt's JSON contracts. It reads
/// nothing that exists (the empty id) and writes nothing. A failure is logged and leaves the host as it is: the
/// first real submission then compiles the same code.
/// </summary>
internal sealed class SubmitWarmUp(
    IServiceScopeFactory scopes, IOptions<JsonOptions> json, TimeProvider clock, ILogger<SubmitWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await BidEndpoints.WarmUpAsync(
                services.GetRequiredService<BiddingDb>(), services.GetRequiredService<TenderCache>(), services.GetRequiredService<BidSealer>(),
                services.GetRequiredService<CommitmentTags>(), json.Value.SerializerOptions, clock, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Warming up the bid submission failed; the first bids compile it instead");
        }
    }
}
