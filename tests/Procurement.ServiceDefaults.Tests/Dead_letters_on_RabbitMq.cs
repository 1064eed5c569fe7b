using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>The distributed mode keeps dead letters the same way, and a replay reaches the consumer's RabbitMQ queue.</summary>
public sealed class Dead_letters_on_RabbitMq : IAsyncLifetime
{
    private const int BrokerPatienceSeconds = 90;

    private static readonly RabbitMqSettings? Broker = RabbitMqSettings.FromEnvironment();

    private RunningHost? _host;

    public async Task InitializeAsync()
    {
        if (Broker is not null)
        {
            _host = await TestHosts.StartAsync(
                new TestSettings
                {
                    RabbitMq = Broker,
                    Values =
                    {
                        ["Messaging:Retry:FirstDelay"] = "00:00:00.010",
                        ["Messaging:Retry:MaxDelay"] = "00:00:00.050",
                        ["Messaging:Retry:DelayStep"] = "00:00:00.010",
                    },
                },
                "widgets", WidgetModule.Module);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [NeedsBroker]
    public async Task A_dead_letter_is_kept_in_the_database_and_a_replay_reaches_the_consumer_through_the_broker()
    {
        var host = _host ?? throw new InvalidOperationException("The broker's settings are exported but no host started.");
        // A publish before the consumer's queue is declared and bound is unroutable: the broker confirms and drops it.
        // Wait until the receive endpoints are up, as a deployed consumer is long before the events it reads.
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(BrokerPatienceSeconds));
        health.Should().Be(BusHealthStatus.Healthy, "the bus and its receive endpoints are up before the test publishes");
        var inspector = host.Services.GetRequiredService<InspectorSwitch>();
        inspector.Broken = true;
        var id = await host.ChangeWidgetAsync("broken on the broker");
        // The first publish also connects to the broker and declares its topology: slow when every test project starts at once.
        await host.EventuallyAsync(db => db.DeadLetters.AnyAsync(d => d.MessageId == id), "the message is dead-lettered", seconds: BrokerPatienceSeconds);
        var letter = await host.InDbAsync(db => db.DeadLetters.SingleAsync(d => d.MessageId == id));
        letter.Endpoint.Should().EndWith("widget-inspector");
        (await host.InDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id))).DispatchedAt.Should().NotBeNull("the broker confirmed it");

        inspector.Broken = false;
        using var admin = host.CreateClient().WithToken(TestTokens.For(host.Services, Roles.Admin, Guid.NewGuid()));
        using var replay = await admin.PostAsync(new Uri($"/api/operations/dead-letters/{letter.Id}/replay", UriKind.Relative), content: null);

        replay.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await host.EventuallyAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == letter.Consumer), "the replay is consumed", seconds: BrokerPatienceSeconds);
        (await host.InDbAsync(db => db.DeadLetters.AnyAsync())).Should().BeFalse();
    }
}
