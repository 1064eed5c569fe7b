using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// A bid's content as it rests in the database: ciphertext under one tender's data key, sealed with the crypto suite of
/// that key (AES-256-GCM under <c>std-1</c>, SM4-GCM under <c>sm-1</c>), with what it takes to open it again. Stored as
/// one <c>varbinary</c> column (<see cref="ToBytes"/>) or one base64 string (<see cref="ToBase64"/>).
/// </summary>
/// <param name="Format"><see cref="CurrentFormat"/> for everything sealed now; <see cref="FirstFormat"/> for bids sealed before suites.</param>
/// <param name="SuiteId">The <see cref="CryptoSuite.Id"/> that sealed it; always <c>std-1</c> in the first format.</param>
/// <param name="DataKeyId">The <see cref="TenderDataKey.KeyId"/> the content is encrypted under.</param>
/// <param name="Nonce">12 random bytes, never reused under one key.</param>
/// <param name="Ciphertext">As long as the plaintext (GCM is a stream mode).</param>
/// <param name="Tag">The 16-byte GCM authentication tag over the ciphertext and the associated data.</param>
/// <remarks>
/// Layouts (the first byte says which):
/// <list type="bullet">
/// <item><c>2 | suite id length (1) | suite id (ASCII, e.g. "sm-1") | data key id (16, big-endian Guid) | nonce (12) | tag (16) | ciphertext</c>:
/// each sealed bid names the suite that sealed it, so the bytes alone say how to open them whatever the deployment
/// is configured with today. The id rather than a one-byte code: the id is what every other stored entry of the platform
/// carries (the audit chain, contract signatures), and a code would be a second table of suites to keep in step.</item>
/// <item><c>1 | data key id (16) | nonce (12) | tag (16) | ciphertext</c>: AES-256-GCM, written until the suites came;
/// data folders hold such bids, so it opens forever and is never written again.</item>
/// </list>
/// The format byte, the suite id and the key id are also part of the associated data, so none of them can be altered
/// without the tag failing.
/// </remarks>
public sealed record SealedContent(byte Format, string SuiteId, Guid DataKeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    public const byte FirstFormat = 1;
    public const byte CurrentFormat = 2;
    public const int NonceSize = CryptoSuite.NonceSize;
    public const int TagSize = CryptoSuite.TagSize;

    /// <summary>The first format's header; the current one's is longer by the suite id and its length.</summary>
    public const int FirstFormatHeaderSize = 1 + 16 + NonceSize + TagSize;

    /// <summary>A suite id in the current format: at most as long as the audit chain's suite column.</summary>
    public const int MaxSuiteIdLength = AuditEntry.SuiteMaxLength;

    /// <summary>What a suite's <see cref="CryptoSuite.Seal(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> gave, in the current format.</summary>
    public static SealedContent Of(Guid dataKeyId, SealedBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return new SealedContent(CurrentFormat, box.SuiteId, dataKeyId, box.Nonce, box.Ciphertext, box.Tag);
    }

    /// <summary>The bytes before the ciphertext.</summary>
    public int HeaderSize => Format == FirstFormat ? FirstFormatHeaderSize : 2 + SuiteId.Length + 16 + NonceSize + TagSize;

    /// <summary>The box for the suite's <see cref="CryptoSuite.Open"/>.</summary>
    public SealedBox Box => new(SuiteId, Nonce, Ciphertext, Tag);

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + Ciphertext.Length];
        bytes[0] = Format;
        var at = 1;
        if (Format != FirstFormat)
        {
            bytes[at++] = (byte)SuiteId.Length;
            at += Encoding.ASCII.GetBytes(SuiteId, bytes.AsSpan(at));
        }

        DataKeyId.TryWriteBytes(bytes.AsSpan(at, 16), bigEndian: true, out _);
        Nonce.CopyTo(bytes.AsSpan(at + 16, NonceSize));
        Tag.CopyTo(bytes.AsSpan(at + 16 + NonceSize, TagSize));
        Ciphertext.CopyTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }

    public string ToBase64() => Convert.ToBase64String(ToBytes());

    /// <summary>Reads the stored bytes of either format; a wrong format or length is tampering (or corruption) too.</summary>
    public static SealedContent FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FirstFormatHeaderSize || bytes[0] is not (FirstFormat or CurrentFormat))
        {
            throw NotAFormatWritten();
        }

        var format = bytes[0];
        var suiteId = NistSuite.SuiteId;
        var at = 1;
        if (format == CurrentFormat)
        {
            int length = bytes[1];
            if (length is 0 or > MaxSuiteIdLength || bytes.Length < 2 + length + 16 + NonceSize + TagSize
                || bytes.Slice(2, length).ContainsAnyExceptInRange((byte)0x21, (byte)0x7E))
            {
                throw NotAFormatWritten();
            }

            suiteId = Encoding.ASCII.GetString(bytes.Slice(2, length));
            at = 2 + length;
        }

        return new SealedContent(
            format,
            suiteId,
            new Guid(bytes.Slice(at, 16), bigEndian: true),
            bytes.Slice(at + 16, NonceSize).ToArray(),
            bytes[(at + 16 + NonceSize + TagSize)..].ToArray(),
            bytes.Slice(at + 16 + NonceSize, TagSize).ToArray());
    }

    public static SealedContent FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new SealBrokenException("The sealed content is not valid base64.", e);
        }

        return FromBytes(bytes);
    }

    /// <summary>SHA-256 over exactly the bytes that are stored, lower-case hex: what the receipt carries.</summary>
    /// <remarks>
    /// SHA-256 under either suite, deliberately: the receipt is the agency's proof of what it sent, and DOMAIN.md §5, the
    /// API's <c>sha256</c> field, the opening record and <c>BidsOpened</c> all promise SHA-256 to readers who recompute it
    /// with their own tools; under <c>sm-1</c> the integrity of the content itself is SM4-GCM's tag. A receipt in SM3
    /// needs the algorithm named beside the hash in those contracts first, or old receipts would change meaning.
    /// </remarks>
    public static string Sha256Hex(ReadOnlySpan<byte> storedBytes) => Convert.ToHexStringLower(SHA256.HashData(storedBytes));

    /// <summary>
    /// The associated data that binds a ciphertext to its place: a ciphertext copied to another tender,
    /// another bid or another version of the same bid no longer opens. The first format's is what it always was; the
    /// current one's adds the suite id, so the id in the header cannot be swapped.
    /// </summary>
    internal static byte[] AssociatedData(byte format, string suiteId, Guid tenderId, Guid bidId, int version, Guid dataKeyId)
    {
        ReadOnlySpan<byte> label = "procurement/bid-content/v1"u8;
        var suite = format == FirstFormat ? [] : Encoding.ASCII.GetBytes(suiteId);
        var data = new byte[label.Length + 1 + 16 + 16 + 4 + 16 + suite.Length];
        var span = data.AsSpan();
        label.CopyTo(span);
        span = span[label.Length..];
        span[0] = format;
        tenderId.TryWriteBytes(span.Slice(1, 16), bigEndian: true, out _);
        bidId.TryWriteBytes(span.Slice(17, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(span.Slice(33, 4), version);
        dataKeyId.TryWriteBytes(span.Slice(37, 16), bigEndian: true, out _);
        suite.CopyTo(span[53..]);
        return data;
    }

    private static SealBrokenException NotAFormatWritten() =>
        new("The sealed content is not in a format this service writes (wrong length, format byte or suite id).");
}

/// <summary>
/// Sealed bytes that do not open: the tag failed (a byte changed, or the ciphertext was moved to another
/// bid, version or tender), the layout is wrong, or a data key was unwrapped with the wrong master key.
/// Deliberately not a <c>ProblemException</c>: it is not the caller's fault, so the exception handler logs it
/// as an error and answers a plain 500 — and an integrity failure on sealed bids must be seen by operators.
/// </summary>
public sealed class SealBrokenException : Exception
{
    public SealBrokenException(string message)
        : base(message)
    {
    }

    public SealBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SealBrokenException()
    {
    }
}
