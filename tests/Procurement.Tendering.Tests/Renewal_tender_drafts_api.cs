using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Data;
using Procurement.Tendering.Scheduling;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Contracting's <see cref="RenewalTenderRequested"/> (the purchaser chose a new tender for a contract running out):
/// Tendering drafts the tender pre-filled from the program's last one, once per contract, and says so by
/// <see cref="RenewalTenderDrafted"/>; the purchaser finds the draft, sets a deadline and publishes it.
/// </summary>
public sealed class Renewal_tender_drafts_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private static readonly Guid OtherUnit = Guid.NewGuid();

    // 2027-09-20 15:00 Beijing: the purchaser confirms a new tender for the contract ending 2027-12-31. The host's clock
    // starts 2026-11-02 09:00 Beijing, when the source tender is drafted and published with bids due 25 days later.
    private static readonly DateTimeOffset RenewalDay = new(2027, 9, 20, 7, 0, 0, TimeSpan.Zero);

    private ClockedTenderingHost _tendering = null!;

    public async Task InitializeAsync() => _tendering = await ClockedTenderingHost.StartAsync();

    public async Task DisposeAsync() => await _tendering.DisposeAsync();

    private RunningHost Host => _tendering.Host;

    private FakeTimeProvider Clock => _tendering.Clock;

    private ITestHarness Harness => _tendering.Harness;

    private HttpClient Client(string role, Guid unit) => Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, unit));

    private HttpClient Purchaser => Client(Roles.Purchaser, PurchasingUnit);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> ProgramAsync(HttpClient? owner = null)
    {
        var program = await (owner ?? Purchaser).PostAsJsonAsync(
            "/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        program.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await JsonAsync(program)).GetProperty("id").GetGuid();
    }

    /// <summary>A complete public tender of the program, published now with bids due in 25 days.</summary>
    private async Task<Guid> PublishedTenderAsync(Guid programId)
    {
        var id = await DraftedTenderAsync(programId);
        (await Purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    private async Task<Guid> DraftedTenderAsync(Guid programId)
    {
        var created = await Purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId, deadline: Clock.GetUtcNow().AddDays(25)));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private RenewalTenderRequested Request(Guid contractId, Guid programId, Guid? lastTenderId, Guid? unit = null) => new(
        contractId, programId, unit ?? PurchasingUnit, lastTenderId, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), Guid.NewGuid(), Clock.GetUtcNow());

    private async Task<JsonElement[]> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/tenders{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await JsonAsync(response)).EnumerateArray()];
    }

    /// <summary>The one tender drafted for the renewal of the contract.</summary>
    private async Task<JsonElement> DraftForAsync(Guid contractId) => (await ListAsync(Purchaser, $"?successorOfContractId={contractId}")).Should().ContainSingle().Subject;

    private Task<T[]> PublishedAsync<T>()
        where T : class => Host.Services.PublishedAsync<T>();

    private async Task<RenewalTenderDrafted[]> DraftedEventsAsync(Guid contractId) =>
        [.. (await PublishedAsync<RenewalTenderDrafted>()).Where(m => m.ContractId == contractId)];

    /// <summary>The last tender, and the renewal of the contract it led to requested on <see cref="RenewalDay"/>.</summary>
    private async Task<(Guid ProgramId, Guid SourceId, Guid ContractId)> RenewalRequestedAsync()
    {
        var programId = await ProgramAsync();
        var sourceId = await PublishedTenderAsync(programId);
        Clock.SetUtcNow(RenewalDay);
        var contractId = Guid.NewGuid();
        await _tendering.SendAsync(Request(contractId, programId, sourceId));
        return (programId, sourceId, contractId);
    }

    [Fact]
    public async Task The_draft_has_the_last_tenders_content_the_new_period_and_says_where_it_came_from()
    {
        var (programId, sourceId, contractId) = await RenewalRequestedAsync();

        var draft = await DraftForAsync(contractId);
        var source = await JsonAsync(await Purchaser.GetAsync($"/api/tenders/{sourceId}"));
        draft.GetProperty("id").GetGuid().Should().NotBe(sourceId);
        draft.GetProperty("status").GetString().Should().Be("Draft");
        draft.GetProperty("programId").GetGuid().Should().Be(programId);
        draft.GetProperty("purchasingUnitId").GetGuid().Should().Be(PurchasingUnit);
        draft.GetProperty("title").GetString().Should().Be("Elder care 2027");
        draft.GetProperty("budgetCeiling").GetDecimal().Should().Be(480000.00m);
        draft.GetProperty("procurementMethod").GetString().Should().Be("PublicTender");
        draft.GetProperty("evaluationScheme").GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("maxPoints").GetDecimal())
            .Should().Equal(30m, 60m, 10m);
        draft.GetProperty("staffingRequirement").GetProperty("certifiedSocialWorkers").GetInt32().Should().Be(3);
        draft.GetProperty("personnelCost").GetProperty("minimumPersonnelShare").GetDecimal().Should().Be(0.60m);
        draft.GetProperty("bidSecurity").GetDecimal().Should().Be(9600.00m);
        foreach (var part in new[] { "evaluationScheme", "staffingRequirement", "eligibility", "kpis", "paymentSchedule", "personnelCost" })
        {
            draft.GetProperty(part).GetRawText().Should().Be(source.GetProperty(part).GetRawText(), $"{part} is copied from the last tender");
        }

        draft.GetProperty("serviceStart").GetString().Should().Be("2028-01-01");
        draft.GetProperty("serviceEnd").GetString().Should().Be("2028-12-31");
        // The last tender ran 25 days; 20 Sep + 7 review days + 25 days = 22 Oct, at its 09:00 Beijing.
        draft.GetProperty("bidDeadline").GetDateTimeOffset().Should().Be(new DateTimeOffset(2027, 10, 22, 1, 0, 0, TimeSpan.Zero));
        draft.GetProperty("publishedAt").ValueKind.Should().Be(JsonValueKind.Null);
        draft.GetProperty("predecessorContractId").ValueKind.Should().Be(JsonValueKind.Null);
        draft.GetProperty("prefilledFromTenderId").GetGuid().Should().Be(sourceId);
        draft.GetProperty("successorOfContractId").GetGuid().Should().Be(contractId);

        (await DraftedEventsAsync(contractId)).Should().Equal(new RenewalTenderDrafted(contractId, draft.GetProperty("id").GetGuid(), programId, sourceId, RenewalDay));
    }

    [Fact]
    public async Task A_second_request_for_the_same_contract_drafts_nothing_more()
    {
        var (programId, sourceId, contractId) = await RenewalRequestedAsync();
        var first = (await DraftForAsync(contractId)).GetProperty("id").GetGuid();
        var again = Request(contractId, programId, sourceId);
        var messageId = NewId.NextGuid();

        await _tendering.SendAsync(again, messageId);
        await _tendering.SendAsync(again, messageId);
        await _tendering.SendAsync(Request(contractId, programId, lastTenderId: null));

        (await DraftForAsync(contractId)).GetProperty("id").GetGuid().Should().Be(first);
        (await ListAsync(Purchaser, $"?programId={programId}&status=Draft")).Select(t => t.GetProperty("id").GetGuid()).Should().Equal(first);
        (await DraftedEventsAsync(contractId)).Select(m => m.TenderId).Should().Equal([first], "the contract's renewal was drafted once");
    }

    [Fact]
    public async Task Without_a_tender_to_prefill_from_or_a_program_of_the_unit_nothing_is_drafted()
    {
        var empty = await ProgramAsync();
        var othersProgram = await ProgramAsync(Client(Roles.Purchaser, OtherUnit));
        var withTender = await ProgramAsync();
        var tender = await PublishedTenderAsync(withTender);
        Clock.SetUtcNow(RenewalDay);
        var (unknownProgram, noTender, wrongUnit, foreignProgram) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await _tendering.SendAsync(Request(unknownProgram, Guid.NewGuid(), lastTenderId: null));
        await _tendering.SendAsync(Request(noTender, empty, lastTenderId: null));
        await _tendering.SendAsync(Request(wrongUnit, withTender, tender, unit: OtherUnit));
        await _tendering.SendAsync(Request(foreignProgram, othersProgram, tender));

        var auditor = Client(Roles.Auditor, Guid.NewGuid());
        foreach (var contractId in new[] { unknownProgram, noTender, wrongUnit, foreignProgram })
        {
            (await ListAsync(auditor, $"?successorOfContractId={contractId}")).Should().BeEmpty();
        }

        (await ListAsync(auditor, "?status=Draft")).Should().BeEmpty();
        (await PublishedAsync<RenewalTenderDrafted>()).Should().BeEmpty();

        // Contracting hears why, once each, to show the purchaser on the renewal decision.
        (await PublishedAsync<RenewalTenderNotDrafted>()).Select(m => (m.ContractId, m.Reason)).Should().BeEquivalentTo(new[]
        {
            (unknownProgram, "ProgramUnknown"), (noTender, "NothingToPrefillFrom"), (wrongUnit, "ProgramOfAnotherUnit"), (foreignProgram, "ProgramOfAnotherUnit"),
        });
    }

    [Fact]
    public async Task Without_a_last_tender_the_programs_latest_published_tender_is_the_source()
    {
        var programId = await ProgramAsync();
        var older = await PublishedTenderAsync(programId);
        Clock.Advance(TimeSpan.FromDays(1));
        var latest = await PublishedTenderAsync(programId);
        Clock.Advance(TimeSpan.FromDays(1));
        await DraftedTenderAsync(programId);
        var elsewhere = await PublishedTenderAsync(await ProgramAsync());
        Clock.SetUtcNow(RenewalDay);
        var (unnamed, named, misnamed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await _tendering.SendAsync(Request(unnamed, programId, lastTenderId: null));
        await _tendering.SendAsync(Request(named, programId, older));
        await _tendering.SendAsync(Request(misnamed, programId, elsewhere));

        (await DraftForAsync(unnamed)).GetProperty("prefilledFromTenderId").GetGuid().Should().Be(latest);
        (await DraftForAsync(named)).GetProperty("prefilledFromTenderId").GetGuid().Should().Be(older);
        (await DraftForAsync(misnamed)).GetProperty("prefilledFromTenderId").GetGuid().Should().Be(latest, "a tender of another program is no source");
    }

    [Fact]
    public async Task The_purchaser_sets_a_deadline_and_publishes_the_drafted_tender()
    {
        var (_, sourceId, contractId) = await RenewalRequestedAsync();
        var id = (await DraftForAsync(contractId)).GetProperty("id").GetGuid();
        var deadline = new DateTimeOffset(2027, 11, 5, 9, 30, 0, TimeSpan.FromHours(8));

        // The portal sends back what it read, with the deadline the purchaser chose.
        var read = JsonNode.Parse(await Purchaser.GetStringAsync($"/api/tenders/{id}"))!.AsObject();
        read["bidDeadline"] = deadline;
        var edited = await Purchaser.PutAsJsonAsync($"/api/tenders/{id}", read);
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var published = await Purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var tender = await JsonAsync(published);
        tender.GetProperty("status").GetString().Should().Be("Published");
        tender.GetProperty("bidDeadline").GetDateTimeOffset().Should().Be(deadline);
        tender.GetProperty("publishedAt").GetDateTimeOffset().Should().Be(RenewalDay);
        tender.GetProperty("prefilledFromTenderId").GetGuid().Should().Be(sourceId);
        tender.GetProperty("successorOfContractId").GetGuid().Should().Be(contractId);
        var announced = (await PublishedAsync<TenderPublished>()).Should().ContainSingle(m => m.TenderId == id).Subject;
        announced.ServiceStart.Should().Be(new DateOnly(2028, 1, 1));
        announced.BidDeadline.Should().Be(deadline);
        announced.BudgetCeiling.Should().Be(480000.00m);
        announced.Kpis.Select(k => k.Name).Should().Equal("Service hours", "Elders served");
    }

    [Fact]
    public async Task The_drafted_tender_is_published_as_drafted_within_the_review_days()
    {
        var (_, _, contractId) = await RenewalRequestedAsync();
        var id = (await DraftForAsync(contractId)).GetProperty("id").GetGuid();
        Clock.Advance(TimeSpan.FromDays(6));

        var published = await Purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var tender = await JsonAsync(published);
        tender.GetProperty("status").GetString().Should().Be("Published");
        tender.GetProperty("bidDeadline").GetDateTimeOffset().Should().Be(new DateTimeOffset(2027, 10, 22, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Another_purchasing_unit_neither_finds_nor_reads_nor_changes_the_draft()
    {
        var (programId, _, contractId) = await RenewalRequestedAsync();
        var id = (await DraftForAsync(contractId)).GetProperty("id").GetGuid();
        var other = Client(Roles.Purchaser, OtherUnit);

        (await other.GetAsync($"/api/tenders/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ListAsync(other)).Should().BeEmpty();
        (await ListAsync(other, $"?successorOfContractId={contractId}")).Should().BeEmpty();
        (await other.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/tenders/{id}/documents")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audited = await JsonAsync(await Client(Roles.Auditor, Guid.NewGuid()).GetAsync($"/api/tenders/{id}"));
        audited.GetProperty("successorOfContractId").GetGuid().Should().Be(contractId);
        audited.GetProperty("programId").GetGuid().Should().Be(programId);
    }

    [Fact]
    public async Task The_purchaser_lists_tenders_by_program_status_and_contract()
    {
        var unrelated = await DraftedTenderAsync(await ProgramAsync());
        var (programId, sourceId, contractId) = await RenewalRequestedAsync();
        var draftId = (await DraftForAsync(contractId)).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<BidWindowCloser>().CloseDueTendersAsync(CancellationToken.None);

        static IEnumerable<Guid> Ids(JsonElement[] tenders) => tenders.Select(t => t.GetProperty("id").GetGuid());

        Ids(await ListAsync(Purchaser)).Should().BeEquivalentTo([sourceId, draftId, unrelated]);
        Ids(await ListAsync(Purchaser, $"?programId={programId}")).Should().Equal(draftId, sourceId);
        Ids(await ListAsync(Purchaser, $"?programId={programId}&status=Draft")).Should().Equal(draftId);
        Ids(await ListAsync(Purchaser, "?status=BiddingClosed")).Should().Equal(sourceId);
        Ids(await ListAsync(Purchaser, $"?successorOfContractId={Guid.NewGuid()}")).Should().BeEmpty();
        var wrong = await Purchaser.GetAsync("/api/tenders?status=Sleeping");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrong.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
