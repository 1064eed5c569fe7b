using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

public sealed class Open_tenders : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings { TestHarness = true, Configure = b => b.Services.AddSingleton<TimeProvider>(_clock) },
        "bidding", BiddingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static TenderPublished Tender(string title, DateTimeOffset deadline) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), title, 480_000.00m, deadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Now,
        "CompetitiveConsultation",
        new StaffingTerms(3, 1, 1),
        new PersonnelCostTerms(0.60m, [new PayFloorTerms("Assistant", 4500.00m), new PayFloorTerms("Intermediate", 5500.00m)]),
        new EvaluationTerms(
            [new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Service plan", "Technical", 60m), new CriterionTerms("Past performance", "PastPerformance", 10m)],
            FixedPrice: false),
        [new KpiTerms("Service hours", "hours", 2400m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        ["Registered social organisation"],
        BidSecurity: 9600.00m,
        new ProcurementRulesTerms(3, 3, OddPanelSize: true));

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private Task PublishAndWaitAsync(TenderPublished message, Guid? messageId = null) => SendAndWaitAsync(message, messageId);

    private async Task SendAndWaitAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        if (_sent == 0)
        {
            harness.Bus.ConnectConsumeObserver(_deliveries);
        }

        await harness.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    private async Task<JsonElement[]> ListAsync(string query = "")
    {
        var client = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Agency, Guid.NewGuid()));
        var response = await client.GetAsync("/api/bids/open-tenders" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Fact]
    public async Task An_agency_sees_a_published_tender_with_its_deadline_in_shanghai_time()
    {
        // 09:00 UTC is 17:00 in Shanghai.
        var published = Tender("Elder care 2027", new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
        await PublishAndWaitAsync(published);

        var tender = (await ListAsync()).Should().ContainSingle().Subject;
        tender.GetProperty("tenderId").GetGuid().Should().Be(published.TenderId);
        tender.GetProperty("title").GetString().Should().Be("Elder care 2027");
        tender.GetProperty("budgetCeiling").GetRawText().Should().Be("480000.00");
        tender.GetProperty("bidDeadlineLocal").GetString().Should().Be("2026-12-20T17:00:00+08:00");
        tender.GetProperty("timeZone").GetString().Should().Be("Asia/Shanghai");
    }

    [Fact]
    public async Task An_agency_sees_what_a_tender_is_about_its_description_region_and_service_domain()
    {
        var published = Tender("Youth outreach 2027", Now.AddDays(12)) with
        {
            ServiceDescription = "After-school casework for left-behind children.", Region = "Futian District", ServiceDomain = "ChildrenAndYouth",
        };
        await PublishAndWaitAsync(published);

        var tender = (await ListAsync()).Should().ContainSingle().Subject;
        tender.GetProperty("serviceDescription").GetString().Should().Be("After-school casework for left-behind children.");
        tender.GetProperty("region").GetString().Should().Be("Futian District");
        tender.GetProperty("serviceDomain").GetString().Should().Be("ChildrenAndYouth");
    }

    [Fact]
    public async Task A_tender_published_before_events_carried_region_and_domain_still_lists_without_them()
    {
        // A message an older Tendering sent: none of the three fields at the end.
        var old = JsonSerializer.SerializeToNode(Tender("Published long ago", Now.AddDays(12)), JsonSerializerOptions.Web)!.AsObject();
        old.Remove("serviceDescription");
        old.Remove("region");
        old.Remove("serviceDomain");
        var read = old.Deserialize<TenderPublished>(JsonSerializerOptions.Web)!;
        read.Region.Should().BeNull("the contract reads a message without the new fields");

        await PublishAndWaitAsync(read);

        var tender = (await ListAsync()).Should().ContainSingle().Subject;
        tender.GetProperty("title").GetString().Should().Be("Published long ago");
        tender.GetProperty("region").ValueKind.Should().Be(JsonValueKind.Null);
        tender.GetProperty("serviceDomain").ValueKind.Should().Be(JsonValueKind.Null);
        tender.GetProperty("serviceDescription").ValueKind.Should().Be(JsonValueKind.Null);
        (await ListAsync("?region=Futian%20District")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_list_is_filtered_by_region_service_domain_and_text()
    {
        var futianYouth = Tender("Youth outreach", Now.AddDays(10)) with
        {
            ServiceDescription = "Casework for left-behind children.", Region = "Futian District", ServiceDomain = "ChildrenAndYouth",
        };
        var futianElders = Tender("Elder care", Now.AddDays(11)) with
        {
            ServiceDescription = "Home visits for elders living alone.", Region = "Futian District", ServiceDomain = "Elderly",
        };
        var nanshanElders = Tender("Elder care Nanshan", Now.AddDays(12)) with
        {
            ServiceDescription = "Day centre for elders.", Region = "Nanshan District", ServiceDomain = "Elderly",
        };
        await PublishAndWaitAsync(futianYouth);
        await PublishAndWaitAsync(futianElders);
        await PublishAndWaitAsync(nanshanElders);

        static Guid[] Ids(JsonElement[] list) => [.. list.Select(t => t.GetProperty("tenderId").GetGuid())];
        Ids(await ListAsync("?region=Futian%20District")).Should().Equal(futianYouth.TenderId, futianElders.TenderId);
        Ids(await ListAsync("?serviceDomain=Elderly")).Should().Equal(futianElders.TenderId, nanshanElders.TenderId);
        Ids(await ListAsync("?region=Futian%20District&serviceDomain=Elderly")).Should().Equal(futianElders.TenderId);
        Ids(await ListAsync("?q=living%20alone")).Should().Equal([futianElders.TenderId], "the text is looked for in the description");
        Ids(await ListAsync("?q=Nanshan")).Should().Equal([nanshanElders.TenderId], "and in the title");
    }

    [Fact]
    public async Task An_amendment_replaces_the_description_and_one_without_it_keeps_it()
    {
        var published = Tender("Youth outreach", Now.AddDays(30)) with { ServiceDescription = "Casework." };
        await PublishAndWaitAsync(published);

        await SendAndWaitAsync(Amended(published, 1, "Casework and group work."));
        (await ListAsync()).Single().GetProperty("serviceDescription").GetString().Should().Be("Casework and group work.");

        await SendAndWaitAsync(Amended(published, 2, null));
        (await ListAsync()).Single().GetProperty("serviceDescription").GetString().Should().Be("Casework and group work.");
    }

    private static TenderAmended Amended(TenderPublished tender, int number, string? serviceDescription) => new(
        tender.TenderId, number, "Changed", ChangesBids: true, ["serviceDescription"], tender.BidDeadline, tender.BidDeadline, DeadlineMoved: false,
        tender.BudgetCeiling, tender.ServiceStart, tender.ServiceEnd, tender.Staffing, tender.PersonnelCost, tender.Evaluation, tender.Kpis,
        tender.PaymentSchedule, tender.Eligibility, tender.BidSecurity, Now.AddDays(1), tender.Rules, serviceDescription);

    [Fact]
    public async Task An_agency_sees_the_method_and_what_a_bid_is_checked_against()
    {
        await PublishAndWaitAsync(Tender("Elder care 2027", Now.AddDays(12)));

        var tender = (await ListAsync()).Should().ContainSingle().Subject;
        tender.GetProperty("procurementMethod").GetString().Should().Be("CompetitiveConsultation");
        tender.GetProperty("staffing").GetProperty("certifiedSocialWorkers").GetInt32().Should().Be(3);
        tender.GetProperty("staffing").GetProperty("intermediateOrAbove").GetInt32().Should().Be(1);
        tender.GetProperty("staffing").GetProperty("supervisors").GetInt32().Should().Be(1);
        tender.GetProperty("personnelCost").GetProperty("minimumPersonnelShare").GetDecimal().Should().Be(0.60m);
        tender.GetProperty("personnelCost").GetProperty("payFloors")[1].GetProperty("level").GetString().Should().Be("Intermediate");
        tender.GetProperty("fixedPrice").GetBoolean().Should().BeFalse();
        tender.GetProperty("eligibility")[0].GetString().Should().Be("Registered social organisation");
        tender.GetProperty("bidSecurity").GetDecimal().Should().Be(9600.00m);
    }

    [Fact]
    public async Task The_terms_are_kept_as_published()
    {
        var published = Tender("kept", Now.AddDays(12));
        await PublishAndWaitAsync(published);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var kept = await db.OpenTenders.SingleAsync(t => t.TenderId == published.TenderId);
        kept.Staffing.Should().Be(new TenderStaffing(3, 1, 1));
        kept.PersonnelCost!.PayFloors.Should().Equal(new TenderPayFloor(CertificateLevel.Assistant, 4500m), new TenderPayFloor(CertificateLevel.Intermediate, 5500m));
        kept.Status.Should().Be(OpenTenderStatus.Open);
        kept.IsOpenAt(Now).Should().BeTrue();
    }

    [Fact]
    public async Task A_cancelled_tender_leaves_the_list_and_takes_no_bids_and_a_redelivery_changes_nothing()
    {
        var published = Tender("to be cancelled", Now.AddDays(12));
        await PublishAndWaitAsync(published);
        var messageId = NewId.NextGuid();

        await SendAndWaitAsync(new TenderCancelled(published.TenderId, "Program merged", Now.AddDays(1)), messageId);
        await SendAndWaitAsync(new TenderCancelled(published.TenderId, "Program merged", Now.AddDays(1)), messageId);

        (await ListAsync()).Should().BeEmpty();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var kept = await db.OpenTenders.SingleAsync(t => t.TenderId == published.TenderId);
        kept.Status.Should().Be(OpenTenderStatus.Cancelled);
        kept.CancellationReason.Should().Be("Program merged");
        kept.IsOpenAt(Now).Should().BeFalse();
        (await db.InboxMessages.CountAsync(m => m.MessageId == messageId)).Should().Be(1);
    }

    [Fact]
    public async Task A_cancellation_of_a_tender_bidding_never_saw_changes_nothing()
    {
        await SendAndWaitAsync(new TenderCancelled(Guid.NewGuid(), "Draft withdrawn", Now));

        (await ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_tender_whose_bidding_closed_leaves_the_list_even_before_bidding_sees_its_deadline_pass()
    {
        var published = Tender("closed by the clock", Now.AddDays(12));
        await PublishAndWaitAsync(published);

        await SendAndWaitAsync(new BidWindowClosed(published.TenderId, Now.AddDays(12)));

        (await ListAsync()).Should().BeEmpty();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var kept = await db.OpenTenders.SingleAsync(t => t.TenderId == published.TenderId);
        kept.Status.Should().Be(OpenTenderStatus.BiddingClosed);
        kept.ClosedAt.Should().Be(Now.AddDays(12));
    }

    [Fact]
    public void Cancellation_wins_over_closing_whichever_arrives_first()
    {
        var cancelledFirst = Domain.OpenTender.Published(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "a", 1m, Now.AddDays(1), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), Now);
        cancelledFirst.Cancel("why", Now);
        cancelledFirst.CloseBidding(Now.AddDays(1));
        cancelledFirst.Status.Should().Be(OpenTenderStatus.Cancelled);

        var closedFirst = Domain.OpenTender.Published(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "b", 1m, Now.AddDays(1), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), Now);
        closedFirst.CloseBidding(Now.AddDays(1));
        closedFirst.Cancel("why", Now.AddDays(2));
        closedFirst.Status.Should().Be(OpenTenderStatus.Cancelled);
        closedFirst.ClosedAt.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public async Task A_tender_leaves_the_list_when_its_deadline_passes()
    {
        var closesSoon = Tender("closes soon", Now.AddHours(1));
        var closesLater = Tender("closes later", Now.AddDays(3));
        await PublishAndWaitAsync(closesLater);
        await PublishAndWaitAsync(closesSoon);

        (await ListAsync()).Select(t => t.GetProperty("title").GetString()).Should().Equal("closes soon", "closes later");

        _clock.Advance(TimeSpan.FromHours(1));
        (await ListAsync()).Select(t => t.GetProperty("title").GetString()).Should().Equal("closes later");
    }

    [Fact]
    public async Task The_same_tender_published_twice_is_kept_once()
    {
        var published = Tender("redelivered", Now.AddDays(10));
        var messageId = NewId.NextGuid();
        await PublishAndWaitAsync(published, messageId);
        await PublishAndWaitAsync(published, messageId);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        (await db.OpenTenders.CountAsync(t => t.TenderId == published.TenderId)).Should().Be(1);
        (await db.InboxMessages.CountAsync(m => m.MessageId == messageId)).Should().Be(1);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_list_open_tenders()
    {
        (await _host.CreateClient().GetAsync("/api/bids/open-tenders")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
