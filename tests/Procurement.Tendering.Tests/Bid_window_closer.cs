using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Scheduling;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Bid_window_closer : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(keepData: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A host on the fake clock whose own timer never ticks in a test: each pass is run by the test.</summary>
    private Task<RunningHost> StartAsync(bool keepData) => TestHosts.StartAsync(
        new TestSettings
        {
            TestHarness = true,
            DataDirectory = _dataDirectory,
            KeepDataDirectory = keepData,
            Values = { ["Tendering:CloseCheckInterval"] = "40.00:00:00" },
            Configure = b => b.Services.AddSingleton<TimeProvider>(_clock),
        },
        "tendering", TenderingModule.Module);

    private static HttpClient Purchaser(RunningHost host) =>
        host.CreateClient().WithToken(TestTokens.For(host.Services, Roles.Purchaser, PurchasingUnit));

    private async Task<(Guid Id, DateTimeOffset Deadline)> PublishAsync(RunningHost host)
    {
        var purchaser = Purchaser(host);
        var program = await purchaser.PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        var programId = (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A deadline in whole seconds, as people set them (SQLite keeps instants to 0.1 ms).
        var now = _clock.GetUtcNow();
        var deadline = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddDays(25);
        var created = await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId, deadline: deadline));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await purchaser.PostAsync($"/api/tenders/{id}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (id, deadline);
    }

    /// <summary>The outbox sends after commit, in the background: wait until it has sent everything.</summary>
    private static async Task WaitUntilDispatchedAsync(RunningHost host)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.TenderingDb>();
            if (!await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null))
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string?> StatusAsync(RunningHost host, Guid id) =>
        (await (await Purchaser(host).GetAsync($"/api/tenders/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();

    [Fact]
    public async Task A_tender_stays_open_until_its_deadline_and_closes_at_it()
    {
        var (id, deadline) = await PublishAsync(_host);
        var closer = _host.Services.GetRequiredService<BidWindowCloser>();

        _clock.SetUtcNow(deadline.AddTicks(-1));
        (await closer.CloseDueTendersAsync(CancellationToken.None)).Should().Be(0);
        (await StatusAsync(_host, id)).Should().Be("Published");

        _clock.SetUtcNow(deadline);
        (await closer.CloseDueTendersAsync(CancellationToken.None)).Should().Be(1);
        (await StatusAsync(_host, id)).Should().Be("BiddingClosed");
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        await WaitUntilDispatchedAsync(_host);
        (await harness.Published.Any<BidWindowClosed>(m => m.Context.Message.TenderId == id && m.Context.Message.ClosedAt == deadline)).Should().BeTrue();

        (await closer.CloseDueTendersAsync(CancellationToken.None)).Should().Be(0, "a closed tender is closed once");
    }

    [Fact]
    public async Task A_deadline_that_passed_while_the_service_was_down_closes_at_the_next_start()
    {
        var before = await StartAsync(keepData: true);
        Guid id;
        try
        {
            (id, var deadline) = await PublishAsync(before);
            await before.App.StopAsync();
            _clock.SetUtcNow(deadline.AddDays(2));
        }
        finally
        {
            await before.DisposeAsync();
        }

        await using var after = await StartAsync(keepData: true);

        // The start-up pass runs in the background as the host starts: give it a moment.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await StatusAsync(after, id) != "BiddingClosed" && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        (await StatusAsync(after, id)).Should().Be("BiddingClosed");
    }
}
