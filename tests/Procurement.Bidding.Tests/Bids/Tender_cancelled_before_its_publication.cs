using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Bidding.Domain;
using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Tender_cancelled_before_its_publication : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_cancellation_that_overtakes_the_publication_is_remembered_and_the_tender_never_opens()
    {
        var late = _bed.NewTender("Community building in Luohu 2027");
        var a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");

        await _bed.SendAsync(new TenderCancelled(late.TenderId, "Programme merged into another", BiddingApi.Now));
        await _bed.SendAsync(late);

        var tender = _bed.Db(db => db.OpenTenders.Single(t => t.TenderId == late.TenderId));
        tender.Status.Should().Be(OpenTenderStatus.Cancelled);
        tender.CancellationReason.Should().Be("Programme merged into another");
        var open = await a.Client.GetFromJsonAsync<JsonElement>("/api/bids/open-tenders");
        open.ToString().Should().NotContain(late.TenderId.ToString()).And.Contain(_bed.Tender.TenderId.ToString());
        (await _bed.SubmitAsync(a, 400_000.00m, late.TenderId)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_cancellation_of_another_tender_does_not_touch_a_publication()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        var published = _bed.NewTender("Family services in Futian 2027");

        await _bed.SendAsync(new TenderCancelled(Guid.NewGuid(), "Draft abandoned", BiddingApi.Now));
        await _bed.SendAsync(published);

        _bed.Db(db => db.OpenTenders.Single(t => t.TenderId == published.TenderId)).Status.Should().Be(OpenTenderStatus.Open);
        (await _bed.SubmitAsync(a, 400_000.00m, published.TenderId)).StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
