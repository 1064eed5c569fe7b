using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// The submission reads the tender and its data key from <see cref="TenderCache"/>: a change this process commits is
/// seen by the very next bid; a change another process commits on the same database within
/// <see cref="TenderCache.Freshness"/>.
/// </summary>
public sealed class The_tender_cache : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_cancellation_consumed_here_refuses_the_very_next_bid()
    {
        var b = await OneBidMadeAndAnotherAgencyReadyAsync();

        await _bed.SendAsync(new TenderCancelled(_bed.Tender.TenderId, "Programme merged into another", BiddingApi.Now));

        (await _bed.SubmitAsync(b, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the cancellation dropped the cached tender");
    }

    [Fact]
    public async Task A_change_another_process_commits_is_seen_once_the_entry_is_no_longer_fresh()
    {
        var b = await OneBidMadeAndAnotherAgencyReadyAsync();

        // Another replica of Bidding cancels the tender in the shared database: this process hears nothing of it.
        await using (var other = new SqliteConnection(Path.Combine("Data Source=" + _bed.Api.Settings.DataDirectory, "bidding.db")))
        {
            await other.OpenAsync();
            await using var cancel = other.CreateCommand();
            cancel.CommandText = "UPDATE OpenTenders SET Status = 'Cancelled' WHERE TenderId = $id";
            cancel.Parameters.AddWithValue("$id", _bed.Tender.TenderId.ToString().ToUpperInvariant());
            (await cancel.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await Task.Delay(TenderCache.Freshness + TimeSpan.FromMilliseconds(100));
        (await _bed.SubmitAsync(b, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the entry was read again");
    }

    /// <summary>Agency A bids (the tender is now cached); agency B, ready to bid, is answered.</summary>
    private async Task<Bidder> OneBidMadeAndAnotherAgencyReadyAsync()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        var b = await _bed.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        (await _bed.SubmitAsync(a, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Created, "the tender is now in the cache");
        return b;
    }

    [Fact]
    public async Task An_entry_is_kept_until_a_save_that_changed_its_tender_is_forgotten()
    {
        var cache = new TenderCache();
        using var scope = _bed.Api.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var tenderId = _bed.Tender.TenderId;

        var (first, key) = await cache.ReadAsync(db, tenderId, CancellationToken.None);
        first!.TenderId.Should().Be(tenderId);
        key.Should().NotBeNull("the publication made the tender's data key");
        (await cache.ReadAsync(db, tenderId, CancellationToken.None)).Tender.Should().BeSameAs(first, "the entry is kept");

        cache.Forget([Guid.NewGuid()]);
        (await cache.ReadAsync(db, tenderId, CancellationToken.None)).Tender.Should().BeSameAs(first, "another tender changed");

        cache.Forget([tenderId]);
        var (reread, _) = await cache.ReadAsync(db, tenderId, CancellationToken.None);
        reread.Should().NotBeSameAs(first, "the tender was read again");
        reread!.TenderId.Should().Be(tenderId);
        (await cache.ReadAsync(db, Guid.NewGuid(), CancellationToken.None)).Tender.Should().BeNull("Bidding does not know that tender");
    }
}
