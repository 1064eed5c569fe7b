using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Data;

/// <summary>
/// The double-counting register (防挂证) in the database: <see cref="StaffCommitment"/> rows, indexed by the
/// person's ID lookup hash. Every change goes into the caller's unit of work, so it commits with the bid, the
/// opening or the consumed event that causes it; nothing here saves.
/// </summary>
internal static class CommitmentRegister
{
    /// <summary>What the people in a plan are already committed to, across every agency: only their own rows are read.</summary>
    public static async Task<FteCommitments> CommitmentsOfAsync(this BiddingDb db, IEnumerable<string> lookupHashes, CancellationToken cancellationToken)
    {
        var wanted = lookupHashes.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return FteCommitments.None;
        }

        var rows = await db.StaffCommitments.AsNoTracking()
            .Where(c => wanted.Contains(c.IdLookupHash))
            .OrderBy(c => c.Since)
            .ToListAsync(cancellationToken);
        var byPerson = rows
            .GroupBy(r => r.IdLookupHash, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Commitment>)[.. g.Select(r => r.ToCommitment())], StringComparer.OrdinalIgnoreCase);
        return new FteCommitments(byPerson);
    }

    /// <summary>A new bid commits its plan.</summary>
    public static void CommitNewBid(this BiddingDb db, Bid bid, string tenderTitle, string agencyName, DateTimeOffset now) =>
        db.StaffCommitments.AddRange(StaffCommitment.ForBid(bid, tenderTitle, agencyName, now));

    /// <summary>A revised bid's plan replaces its earlier one.</summary>
    public static async Task RecommitBidAsync(this BiddingDb db, Bid bid, string tenderTitle, string agencyName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.ReleaseBidAsync(bid.Id, cancellationToken);
        db.CommitNewBid(bid, tenderTitle, agencyName, now);
    }

    /// <summary>A withdrawn bid, or one that no longer counts, commits no one.</summary>
    public static async Task ReleaseBidAsync(this BiddingDb db, Guid bidId, CancellationToken cancellationToken)
    {
        var rows = await db.StaffCommitments.Where(c => c.BidId == bidId && c.Kind == CommitmentKind.OpenBid).ToListAsync(cancellationToken);
        db.StaffCommitments.RemoveRange(rows);
    }

    /// <summary>
    /// The tender's bids stop being open bids (it failed, was cancelled, or was awarded): their rows go, except
    /// the winning bid's, which stay until its contract is activated (or ends without it).
    /// </summary>
    public static async Task ReleaseTenderBidsAsync(this BiddingDb db, Guid tenderId, Guid? exceptBidId, CancellationToken cancellationToken)
    {
        var rows = await db.StaffCommitments
            .Where(c => c.TenderId == tenderId && c.Kind == CommitmentKind.OpenBid && c.BidId != exceptBidId)
            .ToListAsync(cancellationToken);
        db.StaffCommitments.RemoveRange(rows);
    }

    /// <summary>
    /// A contract was activated on a bid: the bid's plan becomes the contract's commitment, replacing the bid's
    /// open-bid rows and, for a renewal, the predecessor contract's rows (the successor takes the same people on).
    /// </summary>
    /// <returns>False when the bid is unknown here: nothing is committed.</returns>
    public static async Task<bool> CommitContractAsync(
        this BiddingDb db, Guid contractId, Guid bidId, Guid? predecessorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bid = await db.Bids.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        if (bid is null)
        {
            return false;
        }

        var replaced = await db.StaffCommitments
            .Where(c => c.BidId == bidId || c.ContractId == contractId || (predecessorId != null && c.ContractId == predecessorId))
            .ToListAsync(cancellationToken);
        db.StaffCommitments.RemoveRange(replaced);
        var title = await db.OpenTenders.Where(t => t.TenderId == bid.TenderId).Select(t => t.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
        var agencyName = await db.Agencies.Where(a => a.Id == bid.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        db.StaffCommitments.AddRange(StaffCommitment.ForContract(
            contractId, bid.Id, bid.TenderId, bid.AgencyId, bid.PlannedPeople, title, agencyName, now));
        return true;
    }

    /// <summary>A contract ended (completed or terminated): its people are free again.</summary>
    public static async Task ReleaseContractAsync(this BiddingDb db, Guid contractId, CancellationToken cancellationToken)
    {
        var rows = await db.StaffCommitments.Where(c => c.ContractId == contractId).ToListAsync(cancellationToken);
        db.StaffCommitments.RemoveRange(rows);
    }
}
