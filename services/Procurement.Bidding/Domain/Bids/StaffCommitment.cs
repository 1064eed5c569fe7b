namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// One row of the double-counting register (防挂证, DOMAIN.md §4): some person's FTE given to one open bid or one
/// active contract. Both the person and what they are committed to are keyed hashes (<see cref="CommitmentTags"/>):
/// a row names no one, no bid, no tender and no agency, so the register shows a database reader nothing of who bid
/// on which tender with whom — the staffing plan itself rests only inside the bid's sealed content. The service,
/// holding the key, still finds a person's rows across agencies, and a bid's or a contract's rows.
/// The rows are written in the same transaction as what commits or frees the person:
/// <list type="bullet">
/// <item>a bid's submission adds its plan's rows (<see cref="CommitmentKind.OpenBid"/>), a revision replaces them,
/// a withdrawal removes them;</item>
/// <item>at the opening, a bid that does not count (still awaiting reconfirmation) loses its rows; an opened bid keeps
/// them while the panel evaluates, since it may still win;</item>
/// <item>a tender that fails, is cancelled, or is awarded to another bid frees the rows of its bids (the award frees
/// every bid but the winner's);</item>
/// <item>a contract activated on a bid turns that bid's rows into <see cref="CommitmentKind.ActiveContract"/> rows
/// (and a renewal takes over its predecessor's); the contract's end removes them.</item>
/// </list>
/// Deliberately absent: a time (it would line a row up with its bid's submission time) and a sequential id (a
/// version-7 Guid carries its creation time), for the same reason. For the same reason its rows are not on the audit
/// chain (<see cref="ServiceDefaults.Audit.NotAuditedAttribute"/>): an entry would put them beside the bid whose save
/// wrote them, with a time, their count and their FTE — the sealed staffing plan in the clear. The bid's own change is on
/// the chain, with the hash of its sealed content, and the register follows from it.
/// </summary>
[ServiceDefaults.Audit.NotAudited]
public sealed class StaffCommitment
{
    private StaffCommitment()
    {
    }

    /// <summary>Random (version 4): says nothing about when the row was written.</summary>
    public Guid Id { get; private set; }

    /// <summary>The person: <see cref="CommitmentTags.Person"/> of their ID lookup hash.</summary>
    public string Person { get; private set; } = "";

    public CommitmentKind Kind { get; private set; }

    /// <summary>What the person is committed to: <see cref="CommitmentTags.Bid"/> or <see cref="CommitmentTags.Contract"/>.</summary>
    public string Source { get; private set; } = "";

    public decimal Fte { get; private set; }

    /// <summary>The rows of a bid's current plan: one per planned person.</summary>
    public static IEnumerable<StaffCommitment> ForBid(CommitmentTags tags, Guid bidId, IEnumerable<PlannedPerson> plan)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(plan);
        var source = tags.Bid(bidId);
        // Time-ordered ids (version 7, whose text form sorts by time on SQLite): a rush appends the rows at the end of the
        // key's index instead of dirtying a random page of it for each row.
        return plan.Select(person => new StaffCommitment
        {
            Id = Guid.CreateVersion7(),
            Person = tags.Person(person.IdLookupHash),
            Kind = CommitmentKind.OpenBid,
            Source = source,
            Fte = person.Fte,
        });
    }

    /// <summary>
    /// A row of the register as it was kept before sealing (person by ID lookup hash, linked to its bid or contract in
    /// the clear), carried over under the keyed hashes: same person, same kind, same FTE.
    /// </summary>
    public static StaffCommitment Carried(CommitmentTags tags, string idLookupHash, CommitmentKind kind, Guid bidId, Guid? contractId, decimal fte)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new StaffCommitment
        {
            Id = Guid.CreateVersion7(),
            Person = tags.Person(idLookupHash),
            Kind = kind,
            Source = kind == CommitmentKind.ActiveContract && contractId is { } contract ? tags.Contract(contract) : tags.Bid(bidId),
            Fte = fte,
        };
    }

    /// <summary>The person's time now goes to a contract: the won bid's plan, or the predecessor contract's for a renewal.</summary>
    public void MoveToContract(string contractTag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractTag);
        Kind = CommitmentKind.ActiveContract;
        Source = contractTag;
    }
}
