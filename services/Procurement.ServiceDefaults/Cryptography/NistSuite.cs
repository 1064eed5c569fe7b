using System.Security.Cryptography;

namespace Procurement.ServiceDefaults.Cryptography;

/// <summary>
/// <c>std-1</c>, the suite the platform began with: SHA-256 (FIPS 180-4), ECDSA on P-256 with SHA-256 (FIPS 186-5,
/// signature in IEEE P1363 r‖s form), AES-256-GCM (SP 800-38D). .NET's own implementations, so the operating
/// system's validated library does the work.
/// </summary>
public sealed class NistSuite : CryptoSuite
{
    public const string SuiteId = "std-1";

    public static readonly NistSuite Instance = new();

    private static readonly string P256Oid = ECCurve.NamedCurves.nistP256.Oid.Value!;

    private NistSuite()
    {
    }

    public override string Id => SuiteId;

    public override string Algorithms => "SHA-256, ECDSA P-256, AES-256-GCM";

    public override int SealingKeySize => 32;

    public override byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    public override SigningKeyPair CreateKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKeyPair(Id, key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }

    public override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> data)
    {
        using var key = ImportKey(privateKey, "private key", (k, bytes) => k.ImportPkcs8PrivateKey(bytes, out _));
        return key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private protected override bool VerifyCore(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var key = ImportKey(publicKey, "public key", (k, bytes) => k.ImportSubjectPublicKeyInfo(bytes, out _));
        return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private protected override void SealCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
    {
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
    }

    private protected override void OpenCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
    }

    private delegate void Import(ECDsa key, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// The operating system's library reads EC keys of other curves too (OpenSSL knows SM2's): a key is this suite's
    /// only on P-256, and anything else is refused rather than answered as a bad signature.
    /// </summary>
    private ECDsa ImportKey(ReadOnlySpan<byte> bytes, string kind, Import import)
    {
        var key = ECDsa.Create();
        try
        {
            import(key, bytes);
            if (key.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value == P256Oid)
            {
                return key;
            }
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw NotThisSuitesKey(kind, "P-256", e);
        }

        key.Dispose();
        throw NotThisSuitesKey(kind, "P-256");
    }
}
