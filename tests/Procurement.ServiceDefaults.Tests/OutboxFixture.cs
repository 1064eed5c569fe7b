using System.Reflection;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>A thing a test service changes; each change raises <see cref="WidgetChanged"/>.</summary>
public sealed class Widget
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Changes { get; set; }
}

public sealed class WidgetDb(DbContextOptions<WidgetDb> options) : ServiceDbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Widget>().HasIndex(w => w.Name).IsUnique();
    }
}

/// <summary>
/// A SQLite database with the outbox, a MassTransit test harness on the in-memory transport, and a
/// bus in front of it that can be taken "down" as a broker outage would.
/// </summary>
public sealed class OutboxFixture : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public OutboxFixture()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<OutboxSignals>();
        services.AddDbContext<WidgetDb>(options => options.UseSqlite($"Data Source={Path.Combine(_folder, "widgets.db")}"));
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<WidgetChangedConsumer>();
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(20), testInactivityTimeout: TimeSpan.FromSeconds(1));
        });
        Services = services.BuildServiceProvider();
        Harness = Services.GetRequiredService<ITestHarness>();
        Bus = FlakyBus.Wrap(Services.GetRequiredService<IBus>());
        Dispatcher = new OutboxDispatcher<WidgetDb>(
            Services.GetRequiredService<IServiceScopeFactory>(), Bus, Services.GetRequiredService<OutboxSignals>(), Clock,
            Options.Create(new OutboxOptions { PublishTimeout = TimeSpan.FromSeconds(2) }), NullLogger<OutboxDispatcher<WidgetDb>>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public ITestHarness Harness { get; }

    public IBus Bus { get; }

    public OutboxDispatcher<WidgetDb> Dispatcher { get; }

    public bool BrokerDown
    {
        get => ((FlakyBus)(object)Bus).Down;
        set => ((FlakyBus)(object)Bus).Down = value;
    }

    public async Task StartAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WidgetDb>().Database.EnsureCreatedAsync();
        await Harness.Start();
    }

    public async Task<T> InScopeAsync<T>(Func<WidgetDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WidgetDb>());
    }

    public Task InScopeAsync(Func<WidgetDb, Task> work) => InScopeAsync(async db =>
    {
        await work(db);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>An <see cref="IBus"/> that refuses every publish while <see cref="Down"/>, as a bus whose broker is gone.</summary>
public class FlakyBus : DispatchProxy
{
    private IBus _inner = null!;

    public bool Down { get; set; }

    public static IBus Wrap(IBus inner)
    {
        var proxy = Create<IBus, FlakyBus>();
        ((FlakyBus)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (Down && targetMethod!.Name is "Publish")
        {
            throw new RabbitMqConnectionLost("The broker is unreachable (simulated outage).");
        }

        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            throw wrapped.InnerException;
        }
    }
}

public sealed class RabbitMqConnectionLost(string message) : Exception(message);
