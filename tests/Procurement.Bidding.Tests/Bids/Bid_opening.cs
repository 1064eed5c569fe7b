using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bid_opening : IAsyncLifetime
{
    private BidBed _bed = null!;
    private Bidder _a = null!;
    private Bidder _b = null!;
    private JsonElement _receiptA;
    private JsonElement _receiptB;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        _b = await _bed.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        _receiptA = await _bed.SubmittedAsync(_a, 412_345.67m);
        _receiptB = await _bed.SubmittedAsync(_b, 398_765.43m);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private string OpeningRoute => $"/api/bids/openings/{_bed.Tender.TenderId}";

    private Task CloseAsync() => _bed.SendAsync(new BidWindowClosed(_bed.Tender.TenderId, _bed.Deadline));

    [Fact]
    public async Task Before_bidding_closes_there_is_no_opening_even_past_the_deadline()
    {
        _bed.Api.Clock.SetUtcNow(_bed.Deadline.AddMinutes(1));

        (await _a.Client.GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        _bed.Db(db => db.Bids.Count(b => b.Status == BidStatus.Opened)).Should().Be(0);
        _bed.Db(db => db.UnsealAudit.Count(e => e.Purpose == UnsealPurpose.Opening)).Should().Be(0);
    }

    [Fact]
    public async Task At_the_close_every_bid_is_opened_and_the_record_lists_each_bidder_with_price_and_receipt_hash()
    {
        await CloseAsync();

        var record = await _a.Client.GetFromJsonAsync<JsonElement>(OpeningRoute);
        record.GetProperty("tenderTitle").GetString().Should().Be("Elderly care in Futian 2027");
        var bids = record.GetProperty("bids").EnumerateArray().ToList();
        bids.Select(b => b.GetProperty("price").GetDecimal()).Should().Equal(398_765.43m, 412_345.67m);
        bids.Select(b => b.GetProperty("agencyId").GetGuid()).Should().Equal(_b.Id, _a.Id);
        bids.Select(b => b.GetProperty("receiptHash").GetString()).Should().Equal(
            _receiptB.GetProperty("sha256").GetString(), _receiptA.GetProperty("sha256").GetString());
        bids.Should().OnlyContain(b => b.GetProperty("bidVersion").GetInt32() == 1);

        var audit = _bed.Db(db => db.UnsealAudit.Where(e => e.Purpose == UnsealPurpose.Opening).ToList());
        audit.Should().HaveCount(2).And.OnlyContain(e => e.ActorId == "system:opening" && e.ActorOrganisationId == null);
        _bed.Db(db => db.Bids.Count(b => b.Status == BidStatus.Opened)).Should().Be(2);
    }

    [Fact]
    public async Task Agency_b_sees_agency_as_price_only_through_the_opening_record()
    {
        (await _b.Client.GetStringAsync("/api/bids/mine")).Should().NotContain("412345.67");

        await CloseAsync();

        (await _b.Client.GetStringAsync("/api/bids/mine")).Should().NotContain("412345.67");
        (await _b.Client.GetAsync($"/api/bids/{_receiptA.GetProperty("bidId").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _b.Client.GetStringAsync(OpeningRoute)).Should().Contain("412345.67");
    }

    [Fact]
    public async Task The_record_is_for_the_bidders_the_tenders_purchaser_and_auditors_only()
    {
        await CloseAsync();

        (await _bed.Purchaser().GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _bed.Client(Roles.Auditor).GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _bed.Client(Roles.Purchaser).GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another purchaser's tender");
        (await _bed.Client(Roles.Agency).GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.NotFound, "an agency that did not bid");
        (await _bed.Client(Roles.Admin).GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anyone_reads_the_public_opening_record_once_the_bids_are_opened_and_nothing_before()
    {
        using var anyone = _bed.Api.Host.CreateClient();
        var route = $"/api/public/openings/{_bed.Tender.TenderId}";
        _bed.Api.Clock.SetUtcNow(_bed.Deadline.AddMinutes(1));

        var before = await anyone.GetAsync(route);
        before.StatusCode.Should().Be(HttpStatusCode.NotFound, "past the deadline but not opened: sealed bids are not public, nor how many there are");
        (await before.Content.ReadAsStringAsync()).Should().NotContain("412345.67").And.NotContain(_receiptA.GetProperty("sha256").GetString());
        (await anyone.GetAsync($"/api/public/openings/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await CloseAsync();

        var record = await anyone.GetFromJsonAsync<JsonElement>(route);
        record.GetProperty("tenderTitle").GetString().Should().Be("Elderly care in Futian 2027");
        record.GetProperty("timeZone").GetString().Should().Be("Asia/Shanghai");
        record.GetProperty("openedAtLocal").GetDateTimeOffset().Offset.Should().Be(TimeSpan.FromHours(8));
        var bids = record.GetProperty("bids").EnumerateArray().ToList();
        bids.Select(b => b.GetProperty("price").GetDecimal()).Should().Equal(398_765.43m, 412_345.67m);
        bids.Select(b => b.GetProperty("agencyName").GetString()).Should().OnlyContain(n => !string.IsNullOrWhiteSpace(n));
        bids.Select(b => b.GetProperty("receiptHash").GetString()).Should().Equal(
            _receiptB.GetProperty("sha256").GetString(), _receiptA.GetProperty("sha256").GetString());
        var text = record.GetRawText();
        text.Should().NotContain(_a.Id.ToString()).And.NotContain(_receiptA.GetProperty("bidId").GetGuid().ToString(),
            "the public record names agencies, not the platform's ids of agencies and bids");
        text.Should().NotContain(BidBed.Proposal, "a bid's content stays with the panel");
    }

    [Fact]
    public async Task Bids_opened_goes_to_the_outbox_with_what_evaluation_needs_and_a_bid_awaiting_reconfirmation_does_not_count()
    {
        await MarkNeedsReconfirmationAsync(_receiptB.GetProperty("bidId").GetGuid());

        await CloseAsync();

        var payload = _bed.Db(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains(nameof(BidsOpened))).Select(m => m.Payload).Single());
        var opened = JsonSerializer.Deserialize<BidsOpened>(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        opened.TenderId.Should().Be(_bed.Tender.TenderId);
        opened.PurchasingUnitId.Should().Be(_bed.PurchaserId);
        var bid = opened.Bids.Should().ContainSingle().Subject;
        bid.AgencyId.Should().Be(_a.Id);
        bid.Price.Should().Be(412_345.67m);
        bid.ReceiptHash.Should().Be(_receiptA.GetProperty("sha256").GetString());
        bid.Costs.Personnel.Should().Be(300_000.00m);
        bid.Staffing.Certified.Should().Be(3);
        bid.Staffing.Supervisors.Should().Be(1);
        bid.Staffing.TotalFte.Should().Be(2.5m);
        bid.Staffing.Lines.Should().HaveCount(3);
        bid.TechnicalProposal.Should().Be(BidBed.Proposal);
        bid.AbnormallyLow.Should().BeFalse();
        opened.NotCounted.Should().ContainSingle().Which.Status.Should().Be("NeedsReconfirmation");
        (await _a.Client.GetFromJsonAsync<JsonElement>(OpeningRoute)).GetProperty("bids").GetArrayLength().Should().Be(1);
        (await _b.Client.GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.OK, "B bid, even if its bid did not count");
    }

    [Fact]
    public async Task A_cancelled_tender_is_never_opened()
    {
        await _bed.SendAsync(new TenderCancelled(_bed.Tender.TenderId, "Budget withdrawn", BiddingApi.Now));
        await CloseAsync();

        (await _a.Client.GetAsync(OpeningRoute)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        _bed.Db(db => db.UnsealAudit.Count(e => e.Purpose == UnsealPurpose.Opening)).Should().Be(0);
    }

    [Fact]
    public async Task An_auditor_verifies_the_unseal_chain_and_sees_the_first_tampered_row()
    {
        await _a.Client.GetStringAsync("/api/bids/mine");
        await CloseAsync();
        await _b.Client.GetStringAsync("/api/bids/mine");
        var auditor = _bed.Client(Roles.Auditor);

        var intact = await auditor.GetFromJsonAsync<JsonElement>("/api/bids/audit/verify");
        intact.GetProperty("rowsChecked").GetInt64().Should().Be(4);
        intact.GetProperty("intact").GetBoolean().Should().BeTrue();

        _bed.Db(db => db.Database.ExecuteSqlRaw("UPDATE UnsealAudit SET Reason = 'nothing to see' WHERE Sequence = 2"));
        var tampered = await auditor.GetFromJsonAsync<JsonElement>("/api/bids/audit/verify");
        tampered.GetProperty("intact").GetBoolean().Should().BeFalse();
        tampered.GetProperty("firstBrokenSequence").GetInt64().Should().Be(2);
        tampered.GetProperty("problem").GetString().Should().Be("hash_mismatch");

        (await _a.Client.GetAsync("/api/bids/audit/verify")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deleted_row_breaks_the_chain_at_the_gap()
    {
        await _a.Client.GetStringAsync("/api/bids/mine");
        await CloseAsync();

        _bed.Db(db => db.Database.ExecuteSqlRaw("DELETE FROM UnsealAudit WHERE Sequence = 1"));
        var verified = await _bed.Client(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/bids/audit/verify");

        verified.GetProperty("intact").GetBoolean().Should().BeFalse();
        verified.GetProperty("firstBrokenSequence").GetInt64().Should().Be(2);
    }

    private async Task MarkNeedsReconfirmationAsync(Guid bidId)
    {
        await using var scope = _bed.Api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var bid = await db.Bids.SingleAsync(b => b.Id == bidId);
        var tender = await db.OpenTenders.SingleAsync(t => t.TenderId == bid.TenderId);
        bid.MarkNeedsReconfirmation(tender, BiddingApi.Now);
        await db.SaveChangesAsync();
    }
}
