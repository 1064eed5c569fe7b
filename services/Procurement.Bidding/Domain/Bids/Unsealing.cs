namespace Procurement.Bidding.Domain.Bids;

/// <summary>Why sealed bid content is opened. Every unseal names one, and the audit trail keeps it.</summary>
public enum UnsealPurpose
{
    /// <summary>开标: at or after the deadline, to publish the opening record and hand the bids to evaluation.</summary>
    Opening,

    /// <summary>The bidding agency reads its own bid back (to review or revise it) before opening.</summary>
    OwnerRead,
}

/// <summary>Who asks to open sealed content and why; the reason is free text an auditor reads.</summary>
/// <param name="ActorId">The user (or job, e.g. <c>system:opening</c>) that asks.</param>
/// <param name="ActorOrganisationId">The actor's organisation; none for the platform's own jobs.</param>
public sealed record UnsealRequest(string ActorId, Guid? ActorOrganisationId, UnsealPurpose Purpose, string Reason)
{
    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ActorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Reason);
        if (!Enum.IsDefined(Purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(Purpose), Purpose, "Unknown unseal purpose.");
        }
    }
}

/// <summary>
/// What the audit trail records for one unseal (DOMAIN.md §10): which sealed bytes were opened (by their
/// receipt hash), by whom, why and when. The caller persists it in the same transaction as whatever the
/// plaintext is used for; the sealer cannot, being plain C#.
/// </summary>
public sealed record UnsealRecord(
    Guid TenderId, Guid BidId, int Version, string ActorId, Guid? ActorOrganisationId, UnsealPurpose Purpose, string Reason,
    DateTimeOffset At, string Sha256OfSealedContent);

/// <summary>Opened bytes together with the record of their opening, so one is never had without the other.</summary>
public sealed record UnsealedContent(byte[] Plaintext, UnsealRecord Record);

/// <summary>An opened bid: its content and the record of its opening.</summary>
public sealed record UnsealedBid(BidContent Content, UnsealRecord Record);
