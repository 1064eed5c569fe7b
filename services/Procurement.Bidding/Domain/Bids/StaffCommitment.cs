namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// One row of the double-counting register (防挂证, DOMAIN.md §4): one person's FTE given to one open bid or
/// one active contract. The person is the ID lookup hash, so the same person on two agencies' rosters is one
/// person here. The rows are written in the same transaction as what commits or frees the person:
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
/// The title and agency name are kept as they were when the person was committed, so a refusal names the
/// collision without reading the bid, which stays sealed.
/// </summary>
public sealed class StaffCommitment
{
    public const int TitleMaxLength = 200;

    public const int AgencyNameMaxLength = 200;

    private StaffCommitment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The person, as the keyed hash of their ID number (never the number).</summary>
    public string IdLookupHash { get; private set; } = "";

    public CommitmentKind Kind { get; private set; }

    /// <summary>The bid whose staffing plan committed the person (for a contract, the bid it was awarded on).</summary>
    public Guid BidId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>For <see cref="CommitmentKind.ActiveContract"/>, the contract; otherwise null.</summary>
    public Guid? ContractId { get; private set; }

    /// <summary>The tender's title (for a contract, the title of the tender it came from).</summary>
    public string Title { get; private set; } = "";

    public string AgencyName { get; private set; } = "";

    public decimal Fte { get; private set; }

    public DateTimeOffset Since { get; private set; }

    /// <summary>The rows of a bid's current version: one per planned person.</summary>
    public static IEnumerable<StaffCommitment> ForBid(Bid bid, string tenderTitle, string agencyName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bid);
        return bid.Commitments.Select(person => new StaffCommitment
        {
            Id = Guid.CreateVersion7(),
            IdLookupHash = person.IdLookupHash,
            Kind = CommitmentKind.OpenBid,
            BidId = bid.Id,
            TenderId = bid.TenderId,
            AgencyId = bid.AgencyId,
            Title = Shorten(tenderTitle, TitleMaxLength),
            AgencyName = Shorten(agencyName, AgencyNameMaxLength),
            Fte = person.Fte,
            Since = now,
        });
    }

    /// <summary>The rows of an active contract: the staffing plan of the bid it was awarded on.</summary>
    public static IEnumerable<StaffCommitment> ForContract(
        Guid contractId, Guid bidId, Guid tenderId, Guid agencyId, IEnumerable<PlannedPerson> plan, string title, string agencyName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Select(person => new StaffCommitment
        {
            Id = Guid.CreateVersion7(),
            IdLookupHash = person.IdLookupHash,
            Kind = CommitmentKind.ActiveContract,
            BidId = bidId,
            TenderId = tenderId,
            AgencyId = agencyId,
            ContractId = contractId,
            Title = Shorten(title, TitleMaxLength),
            AgencyName = Shorten(agencyName, AgencyNameMaxLength),
            Fte = person.Fte,
            Since = now,
        });
    }

    /// <summary>The commitment as a refusal names it.</summary>
    public Commitment ToCommitment() => new(
        Kind, Kind == CommitmentKind.ActiveContract ? ContractId!.Value : BidId, Title, AgencyName, Fte, TenderId);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
