using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// An aggregate that records the integration events of its own changes (issue 16 item 14): the method that changes its
/// state adds the event to <see cref="PendingEvents"/>, built from the aggregate and the method's arguments, and the unit
/// of work that saves the change puts the event into the outbox in the same transaction (<see cref="AggregateEvents"/>).
/// </summary>
public interface IRecordsEvents
{
    /// <summary>The events this instance recorded and no save has taken yet (a method, so that no model maps it).</summary>
    PendingEvents PendingEvents();
}

/// <summary>The events an aggregate recorded, in the order every aggregate of the process recorded them.</summary>
public sealed class PendingEvents
{
    private static long _recorded;

    private readonly List<(long Order, object Event)> _events = [];

    /// <summary>The events not yet taken, oldest first.</summary>
    public IReadOnlyList<object> All => [.. _events.Select(e => e.Event)];

    /// <summary>Records <paramref name="integrationEvent"/>; it is saved with the next save that saves the aggregate's change.</summary>
    public void Record(object integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _events.Add((Interlocked.Increment(ref _recorded), integrationEvent));
    }

    internal List<(long Order, object Event)> Take()
    {
        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }

    /// <summary>Puts back events a failed save had taken, before any recorded since.</summary>
    internal void Restore(IEnumerable<(long Order, object Event)> taken) => _events.InsertRange(0, taken);
}

/// <summary>
/// The save step every service's unit of work runs (<see cref="ServiceDbContext"/>, and Identity's context): the pending
/// events of the tracked aggregates whose change is being saved go into the outbox, in the order they were recorded, in
/// the same transaction. An aggregate tracked with nothing to save (its change reverted, or reloaded after a failed save)
/// has its events dropped: they announce a change that is not made. When the save fails, the outbox rows are withdrawn
/// and the events go back to their aggregates, so only a save that does save the change (a retry of the same unit of
/// work) saves them — once.
/// </summary>
public static class AggregateEvents
{
    /// <summary>Runs <paramref name="save"/> with the pending events of the tracked aggregates in its unit of work.</summary>
    public static async Task<int> SaveWithEventsAsync(this DbContext db, Func<Task<int>> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        var taken = TakePending(db);
        try
        {
            return await save();
        }
        catch
        {
            Withdraw(db, taken);
            throw;
        }
    }

    /// <inheritdoc cref="SaveWithEventsAsync"/>
    public static int SaveWithEvents(this DbContext db, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        var taken = TakePending(db);
        try
        {
            return save();
        }
        catch
        {
            Withdraw(db, taken);
            throw;
        }
    }

    private static List<Taken> TakePending(DbContext db)
    {
        if (db is not IOutboxContext outbox)
        {
            return [];
        }

        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var taken = new List<Taken>();
        foreach (var entry in db.ChangeTracker.Entries<IRecordsEvents>().ToList())
        {
            var pending = entry.Entity.PendingEvents();
            var events = pending.Take();
            if (events.Count > 0 && Changes(entry))
            {
                taken.AddRange(events.Select(e => new Taken(pending, e.Order, e.Event, null)));
            }
        }

        return [.. taken.OrderBy(t => t.Order).Select(t => t with { Message = outbox.Enqueue(t.Event) })];
    }

    private static void Withdraw(DbContext db, List<Taken> taken)
    {
        foreach (var message in taken.Select(t => t.Message))
        {
            db.Entry(message!).State = EntityState.Detached;
        }

        foreach (var group in taken.GroupBy(t => t.Pending))
        {
            group.Key.Restore(group.Select(t => (t.Order, t.Event)));
        }
    }

    /// <summary>Whether the save writes the aggregate: its own row, or an owned part of it.</summary>
    private static bool Changes(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        || entry.References.Any(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { } owned && Changes(owned))
        || entry.Collections.Any(c => c.Metadata.TargetEntityType.IsOwned()
            && (c.CurrentValue?.Cast<object>().Any(item => c.FindEntry(item) is { } owned && Changes(owned)) ?? false));

    private sealed record Taken(PendingEvents Pending, long Order, object Event, OutboxMessage? Message);
}
