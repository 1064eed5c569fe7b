using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Data;

/// <summary>The queries and writes the bid endpoints and the opening share.</summary>
internal static class BidStore
{
    /// <summary>
    /// The double-counting register (防挂证) for the people in a plan, across every agency. What counts as an
    /// open bid: a bid <see cref="BidStatus.Submitted"/> or <see cref="BidStatus.NeedsReconfirmation"/> whose
    /// tender is still taking bids (<see cref="OpenTenderStatus.Open"/>). Withdrawn bids commit no one; bids of
    /// a cancelled tender, or of one whose bidding has closed, no longer count here (once opened they belong to
    /// evaluation, and a won bid comes back as a contract). Contracts are not yet known to Bidding, so only
    /// open bids are counted for now.
    /// </summary>
    public static async Task<FteCommitments> CommitmentsOfAsync(this BiddingDb db, IEnumerable<string> lookupHashes, CancellationToken cancellationToken)
    {
        var wanted = lookupHashes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            return FteCommitments.None;
        }

        var open = await (
            from bid in db.Bids.AsNoTracking()
            join tender in db.OpenTenders on bid.TenderId equals tender.TenderId
            join agency in db.Agencies on bid.AgencyId equals agency.Id
            where (bid.Status == BidStatus.Submitted || bid.Status == BidStatus.NeedsReconfirmation) && tender.Status == OpenTenderStatus.Open
            select new { bid.Id, tender.Title, AgencyName = agency.Name, People = EF.Property<List<PlannedPerson>>(bid, "_commitments") })
            .ToListAsync(cancellationToken);

        var byPerson = open
            .SelectMany(b => b.People.Where(p => wanted.Contains(p.IdLookupHash))
                .Select(p => (p.IdLookupHash, Commitment: new Commitment(CommitmentKind.OpenBid, b.Id, b.Title, b.AgencyName, p.Fte))))
            .GroupBy(x => x.IdLookupHash, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Commitment>)[.. g.Select(x => x.Commitment)], StringComparer.OrdinalIgnoreCase);
        return new FteCommitments(byPerson);
    }

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
    /// Adds the unseal records to the audit chain and saves everything in one transaction. Another writer that
    /// took the same place in the chain makes the insert fail on the sequence key: the audit rows are then
    /// re-chained after the new last row and the save is tried again (a few times).
    /// </summary>
    public static async Task SaveWithAuditAsync(this BiddingDb db, IReadOnlyList<UnsealRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var added = await db.ChainAsync(records, cancellationToken);
            db.UnsealAudit.AddRange(added);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException && added.Count > 0 && attempt < 5)
            {
                foreach (var entry in added)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }
            }
        }
    }
}
