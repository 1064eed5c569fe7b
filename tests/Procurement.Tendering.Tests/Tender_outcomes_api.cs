using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Scheduling;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// After bidding: Bidding's opening makes a tender <c>Evaluating</c>, Evaluation's outcome makes it <c>Failed</c> or
/// <c>Awarded</c>; and a single-source tender is published only as a renewal or with a justification.
/// </summary>
public sealed class Tender_outcomes_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private ClockedTenderingHost _tendering = null!;

    public async Task InitializeAsync() => _tendering = await ClockedTenderingHost.StartAsync();

    public async Task DisposeAsync() => await _tendering.DisposeAsync();

    private HttpClient Purchaser => _tendering.Host.CreateClient().WithToken(TestTokens.For(_tendering.Host.Services, Roles.Purchaser, PurchasingUnit));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> DraftAsync(object body)
    {
        var created = await Purchaser.PostAsJsonAsync("/api/tenders", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ProgramAsync()
    {
        var program = await Purchaser.PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        return (await JsonAsync(program)).GetProperty("id").GetGuid();
    }

    /// <summary>A public tender published now whose bidding the clock has closed.</summary>
    private async Task<Guid> ClosedTenderAsync()
    {
        var deadline = _tendering.Clock.GetUtcNow().AddDays(25);
        var id = await DraftAsync(TenderBodies.Complete(await ProgramAsync(), deadline: deadline));
        (await Purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _tendering.Clock.SetUtcNow(deadline);
        await _tendering.Host.Services.GetRequiredService<BidWindowCloser>().CloseDueTendersAsync(CancellationToken.None);
        return id;
    }

    private async Task<JsonElement> TenderAsync(Guid id) => await JsonAsync(await Purchaser.GetAsync($"/api/tenders/{id}"));

    private AwardConfirmed Award(Guid tenderId, Guid bidId, Guid agencyId) => new(
        tenderId, Guid.NewGuid(), Guid.NewGuid(), PurchasingUnit, bidId, agencyId, "Sunshine", "PublicTender", 456_789.00m,
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), [], [], new DateOnly(2026, 12, 10), _tendering.Clock.GetUtcNow().AddDays(12));

    [Fact]
    public async Task The_opening_starts_the_evaluation_and_the_confirmed_award_decides_the_tender()
    {
        var id = await ClosedTenderAsync();
        var openedAt = _tendering.Clock.GetUtcNow().AddMinutes(1);

        await _tendering.SendAsync(new BidsOpened(id, PurchasingUnit, openedAt, [], []));

        var evaluating = await TenderAsync(id);
        evaluating.GetProperty("status").GetString().Should().Be("Evaluating");
        evaluating.GetProperty("evaluationStartedAt").GetDateTimeOffset().Should().Be(openedAt);
        var (bidId, agencyId) = (Guid.NewGuid(), Guid.NewGuid());

        await _tendering.SendAsync(Award(id, bidId, agencyId));

        var awarded = await TenderAsync(id);
        awarded.GetProperty("status").GetString().Should().Be("Awarded");
        awarded.GetProperty("awardedBidId").GetGuid().Should().Be(bidId);
        awarded.GetProperty("awardedAgencyId").GetGuid().Should().Be(agencyId);
        awarded.GetProperty("awardedAmount").GetDecimal().Should().Be(456_789.00m);
        var harness = _tendering.Host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderStatusChanged>(m => m.Context.Message.TenderId == id
            && m.Context.Message.From == "BiddingClosed" && m.Context.Message.To == "Evaluating")).Should().BeTrue("the opening is a status change");
        (await harness.Published.Any<TenderStatusChanged>(m => m.Context.Message.TenderId == id
            && m.Context.Message.From == "Evaluating" && m.Context.Message.To == "Awarded")).Should().BeTrue("the award is a status change");

        // Decided is decided: a stray failure changes nothing, and an awarded tender cannot be cancelled.
        await _tendering.SendAsync(new TenderFailed(id, 1, 3, "1 valid bid, 3 required", _tendering.Clock.GetUtcNow()));
        (await TenderAsync(id)).GetProperty("status").GetString().Should().Be("Awarded");
        (await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "Too late" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Too_few_valid_bids_fail_the_tender_with_the_reason()
    {
        var id = await ClosedTenderAsync();
        await _tendering.SendAsync(new BidsOpened(id, PurchasingUnit, _tendering.Clock.GetUtcNow(), [], []));

        await _tendering.SendAsync(new TenderFailed(id, 2, 3, "2 valid bids, 3 required", _tendering.Clock.GetUtcNow().AddDays(3)));

        var failed = await TenderAsync(id);
        failed.GetProperty("status").GetString().Should().Be("Failed");
        failed.GetProperty("failureReason").GetString().Should().Be("2 valid bids, 3 required");
        failed.GetProperty("decidedAt").GetDateTimeOffset().Should().Be(_tendering.Clock.GetUtcNow().AddDays(3));
        // The event leaves through the outbox: on a busy machine its dispatch can outlast one harness wait (5 s without bus
        // activity), so the harness is asked again for up to 30 s.
        var harness = _tendering.Host.Services.GetRequiredService<ITestHarness>();
        var published = false;
        for (var attempt = 0; attempt < 6 && !published; attempt++)
        {
            published = await harness.Published.Any<TenderStatusChanged>(m => m.Context.Message.TenderId == id
                && m.Context.Message.To == "Failed" && m.Context.Message.Reason == "2 valid bids, 3 required");
        }

        published.Should().BeTrue("the failure is a status change");
    }

    [Fact]
    public async Task A_tender_cancelled_during_evaluation_stays_cancelled_whatever_arrives_later()
    {
        var id = await ClosedTenderAsync();
        await _tendering.SendAsync(new BidsOpened(id, PurchasingUnit, _tendering.Clock.GetUtcNow(), [], []));
        (await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "Programme merged" })).EnsureSuccessStatusCode();

        await _tendering.SendAsync(Award(id, Guid.NewGuid(), Guid.NewGuid()));
        await _tendering.SendAsync(new BidsOpened(id, PurchasingUnit, _tendering.Clock.GetUtcNow(), [], []));

        (await TenderAsync(id)).GetProperty("status").GetString().Should().Be("Cancelled");
    }

    [Fact]
    public async Task A_single_source_tender_without_justification_is_refused_and_with_one_is_published_for_auditors_to_read()
    {
        var programId = await ProgramAsync();
        var deadline = _tendering.Clock.GetUtcNow().AddDays(15);
        var unjustified = await DraftAsync(SingleSourceBody(programId, deadline, justification: null, predecessor: null));

        var refused = await Purchaser.PostAsync($"/api/tenders/{unjustified}/publish", null);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(refused);
        problem.GetProperty("type").GetString().Should().EndWith("single_source_justification_required");

        var justified = await DraftAsync(SingleSourceBody(programId, deadline, "The only agency licensed for this service in the district.", null));
        (await Purchaser.PostAsync($"/api/tenders/{justified}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var auditor = _tendering.Host.CreateClient().WithToken(TestTokens.For(_tendering.Host.Services, Roles.Auditor, Guid.NewGuid()));
        var read = await JsonAsync(await auditor.GetAsync($"/api/tenders/{justified}"));
        read.GetProperty("singleSourceJustification").GetString().Should().Be("The only agency licensed for this service in the district.");

        var predecessor = Guid.NewGuid();
        var renewal = await DraftAsync(SingleSourceBody(programId, deadline, null, predecessor));
        (await Purchaser.PostAsync($"/api/tenders/{renewal}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TenderAsync(renewal)).GetProperty("predecessorContractId").GetGuid().Should().Be(predecessor);
    }

    private static object SingleSourceBody(Guid programId, DateTimeOffset deadline, string? justification, Guid? predecessor) => new
    {
        programId,
        title = "Community correction 2027",
        budgetCeiling = 480000.00m,
        bidDeadline = deadline,
        serviceStart = "2027-01-01",
        serviceEnd = "2027-12-31",
        procurementMethod = "SingleSource",
        staffingRequirement = TenderBodies.Staffing,
        eligibility = TenderBodies.Eligibility,
        kpis = TenderBodies.Kpis,
        paymentSchedule = TenderBodies.Payment,
        serviceDescription = TenderBodies.ServiceDescription,
        singleSourceJustification = justification,
        predecessorContractId = predecessor,
    };
}
