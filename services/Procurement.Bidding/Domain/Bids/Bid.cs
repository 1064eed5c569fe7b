using System.Security.Cryptography;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Domain.Bids;

public enum BidStatus
{
    /// <summary>Counts at opening, in its latest version.</summary>
    Submitted,

    /// <summary>An amendment changed the terms after submission; it does not count until confirmed or revised.</summary>
    NeedsReconfirmation,

    Withdrawn,

    /// <summary>Unsealed at the opening.</summary>
    Opened,
}

/// <summary>What the agency keeps as proof of a submission: the hash is over the sealed bytes exactly as stored.</summary>
public sealed record BidReceipt(Guid BidId, int Version, DateTimeOffset ServerTime, string Sha256OfSealedContent);

/// <summary>
/// One agency's bid for one tender (投标文件). Its content is sealed from the moment it exists until the
/// opening: the aggregate holds only the sealed bytes and their hash, never the price, the proposal or the staffing
/// plan (who, at what FTE and pay); the double-counting register keeps the plan's FTE under keyed hashes only.
/// Each submission or revision is a new <see cref="Version"/> with a new receipt; the latest counts.
/// Nothing changes at or after the tender's deadline (<c>now &gt;= deadline</c>), except the opening.
/// </summary>
public sealed class Bid
{
    private Bid()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>1 at submission, one more per revision; part of the associated data of the sealed content.</summary>
    public int Version { get; private set; }

    public BidStatus Status { get; private set; }

    public DateTimeOffset FirstSubmittedAt { get; private set; }

    /// <summary>When the current version was submitted: the receipt's server time.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>The <see cref="SealedContent"/> bytes, as stored in one column.</summary>
    public byte[] SealedBytes { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="SealedBytes"/>, lower-case hex.</summary>
    public string ReceiptHash { get; private set; } = "";

    public BidReceipt Receipt => new(Id, Version, SubmittedAt, ReceiptHash);

    public static Bid Submit(OpenTender tender, ValidatedBid content, BidSealer sealer, TenderDataKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(content);
        EnsureOpen(tender, now);
        if (content.TenderId != tender.TenderId || content.RevisedBidId is not null)
        {
            throw new ArgumentException("The content was validated for another tender, or as a revision.", nameof(content));
        }

        var bid = new Bid
        {
            Id = Guid.CreateVersion7(),
            TenderId = tender.TenderId,
            AgencyId = content.AgencyId,
            FirstSubmittedAt = now,
        };
        bid.SealVersion(1, content, sealer, key, now);
        return bid;
    }

    /// <summary>A new version replaces the content; it counts again even if an amendment had set it aside.</summary>
    public void Revise(OpenTender tender, ValidatedBid content, BidSealer sealer, TenderDataKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureOpen(tender, now);
        EnsureNotWithdrawn();
        if (content.TenderId != TenderId || content.AgencyId != AgencyId || content.RevisedBidId != Id)
        {
            throw new ArgumentException("The content was not validated as a revision of this bid.", nameof(content));
        }

        SealVersion(Version + 1, content, sealer, key, now);
    }

    /// <summary>Withdrawing twice changes nothing the second time.</summary>
    public void Withdraw(OpenTender tender, DateTimeOffset now)
    {
        EnsureOpen(tender, now);
        if (Status != BidStatus.Withdrawn)
        {
            Status = BidStatus.Withdrawn;
            WithdrawnAt = now;
        }
    }

    /// <summary>After an amendment, the agency confirms its bid stands as it is; the content and receipt stay.</summary>
    public void ConfirmAfterAmendment(OpenTender tender, DateTimeOffset now)
    {
        EnsureOpen(tender, now);
        EnsureNotWithdrawn();
        if (Status == BidStatus.NeedsReconfirmation)
        {
            Status = BidStatus.Submitted;
            ConfirmedAt = now;
        }
    }

    /// <summary>An amendment that can change bids was published (its deadline already moved out if it had to).</summary>
    public void MarkNeedsReconfirmation(OpenTender tender, DateTimeOffset now)
    {
        EnsureOpen(tender, now);
        if (Status == BidStatus.Submitted)
        {
            Status = BidStatus.NeedsReconfirmation;
        }
    }

    /// <summary>At the opening: only a bid that counts (submitted, confirmed) is opened.</summary>
    public void Open(OpenTender tender, DateTimeOffset now)
    {
        EnsureSameTender(tender);
        if (tender.IsOpenAt(now))
        {
            throw new ConflictException(BidCodes.BiddingStillOpen, tender.BidDeadline);
        }

        if (Status != BidStatus.Submitted)
        {
            throw new ConflictException(BidCodes.BidNotOpenable, Status.ToString());
        }

        Status = BidStatus.Opened;
        OpenedAt = now;
    }

    /// <summary>
    /// Opens the current version for the request, if it may be opened for it: the agency itself at any time
    /// (<see cref="UnsealPurpose.OwnerRead"/>), anyone else only for the opening and only once bidding has
    /// closed. The caller writes <see cref="UnsealedBid.Record"/> to the audit trail.
    /// </summary>
    public UnsealedBid Unseal(OpenTender tender, BidSealer sealer, TenderDataKey key, UnsealRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        ArgumentNullException.ThrowIfNull(request);
        EnsureSameTender(tender);
        switch (request.Purpose)
        {
            case UnsealPurpose.OwnerRead when request.ActorOrganisationId != AgencyId:
                throw new NotPermittedException(BidCodes.BidOwnerOnly);
            case UnsealPurpose.Opening when tender.IsOpenAt(now):
                throw new ConflictException(BidCodes.BidSealedUntilOpening, tender.BidDeadline);
        }

        var opened = sealer.Unseal(key, Id, Version, SealedBytes, request, now);
        try
        {
            return new UnsealedBid(BidContent.FromJsonBytes(opened.Plaintext), opened.Record);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(opened.Plaintext);
        }
    }

    public void EnsureVersion(int? expected)
    {
        if (expected is { } version && version != Version)
        {
            throw new ConflictException("concurrency");
        }
    }

    private static void EnsureOpen(OpenTender tender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tender);
        if (!tender.IsOpenAt(now))
        {
            throw new ConflictException(BidCodes.BiddingClosed, tender.BidDeadline);
        }
    }

    private void EnsureSameTender(OpenTender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        if (tender.TenderId != TenderId)
        {
            throw new ArgumentException($"Bid {Id} is for tender {TenderId}, not {tender.TenderId}.", nameof(tender));
        }
    }

    private void EnsureNotWithdrawn()
    {
        if (Status == BidStatus.Withdrawn)
        {
            throw new ConflictException(BidCodes.BidWithdrawn);
        }
    }

    private void SealVersion(int version, ValidatedBid content, BidSealer sealer, TenderDataKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        ArgumentNullException.ThrowIfNull(key);
        if (key.TenderId != TenderId)
        {
            throw new ArgumentException($"The data key is tender {key.TenderId}'s, not {TenderId}'s.", nameof(key));
        }

        var plaintext = content.Content.ToJsonBytes();
        try
        {
            SealedBytes = sealer.Seal(key, Id, version, plaintext).ToBytes();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        ReceiptHash = SealedContent.Sha256Hex(SealedBytes);
        Version = version;
        SubmittedAt = now;
        Status = BidStatus.Submitted;
    }
}
