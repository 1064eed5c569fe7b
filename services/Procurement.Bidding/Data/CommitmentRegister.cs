using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Data;

/// <summary>
/// The double-counting register (防挂证) in the database: <see cref="StaffCommitment"/> rows under keyed hashes
/// (<see cref="CommitmentTags"/>), indexed by person and by source. Every change goes into the caller's unit of work,
/// so it commits with the bid, the opening or the consumed event that causes it; nothing here saves.
/// </summary>
internal static class CommitmentRegister
{
    /// <summary>
    /// What the people in a plan are already committed to, across every agency: only their own rows are read.
    /// A revision's own earlier rows (<paramref name="revisedBidId"/>) are left out: the new plan replaces them.
    /// </summary>
    public static async Task<FteCommitments> CommitmentsOfAsync(
        this BiddingDb db, CommitmentTags tags, IEnumerable<string> lookupHashes, Guid? revisedBidId, CancellationToken cancellationToken)
    {
        var byTag = lookupHashes.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(tags.Person, h => h, StringComparer.Ordinal);
        if (byTag.Count == 0)
        {
            return FteCommitments.None;
        }

        var revised = revisedBidId is { } id ? tags.Bid(id) : "";
        var rows = await RowsOf.For(db)(db, [.. byTag.Keys], revised).ToListAsync(cancellationToken);

        var byPerson = rows
            .GroupBy(r => byTag[r.Person], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Commitment>)[.. g.Select(r => new Commitment(r.Kind, r.Fte))], StringComparer.OrdinalIgnoreCase);
        return new FteCommitments(byPerson);
    }

    internal sealed record Row(string Person, CommitmentKind Kind, decimal Fte);

    /// <summary>The register rows of these people but the given source's (compiled: a rush reads it once per bid).</summary>
    internal static readonly CompiledQuery<Func<BiddingDb, List<string>, string, IAsyncEnumerable<Row>>> RowsOf = new(() => EF.CompileAsyncQuery(
        (BiddingDb db, List<string> people, string exceptSource) => db.StaffCommitments.AsNoTracking()
            .Where(c => people.Contains(c.Person) && c.Source != exceptSource)
            .Select(c => new Row(c.Person, c.Kind, c.Fte))));

    /// <summary>A new bid commits its plan.</summary>
    public static void CommitNewBid(this BiddingDb db, CommitmentTags tags, Guid bidId, IEnumerable<PlannedPerson> plan) =>
        db.StaffCommitments.AddRange(StaffCommitment.ForBid(tags, bidId, plan));

    /// <summary>A revised bid's plan replaces its earlier one.</summary>
    public static async Task RecommitBidAsync(
        this BiddingDb db, CommitmentTags tags, Guid bidId, IEnumerable<PlannedPerson> plan, CancellationToken cancellationToken)
    {
        await db.ReleaseBidAsync(tags, bidId, cancellationToken);
        db.CommitNewBid(tags, bidId, plan);
    }

    /// <summary>A withdrawn bid, or one that no longer counts, commits no one.</summary>
    public static Task ReleaseBidAsync(this BiddingDb db, CommitmentTags tags, Guid bidId, CancellationToken cancellationToken) =>
        db.RemoveAsync([tags.Bid(bidId)], cancellationToken);

    /// <summary>
    /// The tender's bids stop being open bids (it failed, was cancelled, or was awarded): their rows go, except
    /// the winning bid's, which stay until its contract is activated (or ends without it).
    /// </summary>
    public static async Task ReleaseTenderBidsAsync(
        this BiddingDb db, CommitmentTags tags, Guid tenderId, Guid? exceptBidId, CancellationToken cancellationToken)
    {
        var bidIds = await db.Bids.Where(b => b.TenderId == tenderId && b.Id != exceptBidId).Select(b => b.Id).ToListAsync(cancellationToken);
        await db.RemoveAsync(bidIds.Select(tags.Bid).ToList(), cancellationToken);
    }

    /// <summary>
    /// A contract was activated on a bid: the bid's open-bid rows become the contract's. For a renewal the successor
    /// takes the same people on: the predecessor's rows move to it, or — when the renewal was won with a bid of its
    /// own — they go and that bid's rows count instead. A redelivery finds the contract's rows there and changes nothing.
    /// </summary>
    /// <returns>False when the bid is unknown here: nothing is committed.</returns>
    public static async Task<bool> CommitContractAsync(
        this BiddingDb db, CommitmentTags tags, Guid contractId, Guid bidId, Guid? predecessorId, CancellationToken cancellationToken)
    {
        if (!await db.Bids.AnyAsync(b => b.Id == bidId, cancellationToken))
        {
            return false;
        }

        var contract = tags.Contract(contractId);
        var bid = tags.Bid(bidId);
        var predecessor = predecessorId is { } id ? tags.Contract(id) : null;
        var rows = await db.StaffCommitments
            .Where(c => c.Source == bid || c.Source == contract || c.Source == predecessor)
            .ToListAsync(cancellationToken);
        if (rows.Any(r => r.Source == contract))
        {
            return true;
        }

        var taken = rows.Any(r => r.Source == bid) ? rows.Where(r => r.Source == bid) : rows.Where(r => r.Source == predecessor);
        var moved = taken.ToList();
        moved.ForEach(r => r.MoveToContract(contract));
        db.StaffCommitments.RemoveRange(rows.Except(moved));
        return true;
    }

    /// <summary>A contract ended (completed or terminated): its people are free again.</summary>
    public static Task ReleaseContractAsync(this BiddingDb db, CommitmentTags tags, Guid contractId, CancellationToken cancellationToken) =>
        db.RemoveAsync([tags.Contract(contractId)], cancellationToken);

    private static async Task RemoveAsync(this BiddingDb db, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var rows = await db.StaffCommitments.Where(c => sources.Contains(c.Source)).ToListAsync(cancellationToken);
        db.StaffCommitments.RemoveRange(rows);
    }
}
