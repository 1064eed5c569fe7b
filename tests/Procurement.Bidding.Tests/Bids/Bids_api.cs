using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bids_api : IAsyncLifetime
{
    private static readonly string[] PeopleA = ["440305199001011010", "440305199001011029", "440305199001011037"];
    private static readonly string[] PeopleB = ["440305199001011045", "440305199001011053", "440305199001011061"];
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_submission_answers_a_receipt_whose_hash_is_that_of_the_stored_sealed_bytes()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);

        var response = await _bed.SubmitAsync(a, 412_345.67m);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var receipt = await Json(response);
        var bidId = receipt.GetProperty("bidId").GetGuid();
        receipt.GetProperty("version").GetInt32().Should().Be(1);
        receipt.GetProperty("serverTime").GetDateTimeOffset().Should().Be(BiddingApi.Now);
        receipt.GetProperty("status").GetString().Should().Be("Submitted");
        var stored = _bed.Db(db => db.Bids.Single(b => b.Id == bidId));
        receipt.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$").And.Be(SealedContent.Sha256Hex(stored.SealedBytes));
        response.Headers.Location!.ToString().Should().Be($"/api/bids/{bidId}");
    }

    [Fact]
    public void A_published_tender_gets_its_own_wrapped_data_key_before_any_bid()
    {
        var key = _bed.Db(db => db.TenderDataKeys.Single(k => k.TenderId == _bed.Tender.TenderId));

        key.MasterKeyId.Should().Be("k1");
        key.Suite.Should().Be("std-1", "the suite when Crypto:Suite is not set");
        key.WrappedKey.Should().HaveCount(TenderDataKey.MaxWrappedSize, "a 32-byte AES-256 key, wrapped");
    }

    [Fact]
    public async Task A_revision_gets_a_new_version_and_receipt_and_a_stale_version_is_a_409()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var first = await _bed.SubmittedAsync(a, 412_345.67m);
        var id = first.GetProperty("bidId").GetGuid();
        _bed.Api.Clock.Advance(TimeSpan.FromHours(1));

        var revised = await a.Client.PutAsJsonAsync($"/api/bids/{id}", new { content = BidBed.Content(a, 401_000.00m), version = 1 });

        revised.StatusCode.Should().Be(HttpStatusCode.OK);
        var receipt = await Json(revised);
        receipt.GetProperty("version").GetInt32().Should().Be(2);
        receipt.GetProperty("serverTime").GetDateTimeOffset().Should().Be(BiddingApi.Now.AddHours(1));
        receipt.GetProperty("sha256").GetString().Should().NotBe(first.GetProperty("sha256").GetString());
        (await a.Client.PutAsJsonAsync($"/api/bids/{id}", new { content = BidBed.Content(a, 402_000.00m), version = 1 }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var mine = (await Json(await a.Client.GetAsync("/api/bids/mine"))).EnumerateArray().Should().ContainSingle().Subject;
        mine.GetProperty("content").GetProperty("price").GetDecimal().Should().Be(401_000.00m, "the latest version counts");
    }

    [Fact]
    public async Task One_bid_per_agency_and_tender_until_it_is_withdrawn()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var first = (await _bed.SubmittedAsync(a, 412_345.67m)).GetProperty("bidId").GetGuid();

        var again = await _bed.SubmitAsync(a, 400_000.00m);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(again);
        problem.GetProperty("rule").GetString().Should().Be(BidCodes.BidAlreadySubmitted);
        problem.GetProperty("bidId").GetGuid().Should().Be(first);

        var withdrawn = await a.Client.PostAsync($"/api/bids/{first}/withdraw", null);
        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(withdrawn)).GetProperty("status").GetString().Should().Be("Withdrawn");
        (await _bed.SubmitAsync(a, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await a.Client.PutAsJsonAsync($"/api/bids/{first}", new { content = BidBed.Content(a, 401_000.00m) })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_second_before_the_deadline_a_bid_is_taken_and_at_the_deadline_every_change_is_a_409()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        _bed.Api.Clock.SetUtcNow(_bed.Deadline.AddSeconds(-1));
        var id = (await _bed.SubmittedAsync(a, 412_345.67m)).GetProperty("bidId").GetGuid();

        _bed.Api.Clock.SetUtcNow(_bed.Deadline);

        var late = await _bed.SubmitAsync(await _bed.AgencyAsync(BidBed.CodeB, PeopleB), 400_000.00m);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(late)).GetProperty("rule").GetString().Should().Be(BidCodes.BiddingClosed);
        (await a.Client.PutAsJsonAsync($"/api/bids/{id}", new { content = BidBed.Content(a, 401_000.00m) })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await a.Client.PostAsync($"/api/bids/{id}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await a.Client.PostAsync($"/api/bids/{id}/confirm", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_cancelled_or_closed_tender_takes_no_bid_and_an_unknown_one_is_a_404()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var cancelled = _bed.NewTender("cancelled");
        var closed = _bed.NewTender("closed");
        await _bed.SendAsync(cancelled);
        await _bed.SendAsync(closed);
        await _bed.SendAsync(new TenderCancelled(cancelled.TenderId, "Merged", BiddingApi.Now));
        await _bed.SendAsync(new BidWindowClosed(closed.TenderId, BiddingApi.Now));

        (await _bed.SubmitAsync(a, 400_000.00m, cancelled.TenderId)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _bed.SubmitAsync(a, 400_000.00m, closed.TenderId)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _bed.SubmitAsync(a, 400_000.00m, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Content_rules_answer_422_before_anything_is_sealed()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);

        var above = await _bed.SubmitAsync(a, 480_000.01m);

        above.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(above)).GetProperty("rule").GetString().Should().Be(BidCodes.PriceAboveCeiling);
        (await _bed.SubmitAsync(a, 480_000.00m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await a.Client.PostAsJsonAsync("/api/bids", new { tenderId = _bed.Tender.TenderId })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_person_committed_full_time_in_another_agencys_open_bid_is_refused_naming_only_the_agencys_own_worker()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        // Agency B's supervisor is agency A's first worker: the same ID number on two rosters.
        var b = await _bed.AgencyAsync(BidBed.CodeB, PeopleA[0], PeopleB[1], PeopleB[2]);
        var bidA = (await _bed.SubmittedAsync(a, 412_345.67m)).GetProperty("bidId").GetGuid();

        var refused = await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(refused);
        problem.GetProperty("rule").GetString().Should().Be(BidCodes.FteOverCommitment);
        var collision = problem.GetProperty("collisions").EnumerateArray().Should().ContainSingle().Subject;
        collision.GetProperty("person").GetString().Should().Be("Worker 25B-0");
        collision.GetProperty("idNumberLastFour").GetString().Should().Be("1010");
        collision.GetProperty("committedFte").GetDecimal().Should().Be(1.0m);
        collision.GetProperty("plannedFte").GetDecimal().Should().Be(0.5m);
        collision.GetProperty("totalFte").GetDecimal().Should().Be(1.5m);
        collision.GetProperty("overFte").GetDecimal().Should().Be(0.5m);
        problem.GetProperty("detail").GetString().Should().Contain("Worker 25B-0 (…1010): 1.0 + 0.5 = 1.5 (+0.5)");
        // Nothing says where the rest of the person's time goes: not the other bid, its tender, or its agency.
        var body = await refused.Content.ReadAsStringAsync();
        body.Should().NotContain("412345.67", "a refusal never shows the other bid's price")
            .And.NotContain(bidA.ToString()).And.NotContain(a.Id.ToString()).And.NotContain(_bed.Tender.TenderId.ToString())
            .And.NotContain("Elderly care in Futian 2027").And.NotContain("Sunshine Social Work").And.NotContain("commitments");

        // Revising one's own bid does not count it twice; withdrawing frees the person.
        (await a.Client.PutAsJsonAsync($"/api/bids/{bidA}", new { content = BidBed.Content(a, 412_000.00m) })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await a.Client.PostAsync($"/api/bids/{bidA}/withdraw", null)).EnsureSuccessStatusCode();
        (await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Half_time_in_two_agencies_bids_is_exactly_full_time_and_allowed()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var b = await _bed.AgencyAsync(BidBed.CodeB, PeopleA[0], PeopleB[1], PeopleB[2]);
        (await _bed.SubmitAsync(a, 412_345.67m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);

        (await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_bid_of_a_closed_tender_commits_its_people_until_the_tender_is_decided()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var b = await _bed.AgencyAsync(BidBed.CodeB, PeopleA[0], PeopleB[1], PeopleB[2]);
        var other = _bed.NewTender("Youth services 2027");
        await _bed.SendAsync(other);
        (await _bed.SubmitAsync(a, 412_345.67m, other.TenderId)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        // Opened bids may still win while the panel evaluates: they still commit their people.
        await _bed.SendAsync(new BidWindowClosed(other.TenderId, other.BidDeadline));
        (await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await _bed.SendAsync(new Procurement.Contracts.Evaluation.TenderFailed(other.TenderId, 1, 3, "1 valid bid, 3 required", other.BidDeadline.AddDays(3)));

        (await _bed.SubmitAsync(b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_owner_reads_its_content_back_and_each_read_is_audited()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var id = (await _bed.SubmittedAsync(a, 412_345.67m)).GetProperty("bidId").GetGuid();

        var mine = (await Json(await a.Client.GetAsync("/api/bids/mine"))).EnumerateArray().Should().ContainSingle().Subject;
        var one = await Json(await a.Client.GetAsync($"/api/bids/{id}"));

        mine.GetProperty("bidId").GetGuid().Should().Be(id);
        mine.GetProperty("status").GetString().Should().Be("Submitted");
        mine.GetProperty("tenderTitle").GetString().Should().Be("Elderly care in Futian 2027");
        mine.GetProperty("receipt").GetProperty("version").GetInt32().Should().Be(1);
        mine.GetProperty("content").GetProperty("price").GetDecimal().Should().Be(412_345.67m);
        one.GetProperty("content").GetProperty("technicalProposal").GetString().Should().Be(BidBed.Proposal);
        var audit = _bed.Db(db => db.UnsealAudit.OrderBy(e => e.Sequence).ToList());
        audit.Should().HaveCount(2).And.OnlyContain(e => e.Purpose == UnsealPurpose.OwnerRead && e.BidId == id && e.ActorOrganisationId == a.Id);
        audit[1].PreviousHash.Should().Be(audit[0].Hash);
    }

    [Fact]
    public async Task Confirming_a_bid_that_needs_no_reconfirmation_changes_nothing()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var id = (await _bed.SubmittedAsync(a, 412_345.67m)).GetProperty("bidId").GetGuid();

        var confirmed = await a.Client.PostAsync($"/api/bids/{id}/confirm", null);

        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(confirmed)).GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_debarred_agency_cannot_bid_and_an_unregistered_one_is_told_to_register()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var admin = _bed.Client(ServiceDefaults.Security.Roles.Admin);
        (await admin.PostAsJsonAsync($"/api/agencies/{a.Id}/debarment", new { from = "2026-11-01", reason = "False certificates" })).EnsureSuccessStatusCode();

        (await _bed.SubmitAsync(a, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var stranger = new Bidder(Guid.NewGuid(), _bed.Client(ServiceDefaults.Security.Roles.Agency), a.Workers);
        (await _bed.SubmitAsync(stranger, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refusals_are_in_chinese_for_a_chinese_caller()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        await _bed.SubmittedAsync(a, 400_000.00m);
        var zh = _bed.Api.Client(ServiceDefaults.Security.Roles.Agency, a.Id, "zh-CN");

        var again = await zh.PostAsJsonAsync("/api/bids", new { tenderId = _bed.Tender.TenderId, content = BidBed.Content(a, 400_000.00m) });

        (await Json(again)).GetProperty("detail").GetString().Should().Be("本机构已对该项目投标；请修改该投标或先撤回。");
    }
}
