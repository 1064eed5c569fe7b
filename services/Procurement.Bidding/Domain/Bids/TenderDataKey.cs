using System.Text;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// The AES-256 key one tender's bids are sealed under, as stored: wrapped (encrypted) by a master key
/// from configuration, never in the clear. A database reader holds only <see cref="WrappedKey"/>, which
/// is useless without the master key; the master key alone opens nothing without the database.
/// </summary>
/// <remarks>
/// One key per tender limits what one unwrapped key exposes to that tender's bids, and lets a tender's
/// key be destroyed (crypto-shredding) once its retention period ends without touching other tenders.
/// Wrapping is AES-256-GCM rather than AES-KW (RFC 3394): .NET has GCM built in on every platform, and
/// GCM's associated data binds the wrapped key to its tender, its key id and the master key id, so a
/// wrapped key copied onto another tender's row does not unwrap.
/// Layout of <see cref="WrappedKey"/>: <c>format (1) | nonce (12) | tag (16) | encrypted key (32)</c>.
/// </remarks>
public sealed class TenderDataKey
{
    public const byte Format = 1;
    public const int KeySize = 32;
    public const int WrappedSize = 1 + SealedContent.NonceSize + SealedContent.TagSize + KeySize;

    private TenderDataKey()
    {
    }

    internal TenderDataKey(Guid tenderId, Guid keyId, string masterKeyId, byte[] wrappedKey, DateTimeOffset createdAt)
    {
        TenderId = tenderId;
        KeyId = keyId;
        MasterKeyId = masterKeyId;
        WrappedKey = wrappedKey;
        CreatedAt = createdAt;
        WrappedAt = createdAt;
    }

    public Guid TenderId { get; private set; }

    /// <summary>Names this data key inside every <see cref="SealedContent"/> sealed under it.</summary>
    public Guid KeyId { get; private set; }

    /// <summary>Which configured master key wraps this key; kept so master keys can rotate.</summary>
    public string MasterKeyId { get; private set; } = "";

    public byte[] WrappedKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the key was last wrapped: its creation, or the master-key rotation that rewrapped it.</summary>
    public DateTimeOffset WrappedAt { get; private set; }

    internal void Rewrapped(string masterKeyId, byte[] wrappedKey, DateTimeOffset now)
    {
        MasterKeyId = masterKeyId;
        WrappedKey = wrappedKey;
        WrappedAt = now;
    }

    internal static byte[] AssociatedData(Guid tenderId, Guid keyId, string masterKeyId)
    {
        ReadOnlySpan<byte> label = "procurement/tender-data-key/v1"u8;
        var masterId = Encoding.UTF8.GetBytes(masterKeyId);
        var data = new byte[label.Length + 1 + 16 + 16 + masterId.Length];
        label.CopyTo(data);
        data[label.Length] = Format;
        tenderId.TryWriteBytes(data.AsSpan(label.Length + 1, 16), bigEndian: true, out _);
        keyId.TryWriteBytes(data.AsSpan(label.Length + 17, 16), bigEndian: true, out _);
        masterId.CopyTo(data.AsSpan(label.Length + 33));
        return data;
    }
}
