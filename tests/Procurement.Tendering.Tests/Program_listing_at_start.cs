using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 18 item 1: the public contract list filters by its program's region and service domain, which Contracting keeps
/// from Tendering's events. A data folder from before Contracting kept them gets them from the listing Tendering publishes
/// at each start: every program, with its version, in parts of at most 500.
/// </summary>
public sealed class Program_listing_at_start : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private Task<RunningHost> StartAsync() => TestHosts.StartAsync(
        new TestSettings { TestHarness = true, DataDirectory = _dataDirectory, KeepDataDirectory = true }, "tendering", TenderingModule.Module);

    [Fact]
    public async Task Each_start_lists_every_program_with_its_region_domain_and_version()
    {
        Guid elderly, youth;
        await using (var first = await StartAsync())
        {
            (await first.Services.PublishedAsync<ServiceProgramsListed>()).Should().BeEmpty("a start with no program lists nothing");
            var purchaser = first.CreateClient().WithToken(TestTokens.For(first.Services, Roles.Purchaser, PurchasingUnit));
            elderly = await CreateAsync(purchaser, "Home care", "示范区", "Elderly");
            youth = await CreateAsync(purchaser, "Youth work", "东湖区", "ChildrenAndYouth");
            (await purchaser.PutAsJsonAsync($"/api/programs/{youth}", new
            {
                name = "Youth work", region = "西湖区", serviceDomain = "ChildrenAndYouth", activeFrom = "2026-01-01", version = 1,
            })).EnsureSuccessStatusCode();
            await first.App.StopAsync();
        }

        await using var second = await StartAsync();
        var listed = (await second.Services.PublishedAsync<ServiceProgramsListed>()).Should().ContainSingle().Subject.Programs;
        listed.Should().BeEquivalentTo(
        [
            new ListedServiceProgram(elderly, PurchasingUnit, "示范区", "Elderly", 1),
            new ListedServiceProgram(youth, PurchasingUnit, "西湖区", "ChildrenAndYouth", 2),
        ]);
    }

    private static async Task<Guid> CreateAsync(HttpClient purchaser, string name, string region, string domain)
    {
        var created = await purchaser.PostAsJsonAsync("/api/programs", new { name, region, serviceDomain = domain, activeFrom = "2026-01-01" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
