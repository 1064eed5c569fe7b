using System.Text;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// The key one tender's bids are sealed under, as stored: wrapped (encrypted) by a master key from configuration, never
/// in the clear. A database reader holds only <see cref="WrappedKey"/>, which is useless without the master key; the
/// master key alone opens nothing without the database.
/// </summary>
/// <remarks>
/// One key per tender limits what one unwrapped key exposes to that tender's bids, and lets a tender's key be destroyed
/// (crypto-shredding) once its retention period ends without touching other tenders.
/// A key belongs to one crypto suite (<see cref="Suite"/>, the one current when it was made): 32 bytes for
/// <c>std-1</c>'s AES-256, 16 for <c>sm-1</c>'s SM4. Every bid of the tender is sealed with that suite, so a tender
/// never mixes suites when a deployment changes <c>Crypto:Suite</c> while it takes bids; the next tender gets a key of
/// the new suite.
/// The wrap is the key's suite's own authenticated encryption rather than a key-wrap mode (RFC 3394): GCM's associated
/// data binds the wrapped key to its tender, its key id, its suite and the master key id, so a wrapped key copied onto
/// another tender's row (or relabelled with another suite) does not unwrap.
/// Layouts of <see cref="WrappedKey"/>, <c>format (1) | nonce (12) | tag (16) | encrypted key</c>:
/// <list type="bullet">
/// <item>format 2: sealed with the key's suite under that suite's wrapping key, derived from the master key
/// (<see cref="BidSealer"/>): SM4-GCM for an <c>sm-1</c> key, AES-256-GCM for a <c>std-1</c> one.</item>
/// <item>format 1, written before the suites: AES-256-GCM directly under the master key, always a <c>std-1</c> key.
/// Read forever; a master-key rotation rewraps it in format 2.</item>
/// </list>
/// </remarks>
public sealed class TenderDataKey
{
    public const byte FirstFormat = 1;
    public const byte CurrentFormat = 2;

    /// <summary>The longest wrap: a 32-byte AES-256 key; an SM4 key's is 16 bytes shorter.</summary>
    public const int MaxWrappedSize = 1 + CryptoSuite.NonceSize + CryptoSuite.TagSize + 32;

    private TenderDataKey()
    {
    }

    internal TenderDataKey(Guid tenderId, Guid keyId, string suite, string masterKeyId, byte[] wrappedKey, DateTimeOffset createdAt)
    {
        TenderId = tenderId;
        KeyId = keyId;
        Suite = suite;
        MasterKeyId = masterKeyId;
        WrappedKey = wrappedKey;
        CreatedAt = createdAt;
        WrappedAt = createdAt;
    }

    public Guid TenderId { get; private set; }

    /// <summary>Names this data key inside every <see cref="SealedContent"/> sealed under it.</summary>
    public Guid KeyId { get; private set; }

    /// <summary>
    /// The <see cref="CryptoSuite.Id"/> the key is for: it wraps the key and seals every bid of the tender. Rows from
    /// before the suites read <c>std-1</c>, which is what they were.
    /// </summary>
    public string Suite { get; private set; } = "";

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

    /// <summary>
    /// What the wrap binds the key to. The first format's is what it always was; the current one's adds the suite id
    /// (with its length, so that it and the master key id that follows cannot trade characters).
    /// </summary>
    internal static byte[] AssociatedData(byte format, Guid tenderId, Guid keyId, string suite, string masterKeyId)
    {
        ReadOnlySpan<byte> label = "procurement/tender-data-key/v1"u8;
        byte[] suiteId = format == FirstFormat ? [] : [(byte)suite.Length, .. Encoding.ASCII.GetBytes(suite)];
        var masterId = Encoding.UTF8.GetBytes(masterKeyId);
        var data = new byte[label.Length + 1 + 16 + 16 + suiteId.Length + masterId.Length];
        label.CopyTo(data);
        data[label.Length] = format;
        tenderId.TryWriteBytes(data.AsSpan(label.Length + 1, 16), bigEndian: true, out _);
        keyId.TryWriteBytes(data.AsSpan(label.Length + 17, 16), bigEndian: true, out _);
        suiteId.CopyTo(data.AsSpan(label.Length + 33));
        masterId.CopyTo(data.AsSpan(label.Length + 33 + suiteId.Length));
        return data;
    }
}
