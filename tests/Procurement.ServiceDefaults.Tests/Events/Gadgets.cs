using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Tests.Events;

public sealed record GadgetRenamed(Guid GadgetId, string Name, int Version);

/// <summary>An aggregate that records its own event, as the services' aggregates do (issue 16 item 14).</summary>
public sealed class Gadget : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private Gadget()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Version { get; private set; }

    public static Gadget Make(string name)
    {
        var gadget = new Gadget { Id = Guid.NewGuid(), Version = 1 };
        gadget.Name = Checked(name);
        gadget._events.Record(new GadgetRenamed(gadget.Id, gadget.Name, gadget.Version));
        return gadget;
    }

    public PendingEvents PendingEvents() => _events;

    /// <summary>Renames; a blank name is refused before anything changes.</summary>
    public void Rename(string name)
    {
        Name = Checked(name);
        Version++;
        _events.Record(new GadgetRenamed(Id, Name, Version));
    }

    private static string Checked(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A gadget needs a name.", nameof(name)) : name.Trim();
}

public sealed class GadgetDb(DbContextOptions<GadgetDb> options) : ServiceDbContext(options)
{
    public DbSet<Gadget> Gadgets => Set<Gadget>();

    /// <summary>A context on its own connection to a shared in-memory SQLite database.</summary>
    public static GadgetDb On(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<GadgetDb>().UseSqlite(connection).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Gadget>(gadget =>
        {
            gadget.HasKey(g => g.Id);
            gadget.HasIndex(g => g.Name).IsUnique();
            gadget.Property(g => g.Version).IsConcurrencyToken();
        });
    }
}
