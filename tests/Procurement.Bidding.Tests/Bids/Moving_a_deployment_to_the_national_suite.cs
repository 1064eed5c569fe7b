using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// One data folder, first served with <c>Crypto:Suite = std-1</c>, then restarted with <c>sm-1</c> while a tender is
/// still taking bids: that tender stays on AES-256 to its opening, the tender published after the move is sealed with SM4,
/// and both open.
/// </summary>
public sealed class Moving_a_deployment_to_the_national_suite : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        new TestSettings { DataDirectory = _folder }.DeleteDataDirectory();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_tender_open_at_the_move_keeps_its_AES_key_and_the_next_tender_is_sealed_with_SM4_and_both_open()
    {
        TenderPublished before;
        Bidder a;
        await using (var std = await BidBed.StartAsync(Suite(NistSuite.SuiteId), _folder))
        {
            before = std.Tender;
            a = await std.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
            await std.SubmittedAsync(a, 412_345.67m);
        }

        await using var sm = await BidBed.StartAsync(Suite(ShangMiSuite.SuiteId), _folder);
        var after = sm.Tender;
        a = a with { Client = sm.Client(Roles.Agency, a.Id) };
        var b = await sm.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        var c = await sm.AgencyAsync("52440305MJL1000336", "44030519900101107X", "440305199001011088", "440305199001011096");
        (await sm.SubmitAsync(b, 398_765.43m, before.TenderId)).EnsureSuccessStatusCode();
        (await sm.SubmitAsync(c, 401_000.00m, after.TenderId)).EnsureSuccessStatusCode();

        sm.Db(db => db.TenderDataKeys.Single(k => k.TenderId == before.TenderId).Suite).Should().Be(NistSuite.SuiteId);
        sm.Db(db => db.TenderDataKeys.Single(k => k.TenderId == after.TenderId).Suite).Should().Be(ShangMiSuite.SuiteId);
        SuitesOfBids(sm, before.TenderId).Should().Equal(NistSuite.SuiteId, NistSuite.SuiteId);
        SuitesOfBids(sm, after.TenderId).Should().Equal(ShangMiSuite.SuiteId);

        await sm.SendAsync(new BidWindowClosed(before.TenderId, before.BidDeadline));
        await sm.SendAsync(new BidWindowClosed(after.TenderId, after.BidDeadline));

        (await PricesOpenedAsync(a, before.TenderId)).Should().Equal(398_765.43m, 412_345.67m);
        (await PricesOpenedAsync(c, after.TenderId)).Should().Equal(401_000.00m);
    }

    private static Dictionary<string, string?> Suite(string suiteId) => new() { [CryptoSuites.Setting] = suiteId };

    private static List<string> SuitesOfBids(BidBed bed, Guid tenderId) =>
        bed.Db(db => db.Bids.Where(x => x.TenderId == tenderId).Select(x => x.SealedBytes).ToList())
            .Select(bytes => SealedContent.FromBytes(bytes).SuiteId).ToList();

    private static async Task<List<decimal>> PricesOpenedAsync(Bidder bidder, Guid tenderId)
    {
        var record = await bidder.Client.GetFromJsonAsync<JsonElement>($"/api/bids/openings/{tenderId}");
        return [.. record.GetProperty("bids").EnumerateArray().Select(x => x.GetProperty("price").GetDecimal())];
    }
}
