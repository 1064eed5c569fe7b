using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Tender_content_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string role = Roles.Purchaser, Guid? organisation = null, string? language = null)
    {
        var client = _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    private async Task<Guid> ProgramAsync(HttpClient purchaser)
    {
        var response = await purchaser.PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo District", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(Guid Program, Guid Tender)> DraftAsync(HttpClient purchaser, object? body = null)
    {
        var programId = await ProgramAsync(purchaser);
        var created = await purchaser.PostAsJsonAsync("/api/tenders", body ?? TenderBodies.Complete(programId));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (programId, (await JsonAsync(created)).GetProperty("id").GetGuid());
    }

    private static string[] Rules(JsonElement problem) =>
        [.. problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];

    [Fact]
    public async Task A_draft_without_content_is_kept_but_publishing_it_names_every_missing_part()
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);
        var created = await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Bare(programId));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var publish = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(publish);
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:tender_incomplete");
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString())
            .Should().Equal("procurementMethod", "evaluationScheme", "staffingRequirement", "eligibility", "kpis", "paymentSchedule", "serviceDescription");
        Rules(problem).Should().OnlyContain(rule => rule == "required_to_publish");
    }

    [Fact]
    public async Task The_missing_parts_are_named_in_chinese_for_a_chinese_caller()
    {
        var purchaser = Client(language: "zh-CN");
        var programId = await ProgramAsync(purchaser);
        var id = (await JsonAsync(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Bare(programId)))).GetProperty("id").GetGuid();

        var problem = await JsonAsync(await purchaser.PostAsync($"/api/tenders/{id}/publish", null));

        problem.GetProperty("detail").GetString().Should().StartWith("采购项目尚缺以下内容");
        problem.GetProperty("violations")[0].GetProperty("message").GetString().Should().Be("发布采购项目须填写 procurementMethod。");
    }

    [Fact]
    public async Task The_content_is_stored_and_shown_as_sent()
    {
        var purchaser = Client();
        var (_, id) = await DraftAsync(purchaser);

        var tender = await JsonAsync(await purchaser.GetAsync($"/api/tenders/{id}"));

        tender.GetProperty("procurementMethod").GetString().Should().Be("PublicTender");
        tender.GetProperty("evaluationScheme").GetProperty("criteria").GetArrayLength().Should().Be(3);
        tender.GetProperty("staffingRequirement").GetProperty("certifiedSocialWorkers").GetInt32().Should().Be(3);
        tender.GetProperty("eligibility")[1].GetString().Should().Be("No serious violation in the last three years");
        tender.GetProperty("kpis")[0].GetProperty("unit").GetString().Should().Be("hours");
        tender.GetProperty("paymentSchedule").GetProperty("instalments")[1].GetProperty("condition").GetString().Should().Be("MidTermPassed");
        tender.GetProperty("personnelCost").GetProperty("minimumPersonnelShare").GetDecimal().Should().Be(0.60m);
        tender.GetProperty("bidSecurity").GetDecimal().Should().Be(9600.00m);
    }

    [Fact]
    public async Task Content_of_the_wrong_shape_gets_400_naming_each_nested_field()
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);

        var response = await purchaser.PostAsJsonAsync("/api/tenders", new
        {
            programId,
            title = "Elder care 2027",
            budgetCeiling = 480000.00m,
            bidDeadline = DateTimeOffset.UtcNow.AddDays(25),
            serviceStart = "2027-01-01",
            serviceEnd = "2027-12-31",
            evaluationScheme = new { criteria = new object[] { new { kind = "Price", maxPoints = 100 } } },
            staffingRequirement = new { certifiedSocialWorkers = 3 },
            eligibility = new[] { "" },
            kpis = new object[] { new { name = "Service hours", target = 10 } },
            paymentSchedule = new { instalments = new object[] { new { percent = 100 } } },
            bidSecurity = 0.001m,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name);
        errors.Should().BeEquivalentTo(
            "procurementMethod", "evaluationScheme.criteria[0].name", "staffingRequirement.intermediateOrAbove", "staffingRequirement.supervisors",
            "eligibility[0]", "kpis[0].unit", "paymentSchedule.instalments[0].condition", "bidSecurity");
    }

    [Theory]
    [InlineData("PublicTender", 5, "price_weight_below_minimum")]
    [InlineData("CompetitiveConsultation", 40, "price_weight_above_maximum")]
    public async Task A_price_weight_outside_the_methods_bounds_gets_422_with_its_rule(string method, int pricePoints, string rule)
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);

        var response = await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId, method: method, scheme: TenderBodies.Scheme(pricePoints)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(response);
        problem.GetProperty("rule").GetString().Should().Be(rule);
        problem.GetProperty("field").GetString().Should().Be("evaluationScheme.criteria");
    }

    [Fact]
    public async Task A_public_tender_due_in_fewer_than_20_days_is_not_published()
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);
        var (_, id) = await DraftAsync(purchaser, TenderBodies.Complete(programId, deadline: DateTimeOffset.UtcNow.AddDays(19)));

        var publish = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(publish)).GetProperty("rule").GetString().Should().Be("bid_period_too_short");
    }

    [Fact]
    public async Task A_draft_is_edited_with_the_version_last_read()
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);
        var (_, id) = await DraftAsync(purchaser, TenderBodies.Bare(programId));

        var edited = await purchaser.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId, version: 1));
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await JsonAsync(edited)).GetProperty("version").GetInt32().Should().Be(2);

        var stale = await purchaser.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId, version: 1));
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(stale)).GetProperty("type").GetString().Should().Be("urn:procurement:problem:concurrency");

        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterPublish = await purchaser.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId, version: 3));
        afterPublish.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(afterPublish)).GetProperty("type").GetString().Should().Be("urn:procurement:problem:tender_not_editable");
    }

    [Fact]
    public async Task An_edit_without_a_version_gets_400()
    {
        var purchaser = Client();
        var (programId, id) = await DraftAsync(purchaser);

        var response = await purchaser.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("version");
    }

    [Fact]
    public async Task A_published_tender_is_cancelled_with_a_reason_and_bidding_learns_of_it()
    {
        var purchaser = Client();
        var (_, id) = await DraftAsync(purchaser);
        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var cancelled = await purchaser.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "The program was merged into another." });

        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await JsonAsync(cancelled);
        body.GetProperty("status").GetString().Should().Be("Cancelled");
        body.GetProperty("cancellationReason").GetString().Should().Be("The program was merged into another.");
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderCancelled>(m => m.Context.Message.TenderId == id && m.Context.Message.Reason == "The program was merged into another."))
            .Should().BeTrue();

        var again = await purchaser.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "Again" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(again)).GetProperty("type").GetString().Should().Be("urn:procurement:problem:tender_not_cancellable");
    }

    [Fact]
    public async Task Cancelling_without_a_reason_gets_400()
    {
        var purchaser = Client();
        var (_, id) = await DraftAsync(purchaser);

        var response = await purchaser.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = " " });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("reason");
    }

    [Fact]
    public async Task An_agency_may_not_edit_or_cancel_a_tender()
    {
        var (programId, id) = await DraftAsync(Client());
        var agency = Client(Roles.Agency, Guid.NewGuid());

        (await agency.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId, version: 1))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await agency.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_units_purchaser_can_neither_see_edit_publish_nor_cancel_the_tender()
    {
        var (programId, id) = await DraftAsync(Client());
        var other = Client(Roles.Purchaser, Guid.NewGuid());

        // Not theirs to see, so they are not told it exists (404, as for the program).
        (await other.PutAsJsonAsync($"/api/tenders/{id}", TenderBodies.Complete(programId, version: 1))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/tenders/{id}/cancel", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(await Client().GetAsync($"/api/tenders/{id}"))).GetProperty("status").GetString().Should().Be("Draft");
    }
}
