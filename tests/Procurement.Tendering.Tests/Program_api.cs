using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Program_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string role = Roles.Purchaser, Guid? organisation = null) =>
        _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> ProgramAsync() =>
        (await JsonAsync(await Client().PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" })))
        .GetProperty("id").GetGuid();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Edit(string activeFrom = "2026-01-01", string? activeUntil = null, int version = 1) =>
        new { name = "Home care for elders", region = "Demo District", serviceDomain = "Elderly", activeFrom, activeUntil, version };

    [Fact]
    public async Task A_purchaser_edits_their_program_with_the_version_they_read()
    {
        var id = await ProgramAsync();

        var edited = await Client().PutAsJsonAsync($"/api/programs/{id}", Edit(activeUntil: "2029-12-31"));

        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var body = await JsonAsync(edited);
        body.GetProperty("name").GetString().Should().Be("Home care for elders");
        body.GetProperty("activeUntil").GetString().Should().Be("2029-12-31");
        body.GetProperty("version").GetInt32().Should().Be(2);
        var stale = await Client().PutAsJsonAsync($"/api/programs/{id}", Edit());
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<ServiceProgramRevised>(m => m.Context.Message.ProgramId == id && m.Context.Message.Version == 2)).Should().BeTrue();
    }

    [Fact]
    public async Task Only_the_owning_purchaser_edits_and_the_span_keeps_every_tender()
    {
        var id = await ProgramAsync();
        (await Client(Roles.Purchaser, Guid.NewGuid()).PutAsJsonAsync($"/api/programs/{id}", Edit())).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client(Roles.Agency, Guid.NewGuid()).PutAsJsonAsync($"/api/programs/{id}", Edit())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client().PutAsJsonAsync($"/api/programs/{id}", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var deadline = TenderBodies.DefaultDeadline();
        var (_, serviceEnd) = ServiceYear.After(deadline);
        (await Client().PostAsJsonAsync("/api/tenders", TenderBodies.Complete(id, deadline))).StatusCode.Should().Be(HttpStatusCode.Created);
        var excludes = await Client().PutAsJsonAsync($"/api/programs/{id}", Edit(activeUntil: Day(serviceEnd.AddDays(-1))));
        excludes.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(excludes)).GetProperty("type").GetString().Should().EndWith(":program_span_excludes_tenders");
        (await Client().PutAsJsonAsync($"/api/programs/{id}", Edit(activeUntil: Day(serviceEnd)))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_chain_lists_the_programs_tenders_in_order_with_their_status()
    {
        var id = await ProgramAsync();
        var purchaser = Client();
        var later = TenderBodies.Complete(id);
        var laterId = (await JsonAsync(await purchaser.PostAsJsonAsync("/api/tenders", later))).GetProperty("id").GetGuid();
        // One day of service right after bids due in 3 days: before the later tender's year, whatever the day.
        var earlierDeadline = DateTimeOffset.UtcNow.AddDays(3);
        var earlierDay = earlierDeadline.ShanghaiDate().AddDays(1);
        var earlier = new
        {
            programId = id, title = "Elder care 2026 H2", budgetCeiling = 200000.00m, bidDeadline = earlierDeadline,
            serviceStart = earlierDay, serviceEnd = earlierDay,
        };
        var earlierResponse = await purchaser.PostAsJsonAsync("/api/tenders", earlier);
        earlierResponse.StatusCode.Should().Be(HttpStatusCode.Created, await earlierResponse.Content.ReadAsStringAsync());
        (await purchaser.PostAsync($"/api/tenders/{laterId}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var chain = await JsonAsync(await purchaser.GetAsync($"/api/programs/{id}/chain"));

        chain.GetProperty("program").GetProperty("id").GetGuid().Should().Be(id);
        chain.GetProperty("tenders").EnumerateArray().Select(t => (t.GetProperty("title").GetString(), t.GetProperty("status").GetString()))
            .Should().Equal(("Elder care 2026 H2", "Draft"), ("Elder care 2027", "Published"));
        chain.GetProperty("contracts").GetArrayLength().Should().Be(0);
        (await Client(Roles.Purchaser, Guid.NewGuid()).GetAsync($"/api/programs/{id}/chain")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
