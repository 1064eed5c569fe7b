using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Procurement.ServiceDefaults.Audit;
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

    private readonly List<Pending> _events = [];

    /// <summary>The events not yet taken, oldest first.</summary>
    public IReadOnlyList<object> All => [.. _events.Select(e => e.Event)];

    /// <summary>Records <paramref name="integrationEvent"/>; it is saved with the next save that saves the aggregate's change.</summary>
    public void Record(object integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _events.Add(new Pending(Interlocked.Increment(ref _recorded), integrationEvent, AfterFailedSave: false));
    }

    internal List<Pending> Take()
    {
        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }

    /// <summary>Puts back events a failed save had taken, before any recorded since, marked as such.</summary>
    internal void Restore(IEnumerable<Pending> taken) => _events.InsertRange(0, taken.Select(p => p with { AfterFailedSave = true }));

    internal sealed record Pending(long Order, object Event, bool AfterFailedSave);
}

/// <summary>
/// The save step every service's unit of work runs (<see cref="ServiceDbContext"/>, and Identity's context). It writes the
/// unit of work's <see cref="AuditEntry"/> (<see cref="AuditTrail.Capture"/>) into the same save. The pending
/// events of the tracked aggregates whose change is being saved go into the outbox, in the order they were recorded, in
/// the same transaction. When the save fails, the outbox rows are withdrawn and the events go back to their aggregates,
/// marked: a later save of the same context saves them only if it writes the aggregate again (a retry of the same unit of
/// work), once; if the aggregate has nothing to save by then (reloaded, or its change undone) they are dropped, since
/// they announce a change that was not made.
/// </summary>
public static class AggregateEvents
{
    /// <summary>Runs <paramref name="save"/> with the pending events of the tracked aggregates in its unit of work.</summary>
    public static async Task<int> SaveWithEventsAsync(this DbContext db, Func<Task<int>> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        var taken = TakePending(db);
        var audit = AuditTrail.Capture(db);
        try
        {
            // The audit entry is the save's record, not one of its changes: the count is what the caller saved.
            return await save() - (audit is null ? 0 : 1);
        }
        catch
        {
            Withdraw(db, taken, audit);
            throw;
        }
    }

    /// <inheritdoc cref="SaveWithEventsAsync"/>
    public static int SaveWithEvents(this DbContext db, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        var taken = TakePending(db);
        var audit = AuditTrail.Capture(db);
        try
        {
            return save() - (audit is null ? 0 : 1);
        }
        catch
        {
            Withdraw(db, taken, audit);
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
            if (events.Any(e => e.AfterFailedSave) && !Changes(entry))
            {
                events.RemoveAll(e => e.AfterFailedSave);
            }

            taken.AddRange(events.Select(e => new Taken(pending, e, null)));
        }

        return [.. taken.OrderBy(t => t.Event.Order).Select(t => t with { Message = outbox.Enqueue(t.Event.Event) })];
    }

    private static void Withdraw(DbContext db, List<Taken> taken, AuditEntry? audit)
    {
        if (audit is not null)
        {
            db.Entry(audit).State = EntityState.Detached;
        }

        foreach (var message in taken.Select(t => t.Message))
        {
            db.Entry(message!).State = EntityState.Detached;
        }

        foreach (var group in taken.GroupBy(t => t.Pending))
        {
            group.Key.Restore(group.Select(t => t.Event));
        }
    }

    /// <summary>Whether the save writes the aggregate: its own row, or an owned part of it.</summary>
    private static bool Changes(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        || entry.References.Any(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { } owned && Changes(owned))
        || entry.Collections.Any(c => c.Metadata.TargetEntityType.IsOwned()
            && (c.CurrentValue?.Cast<object>().Any(item => c.FindEntry(item) is { } owned && Changes(owned)) ?? false));

    private sealed record Taken(PendingEvents Pending, PendingEvents.Pending Event, OutboxMessage? Message);
}
