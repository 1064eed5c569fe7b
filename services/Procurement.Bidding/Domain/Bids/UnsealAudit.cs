using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Procurement.ServiceDefaults.Audit;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// One unseal of bid content as the audit trail keeps it (DOMAIN.md §10): the <see cref="UnsealRecord"/> plus
/// its place in a hash chain. <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> + "\n" + <see cref="CanonicalRow"/>),
/// so changing, removing or reordering any row breaks every link after it. The first row's previous hash is
/// <see cref="GenesisHash"/> (64 zeros).
/// </summary>
public sealed class UnsealAuditEntry
{
    public const string GenesisHash = AuditEntry.GenesisHash;

    private UnsealAuditEntry()
    {
    }

    /// <summary>1, 2, 3 … without gaps; the primary key, so two writers cannot both take the same place in the chain.</summary>
    public long Sequence { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid BidId { get; private set; }

    public int BidVersion { get; private set; }

    public string ActorId { get; private set; } = "";

    public Guid? ActorOrganisationId { get; private set; }

    public UnsealPurpose Purpose { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>The receipt hash of the sealed bytes that were opened.</summary>
    public string SealedContentSha256 { get; private set; } = "";

    public string PreviousHash { get; private set; } = GenesisHash;

    public string Hash { get; private set; } = "";

    /// <summary>The next link after <paramref name="previous"/> (none: the first row).</summary>
    public static UnsealAuditEntry After(UnsealAuditEntry? previous, UnsealRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new UnsealAuditEntry
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            TenderId = record.TenderId,
            BidId = record.BidId,
            BidVersion = record.Version,
            ActorId = record.ActorId,
            ActorOrganisationId = record.ActorOrganisationId,
            Purpose = record.Purpose,
            Reason = record.Reason,
            // Whole milliseconds: the moment is hashed as stored, and SQLite's store keeps only 100 µs (DateTimeOffsetToBinaryConverter).
            At = StoredPrecision(record.At.ToUniversalTime()),
            SealedContentSha256 = record.Sha256OfSealedContent,
            PreviousHash = previous?.Hash ?? GenesisHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>Every field but the hashes, in a fixed order and invariant format, separated by '|' (free text escaped).</summary>
    public string CanonicalRow() => string.Join('|',
        Sequence.ToString(CultureInfo.InvariantCulture),
        TenderId.ToString("D"),
        BidId.ToString("D"),
        BidVersion.ToString(CultureInfo.InvariantCulture),
        AuditEntry.Escape(ActorId),
        ActorOrganisationId?.ToString("D") ?? "",
        Purpose.ToString(),
        AuditEntry.Escape(Reason),
        At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        SealedContentSha256);

    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PreviousHash + "\n" + CanonicalRow())));

    /// <summary>The moment truncated to whole milliseconds, which every store of the platform keeps exactly.</summary>
    public static DateTimeOffset StoredPrecision(DateTimeOffset at) => AuditEntry.StoredPrecision(at);

}

/// <summary>Re-computes the chain row by row, in sequence order (the walk every chain of the platform shares).</summary>
public sealed class UnsealAuditVerifier
{
    private readonly HashChainWalk _walk = new();

    public long Checked => _walk.Checked;

    public AuditBrokenLink? FirstBroken => _walk.FirstBroken;

    /// <summary>Checks the next row; after the first broken link the rest are only counted.</summary>
    public void Check(UnsealAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _walk.Step(entry.Sequence, entry.PreviousHash, entry.Hash, () => HashChainWalk.HashBreak(entry.Sequence, entry.Hash, entry.ComputeHash()));
    }
}
