using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// An unseal is hashed with the moment as the store keeps it: SQLite keeps 100 µs (EF's DateTimeOffsetToBinaryConverter),
/// so a clock with finer ticks once made every row read back as "hash_mismatch" and the auditor saw a broken chain.
/// </summary>
public sealed class The_unseal_chain_holds_whatever_the_clocks_precision : IAsyncLifetime
{
    private BidBed _bed = null!;
    private Bidder _a = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        await _bed.SubmittedAsync(_a, 412_345.67m);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Rows_written_at_a_moment_with_sub_millisecond_ticks_verify_intact()
    {
        _bed.Api.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        await _a.Client.GetStringAsync("/api/bids/mine");
        _bed.Api.Clock.Advance(TimeSpan.FromTicks(7_654_321));
        await _bed.SendAsync(new BidWindowClosed(_bed.Tender.TenderId, _bed.Deadline));

        var verified = await _bed.Client(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/bids/audit/verify");

        verified.GetProperty("rowsChecked").GetInt64().Should().Be(2);
        verified.GetProperty("intact").GetBoolean().Should().BeTrue(verified.ToString());
    }

    [Fact]
    public void The_moment_is_kept_to_the_whole_millisecond()
    {
        var at = new DateTimeOffset(2027, 3, 2, 2, 0, 0, 123, TimeSpan.Zero).AddTicks(4_567);

        UnsealAuditEntry.StoredPrecision(at).Should().Be(new DateTimeOffset(2027, 3, 2, 2, 0, 0, 123, TimeSpan.Zero));
    }
}
