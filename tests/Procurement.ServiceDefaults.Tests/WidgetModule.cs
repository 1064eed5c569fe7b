using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// Decides what <see cref="WidgetInspector"/> does with a delivery: fail while <see cref="Broken"/>, wait while the
/// first <see cref="Hold"/> deliveries are held, and count every call.
/// </summary>
public sealed class InspectorSwitch
{
    private readonly SemaphoreSlim _release = new(0, int.MaxValue);
    private int _calls;
    private int _held;

    public volatile bool Broken;

    /// <summary>How many deliveries, from the first, wait until <see cref="Release"/>.</summary>
    public int Hold { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _release.Release(int.MaxValue / 2);

    public async Task OnDeliveryAsync()
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Increment(ref _held) <= Hold)
        {
            await _release.WaitAsync(TimeSpan.FromSeconds(30));
        }

        if (Broken)
        {
            throw new InvalidOperationException("The inspector is broken (test switch).");
        }
    }
}

/// <summary>A second consumer of <see cref="WidgetChanged"/>, in the same service, steered by <see cref="InspectorSwitch"/>.</summary>
public sealed class WidgetInspector(WidgetDb db, TimeProvider clock, ILogger<WidgetInspector> logger, InspectorSwitch steer)
    : IdempotentConsumer<WidgetDb, WidgetChanged>(db, clock, logger)
{
    protected override Task HandleAsync(WidgetChanged message, ConsumeContext<WidgetChanged> context) => steer.OnDeliveryAsync();
}

/// <summary>A service of widgets for host tests: its database, and two consumers of its own <see cref="WidgetChanged"/>.</summary>
public static class WidgetModule
{
    public static ServiceModule Module { get; } = new("Widgets", builder =>
    {
        builder.Services.AddSingleton<InspectorSwitch>();
        builder.AddServiceDatabase<WidgetDb>("Widgets");
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<WidgetChangedConsumer>();
            bus.AddConsumer<WidgetInspector>();
        });
    }, _ => { });

    /// <summary>A widgets host on the in-memory bus with quick retries; <paramref name="values"/> add or override settings.</summary>
    public static Task<RunningHost> StartAsync(string dataDirectory, Dictionary<string, string?>? values = null)
    {
        var settings = new TestSettings
        {
            DataDirectory = dataDirectory,
            Values = new Dictionary<string, string?>
            {
                ["Messaging:Retry:FirstDelay"] = "00:00:00.010",
                ["Messaging:Retry:MaxDelay"] = "00:00:00.050",
                ["Messaging:Retry:DelayStep"] = "00:00:00.010",
            },
        };
        foreach (var (key, value) in values ?? [])
        {
            settings.Values[key] = value;
        }

        return TestHosts.StartAsync(settings, "widgets", Module);
    }

    /// <summary>Changes a widget through the host's own database: the change and its event commit together.</summary>
    public static async Task<Guid> ChangeWidgetAsync(this RunningHost host, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDb>();
        var widget = new Widget { Id = Guid.NewGuid(), Name = name };
        db.Widgets.Add(widget);
        db.Raise(new WidgetChanged(widget.Id, name));
        var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static async Task<T> InDbAsync<T>(this RunningHost host, Func<WidgetDb, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WidgetDb>());
    }

    /// <summary>Polls <paramref name="read"/> until it holds, for <paramref name="seconds"/> at most; fails naming <paramref name="what"/>.</summary>
    public static Task EventuallyAsync(this RunningHost host, Func<WidgetDb, Task<bool>> read, string what, int seconds = 20) =>
        Poll.UntilAsync(() => host.InDbAsync(read), what, TimeSpan.FromSeconds(seconds));

    public static string TempFolder() => Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
}
