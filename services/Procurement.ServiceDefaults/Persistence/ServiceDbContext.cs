using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// The base of every service's DbContext: it carries the transactional outbox and the idempotent inbox
/// (<see cref="IOutboxContext"/>), so a state change and the events it raises (or the message it consumed) are saved
/// in one SaveChanges, which EF Core runs in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    internal static JsonSerializerOptions EventJson => OutboxContext.EventJson;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Messages this service's consumers failed on after every retry, until replayed (see <see cref="DeadLetter"/>).</summary>
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();

    /// <summary>The service's state changes, linked into its hash chain (<see cref="Audit.AuditEntry"/>).</summary>
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>The app's clock where the context came from DI; the system clock at design time.</summary>
    protected TimeProvider Clock => _clock ??= OutboxContext.ClockOf(this);

    private TimeProvider? _clock;

    /// <summary>Adds an integration event to the outbox; it is published only if this unit of work commits.</summary>
    public void Raise<TEvent>(TEvent integrationEvent)
        where TEvent : class => OutboxContext.Raise(this, integrationEvent);

    /// <summary>Saves, with the events the tracked aggregates recorded (<see cref="AggregateEvents"/>) in the same transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        this.SaveWithEvents(() => base.SaveChanges(acceptAllChangesOnSuccess));

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        this.SaveWithEventsAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // The model differs by provider (see ConfigureConventions), so the cached model must too. The options of the
        // hosts' contexts have it already (DatabaseExtensions.UseProvider), and a pooled context's options may not change here.
        var replaced = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ReplacedServices;
        if (replaced?.ContainsKey((typeof(IModelCacheKeyFactory), null)) != true)
        {
            optionsBuilder.ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text; store them as binary
        // there. The SQL Server model (and its migrations) keep the native datetimeoffset.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables(this);
}

internal sealed class ProviderAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
