using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// The whole bid flow of <see cref="Bid_opening"/> (publish, submit, close, open) on a host configured with
/// <c>Crypto:Suite = sm-1</c>: the tender's key and every bid are SM4's, and the opening reads them as before.
/// </summary>
public sealed class Bid_opening_under_the_national_suite : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await BidBed.StartAsync(new Dictionary<string, string?> { [CryptoSuites.Setting] = ShangMiSuite.SuiteId });

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Bids_sealed_with_SM4_are_opened_at_the_close_and_the_record_carries_each_receipt_hash()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        var b = await _bed.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        var receiptA = await _bed.SubmittedAsync(a, 412_345.67m);
        var receiptB = await _bed.SubmittedAsync(b, 398_765.43m);

        var key = _bed.Db(db => db.TenderDataKeys.Single(k => k.TenderId == _bed.Tender.TenderId));
        key.Suite.Should().Be(ShangMiSuite.SuiteId);
        key.WrappedKey.Should().HaveCount(1 + 12 + 16 + 16, "a 16-byte SM4 key, wrapped");
        var sealedBids = _bed.Db(db => db.Bids.Where(x => x.TenderId == _bed.Tender.TenderId).Select(x => x.SealedBytes).ToList());
        sealedBids.Should().HaveCount(2).And.OnlyContain(bytes => Encoding.ASCII.GetString(bytes, 2, 4) == ShangMiSuite.SuiteId);

        await _bed.SendAsync(new BidWindowClosed(_bed.Tender.TenderId, _bed.Deadline));

        var record = await a.Client.GetFromJsonAsync<JsonElement>($"/api/bids/openings/{_bed.Tender.TenderId}");
        var bids = record.GetProperty("bids").EnumerateArray().ToList();
        bids.Select(x => x.GetProperty("price").GetDecimal()).Should().Equal(398_765.43m, 412_345.67m);
        bids.Select(x => x.GetProperty("receiptHash").GetString()).Should().Equal(
            receiptB.GetProperty("sha256").GetString(), receiptA.GetProperty("sha256").GetString());
        _bed.Db(db => db.Bids.Count(x => x.Status == BidStatus.Opened)).Should().Be(2);
    }
}
