using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// A bid's content as it rests in the database: AES-256-GCM ciphertext under one tender's data key,
/// with what it takes to open it again. Stored as one <c>varbinary</c> column (<see cref="ToBytes"/>)
/// or one base64 string (<see cref="ToBase64"/>).
/// </summary>
/// <param name="DataKeyId">The <see cref="TenderDataKey.KeyId"/> the content is encrypted under.</param>
/// <param name="Nonce">12 random bytes, never reused under one key.</param>
/// <param name="Ciphertext">As long as the plaintext (GCM is a stream mode).</param>
/// <param name="Tag">The 16-byte GCM authentication tag over the ciphertext and the associated data.</param>
/// <remarks>
/// Layout: <c>format (1) | data key id (16, big-endian Guid) | nonce (12) | tag (16) | ciphertext</c>.
/// The format byte and the key id are also part of the associated data, so neither can be altered
/// without the tag failing.
/// </remarks>
public sealed record SealedContent(Guid DataKeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    public const byte Format = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 1 + 16 + NonceSize + TagSize;

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + Ciphertext.Length];
        bytes[0] = Format;
        DataKeyId.TryWriteBytes(bytes.AsSpan(1, 16), bigEndian: true, out _);
        Nonce.CopyTo(bytes.AsSpan(17, NonceSize));
        Tag.CopyTo(bytes.AsSpan(17 + NonceSize, TagSize));
        Ciphertext.CopyTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }

    public string ToBase64() => Convert.ToBase64String(ToBytes());

    /// <summary>Reads the stored bytes; a wrong format or length is tampering (or corruption) too.</summary>
    public static SealedContent FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || bytes[0] != Format)
        {
            throw new SealBrokenException("The sealed content is not in a format this service writes (wrong length or format byte).");
        }

        return new SealedContent(
            new Guid(bytes.Slice(1, 16), bigEndian: true),
            bytes.Slice(17, NonceSize).ToArray(),
            bytes[HeaderSize..].ToArray(),
            bytes.Slice(17 + NonceSize, TagSize).ToArray());
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
    public static string Sha256Hex(ReadOnlySpan<byte> storedBytes) => Convert.ToHexStringLower(SHA256.HashData(storedBytes));

    /// <summary>
    /// The associated data that binds a ciphertext to its place: a ciphertext copied to another tender,
    /// another bid or another version of the same bid no longer opens.
    /// </summary>
    internal static byte[] AssociatedData(Guid tenderId, Guid bidId, int version, Guid dataKeyId)
    {
        ReadOnlySpan<byte> label = "procurement/bid-content/v1"u8;
        var data = new byte[label.Length + 1 + 16 + 16 + 4 + 16];
        var span = data.AsSpan();
        label.CopyTo(span);
        span = span[label.Length..];
        span[0] = Format;
        tenderId.TryWriteBytes(span.Slice(1, 16), bigEndian: true, out _);
        bidId.TryWriteBytes(span.Slice(17, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(span.Slice(33, 4), version);
        dataKeyId.TryWriteBytes(span.Slice(37, 16), bigEndian: true, out _);
        return data;
    }
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
