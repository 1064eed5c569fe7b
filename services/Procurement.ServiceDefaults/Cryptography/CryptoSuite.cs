using System.Security.Cryptography;

namespace Procurement.ServiceDefaults.Cryptography;

/// <summary>
/// One set of algorithms for the three things the platform proves or hides: a hash (the audit chain's links, a
/// contract's fingerprint), a signature (an organisation's signature on a contract, a chain's daily root) and
/// authenticated encryption (a sealed bid). A deployment chooses one suite to produce with
/// (<see cref="CryptoSuites.Current"/>); what it produced keeps the suite's <see cref="Id"/> beside it, so that after a
/// move to the other suite an old entry is still checked with the algorithms that made it.
/// </summary>
/// <remarks>
/// Keys cross the API as bytes in the formats every toolkit reads (PKCS#8 DER for a private key,
/// SubjectPublicKeyInfo DER for a public key), so they can be stored in a column and exchanged with other
/// software. Both suites give a 32-byte hash, a 64-byte r‖s signature, a 12-byte nonce and a 16-byte tag, so
/// stored columns have one width whichever suite filled them. Every member is safe to call from many threads.
/// </remarks>
public abstract class CryptoSuite
{
    public const int HashSize = 32;
    public const int SignatureSize = 64;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private protected CryptoSuite()
    {
    }

    /// <summary>
    /// Stored beside every hash, signature, key and sealed box the suite made; it never changes meaning, so a new
    /// choice of algorithms gets a new id (<c>std-2</c>) rather than a new meaning for an old one.
    /// </summary>
    public abstract string Id { get; }

    /// <summary>The algorithms in words, for an operator's message and the documentation.</summary>
    public abstract string Algorithms { get; }

    /// <summary>The length of a key for <see cref="Seal(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</summary>
    public abstract int SealingKeySize { get; }

    public abstract byte[] Hash(ReadOnlySpan<byte> data);

    /// <summary>A new signing key pair; the private key is the caller's to keep secret.</summary>
    public abstract SigningKeyPair CreateKeyPair();

    /// <summary>The r‖s signature of <paramref name="data"/>.</summary>
    /// <param name="privateKey">PKCS#8 DER of a key this suite created.</param>
    /// <exception cref="CryptographicException">The key is not a private key of this suite's curve.</exception>
    public abstract byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> data);

    /// <summary>
    /// Whether <paramref name="signature"/> is the key holder's signature of <paramref name="data"/>. A changed message
    /// or signature answers false, as does a signature of the wrong length: to an auditor that is a broken entry.
    /// </summary>
    /// <param name="publicKey">SubjectPublicKeyInfo DER.</param>
    /// <exception cref="CryptographicException">
    /// The key is not a public key of this suite's curve: that is a mix-up of suites (look the suite up by the id
    /// stored with the key), not a forged signature, so it is not answered as one.
    /// </exception>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize && VerifyCore(publicKey, data, signature);

    private protected abstract bool VerifyCore(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>A new random key for sealing; whoever may open the box needs the same key.</summary>
    public byte[] CreateSealingKey() => RandomNumberGenerator.GetBytes(SealingKeySize);

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> under a fresh random nonce and binds <paramref name="associatedData"/>
    /// (e.g. the bid's and the tender's ids) to it, so that a box copied onto another record does not open there.
    /// </summary>
    /// <remarks>
    /// The nonce is drawn here, never given by the caller: one nonce used twice under a key gives GCM's
    /// authentication away. 96 random bits keep that improbable for up to 2^32 boxes per key.
    /// </remarks>
    public SealedBox Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default) =>
        Seal(key, RandomNumberGenerator.GetBytes(NonceSize), plaintext, associatedData);

    /// <summary>With a given nonce: for the published test vectors only (see the public overload for why).</summary>
    internal SealedBox Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        RequireLength(key, SealingKeySize, "key");
        RequireLength(nonce, NonceSize, "nonce");
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        SealCore(key, nonce, plaintext, associatedData, ciphertext, tag);
        return new SealedBox(Id, nonce.ToArray(), ciphertext, tag);
    }

    /// <summary>The plaintext of a box this suite sealed, with the same key and associated data.</summary>
    /// <exception cref="AuthenticationTagMismatchException">
    /// The ciphertext, the tag, the nonce, the associated data or the key is not the one sealed.
    /// </exception>
    /// <exception cref="ArgumentException">Another suite sealed the box, or a part has the wrong length.</exception>
    public byte[] Open(ReadOnlySpan<byte> key, SealedBox box, ReadOnlySpan<byte> associatedData = default)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.SuiteId != Id)
        {
            throw new ArgumentException($"The box was sealed by crypto suite '{box.SuiteId}', not '{Id}': open it with the suite of its id.", nameof(box));
        }

        RequireLength(key, SealingKeySize, "key");
        RequireLength(box.Nonce, NonceSize, "nonce");
        RequireLength(box.Tag, TagSize, "tag");
        var plaintext = new byte[box.Ciphertext.Length];
        OpenCore(key, box.Nonce, box.Ciphertext, box.Tag, associatedData, plaintext);
        return plaintext;
    }

    private protected abstract void SealCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag);

    /// <remarks>Throws <see cref="AuthenticationTagMismatchException"/> whatever the library, so callers catch one type.</remarks>
    private protected abstract void OpenCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext);

    /// <summary>The refusal of a key of another suite or of no suite, worded once for both suites.</summary>
    private protected CryptographicException NotThisSuitesKey(string kind, string curve, Exception? inner = null) =>
        new($"The {kind} is not a {curve} key of crypto suite '{Id}' ({Algorithms}): look the suite up by the id stored with the key.", inner);

    public override string ToString() => $"{Id} ({Algorithms})";

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"The {name} is {value.Length} bytes; this suite's is {length}.", name);
        }
    }
}

/// <summary>A signing key pair as stored bytes, with the suite that made it.</summary>
/// <param name="PrivateKey">PKCS#8 DER; keep it secret.</param>
/// <param name="PublicKey">SubjectPublicKeyInfo DER; publish it.</param>
public sealed record SigningKeyPair(string SuiteId, byte[] PrivateKey, byte[] PublicKey);

/// <summary>What <see cref="CryptoSuite.Seal(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> gives: all of it is stored, none of it is secret without the key.</summary>
public sealed record SealedBox(string SuiteId, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
