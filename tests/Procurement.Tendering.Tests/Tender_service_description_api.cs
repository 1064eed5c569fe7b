using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Tests;

/// <summary>
/// A tender says what service it buys (服务内容/项目概况): required to publish, at most
/// <see cref="Tender.ServiceDescriptionMaxLength"/> characters, amendable, carried to Bidding with the program's region and
/// service domain, and readable by an agency once published.
/// </summary>
public sealed class A_tender_describes_the_service_it_buys : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string role = Roles.Purchaser, Guid? organisation = null) =>
        _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static Dictionary<string, object?> Body(Guid programId, string? description)
    {
        var body = JsonSerializer.SerializeToElement(TenderBodies.Complete(programId)).Deserialize<Dictionary<string, object?>>()!;
        body["serviceDescription"] = description;
        return body;
    }

    private async Task<Guid> ProgramAsync(HttpClient purchaser)
    {
        var response = await purchaser.PostAsJsonAsync(
            "/api/programs", new { name = "Youth outreach", region = "Futian District", serviceDomain = "ChildrenAndYouth", activeFrom = "2026-01-01" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> DraftAsync(HttpClient purchaser, string? description)
    {
        var created = await purchaser.PostAsJsonAsync("/api/tenders", Body(await ProgramAsync(purchaser), description));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await JsonAsync(created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_tender_without_a_description_is_drafted_but_not_published()
    {
        var purchaser = Client();
        var id = await DraftAsync(purchaser, null);

        var publish = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(publish);
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:tender_incomplete");
        problem.GetProperty("field").GetString().Should().Be("serviceDescription");
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Should().Equal("serviceDescription");
    }

    [Fact]
    public async Task A_description_over_the_limit_is_refused_with_422_naming_the_field()
    {
        var purchaser = Client();
        var programId = await ProgramAsync(purchaser);

        var response = await purchaser.PostAsJsonAsync("/api/tenders", Body(programId, new string('服', Tender.ServiceDescriptionMaxLength + 1)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(response);
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:service_description_too_long");
        problem.GetProperty("field").GetString().Should().Be("serviceDescription");
        (await purchaser.PostAsJsonAsync("/api/tenders", Body(programId, new string('服', Tender.ServiceDescriptionMaxLength))))
            .StatusCode.Should().Be(HttpStatusCode.Created, "the limit itself is allowed");
    }

    [Fact]
    public async Task The_published_event_carries_the_description_and_the_programs_region_and_domain_and_an_agency_reads_it()
    {
        var purchaser = Client();
        var id = await DraftAsync(purchaser, "  After-school casework for left-behind children.  ");

        var published = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);

        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        (await JsonAsync(published)).GetProperty("serviceDescription").GetString().Should().Be("After-school casework for left-behind children.");
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderPublished>(m => m.Context.Message.TenderId == id)).Should().BeTrue();
        var message = harness.Published.Select<TenderPublished>().Single(m => m.Context.Message.TenderId == id).Context.Message;
        message.ServiceDescription.Should().Be("After-school casework for left-behind children.");
        message.Region.Should().Be("Futian District");
        message.ServiceDomain.Should().Be("ChildrenAndYouth");

        var agency = Client(Roles.Agency, Guid.NewGuid());
        var read = await agency.GetAsync($"/api/tenders/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK, "a published tender is the announcement agencies bid on");
        (await JsonAsync(read)).GetProperty("serviceDescription").GetString().Should().Be("After-school casework for left-behind children.");
    }

    [Fact]
    public async Task An_agency_does_not_read_another_units_draft()
    {
        var id = await DraftAsync(Client(), "Casework.");

        (await Client(Roles.Agency, Guid.NewGuid()).GetAsync($"/api/tenders/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_amendment_replaces_the_description_counts_as_a_change_to_bids_and_tells_bidding()
    {
        var purchaser = Client();
        var id = await DraftAsync(purchaser, "Casework for children.");
        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var amended = await purchaser.PostAsJsonAsync(
            $"/api/tenders/{id}/amendments", new { description = "Group work added", serviceDescription = "Casework and group work for children." });

        amended.StatusCode.Should().Be(HttpStatusCode.Created, await amended.Content.ReadAsStringAsync());
        var amendment = await JsonAsync(amended);
        amendment.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).Should().Equal("serviceDescription");
        amendment.GetProperty("changesBids").GetBoolean().Should().BeTrue();
        amendment.GetProperty("changes").GetProperty("serviceDescription").GetString().Should().Be("Casework and group work for children.");
        (await JsonAsync(await purchaser.GetAsync($"/api/tenders/{id}"))).GetProperty("serviceDescription").GetString()
            .Should().Be("Casework and group work for children.");
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderAmended>(m =>
            m.Context.Message.TenderId == id && m.Context.Message.ServiceDescription == "Casework and group work for children.")).Should().BeTrue();
    }

    [Fact]
    public async Task An_amendment_may_neither_blank_the_description_nor_exceed_the_limit()
    {
        var purchaser = Client();
        var id = await DraftAsync(purchaser, "Casework for children.");
        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var blank = await purchaser.PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Blank", serviceDescription = "  " });
        var tooLong = await purchaser.PostAsJsonAsync(
            $"/api/tenders/{id}/amendments", new { description = "Long", serviceDescription = new string('x', Tender.ServiceDescriptionMaxLength + 1) });

        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(blank)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("serviceDescription");
        tooLong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(tooLong)).GetProperty("field").GetString().Should().Be("serviceDescription");
    }
}
