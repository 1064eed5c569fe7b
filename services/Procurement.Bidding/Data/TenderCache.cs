using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Data;

/// <summary>
/// The open tender and its data key, as a bid submission reads them, kept in memory: in a deadline rush every bid
/// reads the same two rows. A save of this process that changes a tender or its data key (publication, amendment,
/// cancellation, closing, a master-key rotation) drops them once it has committed; an entry is also read again after
/// <see cref="Freshness"/>, which bounds how long a change committed by another process on the same database
/// (another replica of the service) can go unseen. A read that raced with a change is not kept.
/// </summary>
public sealed class TenderCache
{
    /// <summary>How long an entry is used before it is read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _changes;

    /// <summary>The tender (null if Bidding does not know it) and its data key (null if it has none yet), both untracked.</summary>
    public async Task<(OpenTender? Tender, TenderDataKey? Key)> ReadAsync(BiddingDb db, Guid tenderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_entries.TryGetValue(tenderId, out var entry) && Stopwatch.GetElapsedTime(entry.ReadAt) < Freshness)
        {
            return (entry.Tender, entry.Key);
        }

        var changes = Interlocked.Read(ref _changes);
        var tender = await db.OpenTenders.AsNoTracking().FirstOrDefaultAsync(t => t.TenderId == tenderId, cancellationToken);
        var key = tender is null ? null : await db.TenderDataKeys.AsNoTracking().FirstOrDefaultAsync(k => k.TenderId == tenderId, cancellationToken);
        if (tender is not null && key is not null && Interlocked.Read(ref _changes) == changes)
        {
            _entries[tenderId] = new Entry(tender, key, Stopwatch.GetTimestamp());
        }

        return (tender, key);
    }

    /// <summary>A save that changed these tenders (or their keys) has committed: they are read again next time.</summary>
    public void Forget(IReadOnlyCollection<Guid> tenderIds)
    {
        ArgumentNullException.ThrowIfNull(tenderIds);
        if (tenderIds.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _changes);
        foreach (var tenderId in tenderIds)
        {
            _entries.TryRemove(tenderId, out _);
        }
    }

    /// <summary>The tenders whose row or data key the context's next save changes.</summary>
    internal static IReadOnlyCollection<Guid> ChangedIn(DbContext db)
    {
        HashSet<Guid>? changed = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case OpenTender tender:
                    (changed ??= []).Add(tender.TenderId);
                    break;
                case TenderDataKey key:
                    (changed ??= []).Add(key.TenderId);
                    break;
            }
        }

        return (IReadOnlyCollection<Guid>?)changed ?? [];
    }

    private sealed record Entry(OpenTender Tender, TenderDataKey Key, long ReadAt);
}
