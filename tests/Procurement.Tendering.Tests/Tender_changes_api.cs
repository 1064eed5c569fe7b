using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Tender_changes_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings
        {
            TestHarness = true,
            Values = { ["Tendering:CloseCheckInterval"] = "40.00:00:00" },
            Configure = b => b.Services.AddSingleton<TimeProvider>(_clock),
        },
        "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string role, Guid organisation) =>
        _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation));

    private HttpClient Purchaser => Client(Roles.Purchaser, PurchasingUnit);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Type(JsonElement problem) => problem.GetProperty("type").GetString()!;

    /// <summary>A public tender published now, due in 25 days at 09:00 Beijing time.</summary>
    private async Task<(Guid Id, DateTimeOffset Deadline)> PublishAsync(bool publish = true)
    {
        var purchaser = Purchaser;
        var program = await purchaser.PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        var programId = (await JsonAsync(program)).GetProperty("id").GetGuid();
        var deadline = _clock.GetUtcNow().AddDays(25);
        var created = await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId, deadline: deadline));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        if (publish)
        {
            var published = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);
            published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        }

        return (id, deadline);
    }

    private async Task<DateTimeOffset> DeadlineAsync(Guid id) =>
        (await JsonAsync(await Purchaser.GetAsync($"/api/tenders/{id}"))).GetProperty("bidDeadline").GetDateTimeOffset();

    [Fact]
    public async Task An_agency_reads_a_published_tender_and_never_another_units_draft()
    {
        var agency = Client(Roles.Agency, Guid.NewGuid());
        var (published, _) = await PublishAsync();
        var read = await agency.GetAsync($"/api/tenders/{published}");
        read.StatusCode.Should().Be(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        (await JsonAsync(read)).GetProperty("status").GetString().Should().Be("Published");

        var (draft, _) = await PublishAsync(publish: false);
        (await agency.GetAsync($"/api/tenders/{draft}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Purchaser.GetAsync($"/api/tenders/{draft}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_answer_is_published_to_every_bidder_without_the_askers_identity()
    {
        var (id, _) = await PublishAsync();
        var askerId = Guid.NewGuid();
        var asker = Client(Roles.Agency, askerId);
        var other = Client(Roles.Agency, Guid.NewGuid());

        var asked = await asker.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "Is transport of elders included?" });
        asked.StatusCode.Should().Be(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var question = await JsonAsync(asked);
        var questionId = question.GetProperty("id").GetGuid();
        question.GetProperty("mine").GetBoolean().Should().BeTrue();

        // Before the answer: the asker sees its own question as its own, another agency sees nothing, the purchaser sees it.
        (await JsonAsync(await asker.GetAsync($"/api/tenders/{id}/questions"))).EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("mine").GetBoolean().Should().BeTrue();
        (await JsonAsync(await other.GetAsync($"/api/tenders/{id}/questions"))).GetArrayLength().Should().Be(0);
        var forPurchaser = await Purchaser.GetAsync($"/api/tenders/{id}/questions");
        (await JsonAsync(forPurchaser)).GetArrayLength().Should().Be(1);
        (await forPurchaser.Content.ReadAsStringAsync()).Should().NotContain(askerId.ToString());

        var answered = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/questions/{questionId}/answer", new { answer = "Yes, within the district." });
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        var seen = await other.GetAsync($"/api/tenders/{id}/questions");
        var body = await seen.Content.ReadAsStringAsync();
        var item = (await JsonAsync(seen)).EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("question").GetString().Should().Be("Is transport of elders included?");
        item.GetProperty("answer").GetString().Should().Be("Yes, within the district.");
        item.GetProperty("mine").GetBoolean().Should().BeFalse();
        body.Should().NotContain(askerId.ToString()).And.NotContainAny("askedBy", "agency");
        (await (await asker.GetAsync($"/api/tenders/{id}/questions")).Content.ReadAsStringAsync()).Should().NotContain(askerId.ToString());

        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderClarified>(m => m.Context.Message.QuestionId == questionId && !m.Context.Message.ChangesBids)).Should().BeTrue();
        var again = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/questions/{questionId}/answer", new { answer = "No." });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Type(await JsonAsync(again)).Should().EndWith(":question_already_answered");
    }

    [Fact]
    public async Task A_bid_changing_answer_inside_the_margin_moves_the_deadline()
    {
        var (id, deadline) = await PublishAsync();
        var questionId = (await JsonAsync(await Client(Roles.Agency, Guid.NewGuid())
            .PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "May the team include a part-time supervisor?" }))).GetProperty("id").GetGuid();
        _clock.SetUtcNow(deadline.AddDays(-14));

        var answered = await Purchaser.PostAsJsonAsync(
            $"/api/tenders/{id}/questions/{questionId}/answer", new { answer = "Yes, at 0.5 FTE at least.", changesBids = true });

        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        (await DeadlineAsync(id)).Should().Be(deadline.AddDays(1));
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderClarified>(m => m.Context.Message.QuestionId == questionId && m.Context.Message.ChangesBids
            && m.Context.Message.BidDeadline == deadline.AddDays(1))).Should().BeTrue();
    }

    [Fact]
    public async Task Questions_are_taken_only_from_agencies_on_a_published_tender_before_its_deadline()
    {
        var (draft, _) = await PublishAsync(publish: false);
        var agency = Client(Roles.Agency, Guid.NewGuid());
        (await agency.PostAsJsonAsync($"/api/tenders/{draft}/questions", new { text = "?" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await agency.GetAsync($"/api/tenders/{draft}/questions")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var (id, deadline) = await PublishAsync();
        (await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "Mine?" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var tooLong = await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = new string('x', 2001) });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(tooLong)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("text");
        (await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = new string('x', 2000) })).StatusCode.Should().Be(HttpStatusCode.Created);

        _clock.SetUtcNow(deadline);
        var late = await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "Too late?" });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Type(await JsonAsync(late)).Should().EndWith(":bidding_closed");
    }

    [Fact]
    public async Task Only_the_tenders_own_purchaser_answers()
    {
        var (id, _) = await PublishAsync();
        var agency = Client(Roles.Agency, Guid.NewGuid());
        var questionId = (await JsonAsync(await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "?" }))).GetProperty("id").GetGuid();

        (await Client(Roles.Purchaser, Guid.NewGuid()).PostAsJsonAsync($"/api/tenders/{id}/questions/{questionId}/answer", new { answer = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await agency.PostAsJsonAsync($"/api/tenders/{id}/questions/{questionId}/answer", new { answer = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/questions/{Guid.NewGuid()}/answer", new { answer = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Amendments_are_versioned_and_the_tender_reflects_them()
    {
        var (id, deadline) = await PublishAsync();
        var agency = Client(Roles.Agency, Guid.NewGuid());

        var first = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Budget raised", budgetCeiling = 520000.00m });
        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new
        {
            description = "One more KPI; deadline extended",
            kpis = new object[] { new { name = "Service hours", unit = "hours", target = 2600 } },
            bidDeadline = deadline.AddDays(2),
        });
        second.StatusCode.Should().Be(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());

        var list = await JsonAsync(await agency.GetAsync($"/api/tenders/{id}/amendments"));
        list.EnumerateArray().Select(a => a.GetProperty("number").GetInt32()).Should().Equal(1, 2);
        list[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Should().Equal("budgetCeiling");
        list[0].GetProperty("changes").GetProperty("budgetCeiling").GetDecimal().Should().Be(520000.00m);
        list[0].GetProperty("deadlineMoved").GetBoolean().Should().BeFalse();
        list[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Should().Equal("kpis", "bidDeadline");
        list[1].GetProperty("newBidDeadline").GetDateTimeOffset().Should().Be(deadline.AddDays(2));
        list[1].GetProperty("amendedAt").GetDateTimeOffset().Should().Be(_clock.GetUtcNow());

        var tender = await JsonAsync(await Purchaser.GetAsync($"/api/tenders/{id}"));
        tender.GetProperty("budgetCeiling").GetDecimal().Should().Be(520000.00m);
        tender.GetProperty("kpis").GetArrayLength().Should().Be(1);
        tender.GetProperty("bidDeadline").GetDateTimeOffset().Should().Be(deadline.AddDays(2));

        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderAmended>(m => m.Context.Message.TenderId == id && m.Context.Message.AmendmentNumber == 2
            && m.Context.Message.ChangesBids && m.Context.Message.NewBidDeadline == deadline.AddDays(2) && m.Context.Message.BudgetCeiling == 520000.00m))
            .Should().BeTrue();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task An_amendment_inside_the_margin_moves_the_deadline_out(int minutesInside, bool moves)
    {
        var (id, deadline) = await PublishAsync();
        _clock.SetUtcNow(deadline.AddDays(-15).AddMinutes(minutesInside));

        var amended = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Budget raised", budgetCeiling = 500000.00m });

        amended.StatusCode.Should().Be(HttpStatusCode.Created, await amended.Content.ReadAsStringAsync());
        var body = await JsonAsync(amended);
        body.GetProperty("deadlineMovedByMargin").GetBoolean().Should().Be(moves);
        (await DeadlineAsync(id)).Should().Be(moves ? deadline.AddDays(1) : deadline);
    }

    [Fact]
    public async Task An_amendment_below_the_minimum_or_past_the_service_start_is_refused()
    {
        var (id, deadline) = await PublishAsync();

        var shortened = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Sooner", bidDeadline = deadline.AddDays(-6) });
        shortened.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        Type(await JsonAsync(shortened)).Should().EndWith(":amendment_deadline_below_minimum");

        var late = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Later", bidDeadline = new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero) });
        late.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        Type(await JsonAsync(late)).Should().EndWith(":amendment_deadline_after_service_start");

        var nothing = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Nothing" });
        nothing.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var noDescription = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { budgetCeiling = 1m });
        noDescription.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(await Purchaser.GetAsync($"/api/tenders/{id}/amendments"))).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task No_amendment_after_the_deadline_or_closing_and_none_by_an_agency()
    {
        var (id, deadline) = await PublishAsync();
        (await Client(Roles.Agency, Guid.NewGuid()).PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "x", budgetCeiling = 1m }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        _clock.SetUtcNow(deadline);
        var afterDeadline = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Late", budgetCeiling = 500000.00m });
        afterDeadline.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Type(await JsonAsync(afterDeadline)).Should().EndWith(":bidding_closed");

        var closer = _host.Services.GetRequiredService<Scheduling.BidWindowCloser>();
        await closer.CloseDueTendersAsync(CancellationToken.None);
        var afterClosing = await Purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Late", budgetCeiling = 500000.00m });
        afterClosing.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Type(await JsonAsync(afterClosing)).Should().EndWith(":tender_not_published");
    }
}
