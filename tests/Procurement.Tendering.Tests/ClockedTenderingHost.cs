using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// A Tendering host on a fake clock, starting 2026-11-02 09:00 Beijing time, with the MassTransit test harness: for
/// tests that feed it other services' events (<see cref="SendAsync"/>) and move the clock.
/// </summary>
internal sealed class ClockedTenderingHost : IAsyncDisposable
{
    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private ClockedTenderingHost(RunningHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public RunningHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    public static async Task<ClockedTenderingHost> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var host = await TestHosts.StartAsync(
            new TestSettings
            {
                TestHarness = true,
                Values = { ["Tendering:CloseCheckInterval"] = "40.00:00:00" },
                Configure = b => b.Services.AddSingleton<TimeProvider>(clock),
            },
            "tendering", TenderingModule.Module);
        var started = new ClockedTenderingHost(host, clock);
        started.Harness.Bus.ConnectConsumeObserver(started._deliveries);
        return started;
    }

    /// <summary>Publishes <paramref name="message"/> (with a new message id unless given one) and waits until it is consumed, without a fault.</summary>
    public async Task SendAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        await Harness.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
