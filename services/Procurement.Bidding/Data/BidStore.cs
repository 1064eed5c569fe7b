using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Data;

/// <summary>The queries and writes the bid endpoints and the opening share.</summary>
internal static class BidStore
{
    /// <summary>The tender's data key, created (and added to the unit of work) if the tender has none yet.</summary>
    public static async Task<TenderDataKey> DataKeyForAsync(this BiddingDb db, BidSealer sealer, Guid tenderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = await db.TenderDataKeys.FirstOrDefaultAsync(k => k.TenderId == tenderId, cancellationToken);
        if (key is null)
        {
            key = sealer.CreateDataKey(tenderId, now);
            db.TenderDataKeys.Add(key);
        }

        return key;
    }

    /// <summary>
    /// An agency's bids, live and withdrawn, untracked. Asked as two queries joined in SQL, each with the term of one of
    /// the two partial indexes over agency and tender (<see cref="BidConfiguration"/>): one query for all of them would
    /// imply neither index's filter and read the whole table.
    /// </summary>
    public static IQueryable<Bid> OwnBids(this BiddingDb db, Guid agencyId) =>
        db.Bids.AsNoTracking().Where(b => b.AgencyId == agencyId && b.Status != BidStatus.Withdrawn)
            .Concat(db.Bids.AsNoTracking().Where(b => b.AgencyId == agencyId && b.Status == BidStatus.Withdrawn));

    /// <summary>The records as the next links of the audit chain, after its last saved row; not yet added.</summary>
    public static async Task<IReadOnlyList<UnsealAuditEntry>> ChainAsync(this BiddingDb db, IReadOnlyList<UnsealRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var previous = await db.UnsealAudit.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var chained = new List<UnsealAuditEntry>();
        foreach (var record in records)
        {
            previous = UnsealAuditEntry.After(previous, record);
            chained.Add(previous);
        }

        return chained;
    }

    /// <summary>
    /// Adds the unseal records to the audit chain and saves everything in one transaction (<see cref="BiddingDb.ChainOnSave"/>).
    /// Another writer that took the same place in the chain (another process on the same database) makes the insert fail
    /// on the sequence key: the save is then tried again, the records re-linked after the new last row (a few times).
    /// </summary>
    public static async Task SaveWithAuditAsync(this BiddingDb db, IReadOnlyList<UnsealRecord> records, CancellationToken cancellationToken)
    {
        db.ChainOnSave(records);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (SaveOrConflict.IsDuplicateKey(exception) && records.Count > 0 && attempt < 5)
            {
                // Tried again below: the chain is re-linked inside the save.
            }
        }
    }
}
