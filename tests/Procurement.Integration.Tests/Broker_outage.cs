using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering;
using Procurement.Tendering.Data;
using Procurement.Testing;
using Procurement.Testing.Platform;
using Xunit.Abstractions;

namespace Procurement.Integration.Tests;

/// <summary>
/// A real outage: a RabbitMQ node of this test's own (not the shared one) is stopped under running Tendering
/// and Bidding hosts, and started again on the same port.
/// </summary>
public sealed class Broker_outage(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private PrivateRabbitMqNode? _node;
    private RunningHost? _tendering;
    private RunningHost? _bidding;
    private readonly ConsumeCounter _deliveries = new();

    public async Task InitializeAsync()
    {
        if (RabbitMqSettings.FromEnvironment() is null)
        {
            return; // the test skips; nothing to start
        }

        _node = await PrivateRabbitMqNode.StartAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", "outage-" + Guid.NewGuid().ToString("N"));
        TestSettings Settings() => new()
        {
            RabbitMq = _node.Settings,
            DataDirectory = dataDirectory,
            Values =
            {
                // Short waits, so that the outbox tries again soon after the broker is back.
                ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
                ["Messaging:Outbox:FirstRetryDelay"] = "00:00:00.500",
                ["Messaging:Outbox:MaxRetryDelay"] = "00:00:02",
            },
        };
        Log("private broker started");
        _tendering = await TestHosts.StartAsync(Settings(), "tendering", TenderingModule.Module);
        _bidding = await TestHosts.StartAsync(Settings(), "bidding", BiddingModule.Module);
        _bidding.Services.GetRequiredService<IBus>().ConnectConsumeObserver(_deliveries);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _tendering, _bidding }.OfType<RunningHost>())
        {
            await host.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [BrokerFact]
    public async Task An_event_committed_while_the_broker_is_down_is_published_when_it_is_back()
    {
        var tendering = _tendering!;
        using var purchaser = tendering.CreateClient().WithToken(TestTokens.For(tendering.Services, Roles.Purchaser, Guid.NewGuid(), "purchaser"));
        var programId = await purchaser.CreateProgramAsync("Home care for elders, Street O", "Demo District");
        var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(25), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(1);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(programId, "Published in the dark", 300_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));

        // A tender published before the outage arrives: the path works.
        var before = await purchaser.DraftTenderAsync(NewTender.Standard(programId, "Published in the light", 300_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(before);
        (await WaitForCopiesAsync(before, 1, TimeSpan.FromSeconds(30))).Should().Be(1);

        Log("the first tender arrived; stopping the broker");
        await _node!.StopAsync();
        Log("broker stopped");

        // Committed with the broker down: the request succeeds, the event waits in Tendering's outbox.
        using (var publish = await purchaser.SendPublishAsync(tenderId))
        {
            publish.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The dispatcher tries (each try waits up to PublishTimeout for the broker), fails and backs off.
        var waiting = await OutboxRowAsync(tenderId);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (waiting.Attempts < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            waiting = await OutboxRowAsync(tenderId);
        }

        waiting.Attempts.Should().BeGreaterThanOrEqualTo(2, "the dispatcher tried again after a failure; last error: {0}", waiting.LastError);
        waiting.DispatchedAt.Should().BeNull("the event waits in Tendering's outbox");
        (await CopiesInBiddingAsync(tenderId)).Should().Be(0, "nothing can reach Bidding while the broker is down");

        Log($"the event waits in the outbox after {waiting.Attempts} attempts; restarting the broker");
        await _node.RestartAsync();
        Log("broker back");

        (await WaitForCopiesAsync(tenderId, 1, TimeSpan.FromSeconds(60))).Should().Be(1, "the outbox publishes the event once the broker is back");
        (await OutboxRowAsync(tenderId)).DispatchedAt.Should().NotBeNull();
        Log("the event arrived in Bidding");

        // Exactly once: no second copy from a retried publish, and the one Bidding kept is the outbox's message.
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await CopiesInBiddingAsync(tenderId)).Should().Be(1);
        (await CopiesInBiddingAsync(before)).Should().Be(1);
        (await InboxRowsInBiddingAsync(waiting.Id)).Should().Be(1, "Bidding handled the outbox's message (id {0}) once", waiting.Id);
        Log($"Bidding's consumer saw {_deliveries.Completed} deliveries in all (two tenders; a redelivery would be ignored by its inbox)");
    }

    private void Log(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    /// <summary>Tendering's outbox row of the TenderPublished of <paramref name="tenderId"/>.</summary>
    private async Task<OutboxMessage> OutboxRowAsync(Guid tenderId)
    {
        await using var scope = _tendering!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
        var published = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(TenderPublished)))
            .ToListAsync();
        return published.Should().ContainSingle(m => m.Payload.Contains(tenderId.ToString(), StringComparison.OrdinalIgnoreCase)).Subject;
    }

    private async Task<int> InboxRowsInBiddingAsync(Guid messageId)
    {
        await using var scope = _bidding!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        return await db.InboxMessages.CountAsync(m => m.MessageId == messageId);
    }

    private async Task<int> CopiesInBiddingAsync(Guid tenderId)
    {
        await using var scope = _bidding!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        return await db.OpenTenders.CountAsync(t => t.TenderId == tenderId);
    }

    private async Task<int> WaitForCopiesAsync(Guid tenderId, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int copies;
        while ((copies = await CopiesInBiddingAsync(tenderId)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return copies;
    }
}
