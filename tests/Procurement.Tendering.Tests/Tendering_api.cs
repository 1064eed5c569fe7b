using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Tendering_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private static readonly Guid OtherUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHosts.StartAsync(
            new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string? role = null, Guid? organisation = null, string? language = null)
    {
        var client = _host.CreateClient();
        if (role is not null)
        {
            client.WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    private static object ProgramBody => new { name = "Home care for elders, Street X", region = "Demo District", serviceDomain = "Elderly", activeFrom = "2026-01-01" };

    private static object TenderBody(Guid programId) => TenderBodies.Complete(programId);

    private async Task<Guid> CreateProgramAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/programs", ProgramBody);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_purchaser_creates_a_program_and_a_tender_and_publishes_it()
    {
        var purchaser = Client(Roles.Purchaser);
        var programId = await CreateProgramAsync(purchaser);

        var created = await purchaser.PostAsJsonAsync("/api/tenders", TenderBody(programId));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var tender = await created.Content.ReadFromJsonAsync<JsonElement>();
        tender.GetProperty("status").GetString().Should().Be("Draft");
        var tenderId = tender.GetProperty("id").GetGuid();

        var published = await purchaser.PostAsync($"/api/tenders/{tenderId}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await published.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Published");
        body.GetProperty("timeZone").GetString().Should().Be("Asia/Shanghai");
        body.GetProperty("bidDeadlineLocal").GetString().Should().EndWith("+08:00");

        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<ServiceProgramCreated>(m => m.Context.Message.ProgramId == programId)).Should().BeTrue();
        (await harness.Published.Any<TenderPublished>(m => m.Context.Message.TenderId == tenderId && m.Context.Message.BudgetCeiling == 480000.00m))
            .Should().BeTrue();
        var message = harness.Published.Select<TenderPublished>().Single(m => m.Context.Message.TenderId == tenderId).Context.Message;
        message.ProcurementMethod.Should().Be("PublicTender");
        message.Staffing.Should().Be(new StaffingTerms(3, 1, 1));
        message.Evaluation!.Criteria.Select(c => (c.Kind, c.MaxPoints)).Should().Equal(("Price", 30m), ("Technical", 60m), ("PastPerformance", 10m));
        message.Evaluation.FixedPrice.Should().BeFalse();
        message.PaymentSchedule.Select(i => i.Percent).Should().Equal(30m, 40m, 30m);
        message.PersonnelCost!.MinimumPersonnelShare.Should().Be(0.60m);
        message.PersonnelCost.PayFloors.Should().ContainSingle(f => f.CertificateLevel == "Intermediate" && f.MonthlyPay == 5500m);
        message.Kpis.Should().ContainSingle(k => k.Name == "Service hours" && k.Target == 2400m);
        message.Eligibility.Should().HaveCount(2);
        message.BidSecurity.Should().Be(9600.00m);
    }

    [Fact]
    public async Task Publishing_twice_is_a_conflict()
    {
        var purchaser = Client(Roles.Purchaser);
        var programId = await CreateProgramAsync(purchaser);
        var tender = await (await purchaser.PostAsJsonAsync("/api/tenders", TenderBody(programId))).Content.ReadFromJsonAsync<JsonElement>();
        var id = tender.GetProperty("id").GetGuid();
        await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        var again = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:tender_not_draft");
    }

    [Fact]
    public async Task An_agency_user_may_not_create_or_publish_a_tender()
    {
        var purchaser = Client(Roles.Purchaser);
        var programId = await CreateProgramAsync(purchaser);
        var tender = await (await purchaser.PostAsJsonAsync("/api/tenders", TenderBody(programId))).Content.ReadFromJsonAsync<JsonElement>();
        var agency = Client(Roles.Agency, Guid.NewGuid());

        (await agency.PostAsJsonAsync("/api/tenders", TenderBody(programId))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var publish = await agency.PostAsync($"/api/tenders/{tender.GetProperty("id").GetGuid()}/publish", null);
        publish.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await publish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().Be("urn:procurement:problem:forbidden");
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_as_a_problem()
    {
        var response = await Client().PostAsJsonAsync("/api/tenders", TenderBody(Guid.NewGuid()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().Be("urn:procurement:problem:unauthorized");
    }

    [Fact]
    public async Task Another_purchasing_unit_neither_sees_nor_uses_the_program()
    {
        var programId = await CreateProgramAsync(Client(Roles.Purchaser));
        var other = Client(Roles.Purchaser, OtherUnit);

        (await other.GetAsync($"/api/programs/{programId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync("/api/tenders", TenderBody(programId))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client(Roles.Auditor, Guid.NewGuid()).GetAsync($"/api/programs/{programId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_treasury_officer_reads_every_units_programs_by_name_and_creates_none()
    {
        var programId = await CreateProgramAsync(Client(Roles.Purchaser));
        var treasury = Client(Roles.Treasury, Guid.NewGuid());

        (await treasury.GetAsync($"/api/programs/{programId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await treasury.GetFromJsonAsync<JsonElement>("/api/programs");
        listed.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Contain(programId);
        (await Client(Roles.Purchaser, OtherUnit).GetFromJsonAsync<JsonElement>("/api/programs"))
            .EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().NotContain(programId, "another unit's purchaser still reads only its own");
        (await treasury.PostAsJsonAsync("/api/programs", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_malformed_tender_gets_400_naming_each_bad_field()
    {
        var purchaser = Client(Roles.Purchaser);
        var response = await purchaser.PostAsJsonAsync("/api/tenders", new
        {
            title = "",
            budgetCeiling = 100.005m,
            bidDeadline = DateTimeOffset.UtcNow.AddDays(-1),
            serviceStart = "2027-02-01",
            serviceEnd = "2027-01-01",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:validation");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("programId", "title", "budgetCeiling", "bidDeadline", "serviceEnd");
        errors.GetProperty("budgetCeiling")[0].GetString().Should().Contain("two decimal places");
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString())
            .Should().Contain(["required", "two_decimals", "in_future", "not_before"]);
    }

    [Fact]
    public async Task Errors_are_in_chinese_for_a_chinese_caller()
    {
        var response = await Client(Roles.Purchaser, language: "zh-CN,zh;q=0.9").PostAsJsonAsync("/api/tenders", new { title = "" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("一个或多个字段无效。");
        problem.GetProperty("errors").GetProperty("title")[0].GetString().Should().Be("标题为必填项。");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_a_400()
    {
        var content = new StringContent("""{"programId":"not-a-guid","title":"x"}""", Encoding.UTF8, "application/json");

        var response = await Client(Roles.Purchaser).PostAsync("/api/tenders", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("programId");
    }

    [Fact]
    public async Task An_unknown_service_domain_is_named_in_a_400()
    {
        var response = await Client(Roles.Purchaser).PostAsJsonAsync("/api/programs", new { name = "P", region = "R", serviceDomain = "Astrology", activeFrom = "2026-01-01" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("serviceDomain");
    }

    [Fact]
    public async Task The_service_answers_health_and_openapi()
    {
        var client = Client();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("tendering-db");
        var openApi = await client.GetAsync("/openapi/v1.json");
        openApi.StatusCode.Should().Be(HttpStatusCode.OK);
        (await openApi.Content.ReadAsStringAsync()).Should().Contain("/api/tenders/{id}/publish");
    }
}
