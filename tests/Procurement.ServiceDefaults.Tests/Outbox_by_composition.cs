using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// A context that is not a ServiceDbContext (as Identity's, which must derive from IdentityDbContext) and takes the
/// outbox and the mail outbox by composition.
/// </summary>
public sealed class ComposedDb(DbContextOptions<ComposedDb> options) : DbContext(options), IOutboxContext, IMailOutbox
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.AddMessagingTables(this);
    }
}

/// <summary>Counts changes in the composed context; fails while <see cref="InspectorSwitch.Broken"/>.</summary>
public sealed class ComposedWidgetConsumer(ComposedDb db, TimeProvider clock, ILogger<ComposedWidgetConsumer> logger, InspectorSwitch steer)
    : IdempotentConsumer<ComposedDb, WidgetChanged>(db, clock, logger)
{
    protected override async Task HandleAsync(WidgetChanged message, ConsumeContext<WidgetChanged> context)
    {
        await steer.OnDeliveryAsync();
        Db.Widgets.Add(new Widget { Id = message.WidgetId, Name = message.Name, Changes = 1 });
    }
}

public sealed class Outbox_by_composition
{
    private static readonly ServiceModule Module = new("Composed", builder =>
    {
        builder.Services.AddSingleton<InspectorSwitch>();
        builder.AddServiceDatabase<ComposedDb>("Composed");
        builder.AddConsumers(bus => bus.AddConsumer<ComposedWidgetConsumer>());
    }, _ => { });

    [Fact]
    public async Task An_event_raised_in_a_context_that_is_not_a_ServiceDbContext_is_published_consumed_and_confirmed()
    {
        await using var host = await StartAsync();
        var widgetId = Guid.NewGuid();
        Guid rowId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComposedDb>();
            db.Raise(new WidgetChanged(widgetId, "composed"));
            rowId = ((IOutboxContext)db).OutboxMessages.Local.Single().Id;
            await db.SaveChangesAsync();
        }

        await Poll.UntilAsync(() => InDbAsync(host, db => db.Widgets.AnyAsync(w => w.Id == widgetId)), "the consumer's effect", TimeSpan.FromSeconds(20));
        (await InDbAsync(host, db => ((IOutboxContext)db).InboxMessages.CountAsync(i => i.MessageId == rowId))).Should().Be(1);
        await Poll.UntilAsync(() => InDbAsync(host, db => ((IOutboxContext)db).OutboxMessages.AnyAsync(m => m.Id == rowId && m.DispatchedAt != null)),
            "the outbox row confirmed", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_message_its_consumer_keeps_failing_on_is_a_dead_letter_of_the_composed_context_and_counted()
    {
        await using var host = await StartAsync();
        host.Services.GetRequiredService<InspectorSwitch>().Broken = true;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComposedDb>();
            db.Raise(new WidgetChanged(Guid.NewGuid(), "broken"));
            await db.SaveChangesAsync();
        }

        await Poll.UntilAsync(() => InDbAsync(host, db => ((IOutboxContext)db).DeadLetters.AnyAsync()), "a dead letter", TimeSpan.FromSeconds(30));
        var counts = await host.Services.GetRequiredService<DeadLetterOperations>().CountAsync(CancellationToken.None);
        counts.Should().Contain("composed", 1);
    }

    [Theory]
    [InlineData(DatabaseExtensions.SqlServer)]
    [InlineData(DatabaseExtensions.Sqlite)]
    public void The_composed_messaging_tables_are_those_of_a_ServiceDbContext(string provider)
    {
        using var service = ServiceDesignTimeFactory<WidgetDb>.Create(provider, "widgets");
        using var composed = ServiceDesignTimeFactory<ComposedDb>.Create(provider, "composed");

        var tables = new[] { "OutboxMessages", "InboxMessages", "DeadLetters" };
        foreach (var table in tables)
        {
            Statements(service, table).Should().HaveCountGreaterThan(0, $"the service context has {table}");
            Statements(composed, table).Should().Equal(Statements(service, table), $"{table} on {provider}");
        }

        Statements(composed, "OutgoingMails").Should().NotBeEmpty("the composed context has a mail outbox");
        Statements(service, "OutgoingMails").Should().BeEmpty("a context without IMailOutbox gets no mail table");
    }

    /// <summary>The CREATE TABLE and CREATE INDEX statements of one table in the context's create script.</summary>
    private static List<string> Statements(DbContext context, string table) =>
        [.. context.Database.GenerateCreateScript()
            .Split(["GO", ";\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Contains($"[{table}]", StringComparison.Ordinal) || s.Contains($"\"{table}\"", StringComparison.Ordinal))];

    private static Task<RunningHost> StartAsync() => TestHosts.StartAsync(new TestSettings
    {
        DataDirectory = WidgetModule.TempFolder(),
        Values = new Dictionary<string, string?>
        {
            ["Messaging:Retry:FirstDelay"] = "00:00:00.010",
            ["Messaging:Retry:MaxDelay"] = "00:00:00.050",
            ["Messaging:Retry:DelayStep"] = "00:00:00.010",
        },
    }, "composed", Module);

    private static async Task<T> InDbAsync<T>(RunningHost host, Func<ComposedDb, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ComposedDb>());
    }
}
