using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Endpoints;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// At start the host runs the reads and the cryptography of a bid submission once, on nothing, so a deadline rush's
/// first bids do not compile them: it must run against the real database and leave no trace in it.
/// </summary>
public sealed class The_submit_warm_up : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void Runs_when_the_host_starts()
    {
        _bed.Api.Host.Services.GetServices<IHostedService>().OfType<SubmitWarmUp>().Should().ContainSingle();
    }

    [Fact]
    public async Task Reads_and_seals_without_writing_anything_or_caching_a_tender()
    {
        var services = _bed.Api.Host.Services;
        var cache = new TenderCache();
        var before = await CountsAsync();

        await using (var scope = services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider;
            await BidEndpoints.WarmUpAsync(
                provider.GetRequiredService<BiddingDb>(), cache, provider.GetRequiredService<BidSealer>(), provider.GetRequiredService<CommitmentTags>(),
                provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, TimeProvider.System, CancellationToken.None);
        }

        (await CountsAsync()).Should().Equal(before, "the warm-up writes nothing");
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
            var (tender, key) = await cache.ReadAsync(db, Guid.Empty, CancellationToken.None);
            tender.Should().BeNull("the warm-up read a tender that does not exist");
            key.Should().BeNull();
        }
    }

    private async Task<int[]> CountsAsync()
    {
        using var scope = _bed.Api.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        return
        [
            await db.Bids.CountAsync(), await db.StaffCommitments.CountAsync(), await db.TenderDataKeys.CountAsync(),
            await db.OpenTenders.CountAsync(), await db.UnsealAudit.CountAsync(), await db.OutboxMessages.CountAsync(),
        ];
    }
}
