using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Procurement.ServiceDefaults.Cryptography;

/// <summary>
/// <c>sm-1</c>, the national commercial cryptography suite (商用密码, 国密) that China's government systems are asked
/// to use: SM3 (GB/T 32905-2016), SM2 signature with SM3 on the recommended curve sm2p256v1 (GB/T 32918.2-2016,
/// GB/T 32918.5-2017) with the default user id of GM/T 0009, signature as r‖s, and SM4 (GB/T 32907-2016) in GCM mode
/// as RFC 8998 uses it. .NET has none of these, so BouncyCastle does the work.
/// </summary>
/// <remarks>
/// Keys are encoded as GM/T 0010 and OpenSSL do: the algorithm id-ecPublicKey with the curve sm2p256v1
/// (1.2.156.10197.1.301) as its parameter, so a key exported here reads in GmSSL, Tongsuo or OpenSSL 3.
/// </remarks>
public sealed class ShangMiSuite : CryptoSuite
{
    public const string SuiteId = "sm-1";

    /// <summary>
    /// GM/T 0009-2012's default user id, which enters every SM2 signature through Z_A. The platform signs for
    /// organisations whose keys carry no agreed id, and every SM2 verifier (a certificate authority's, an auditor's
    /// GmSSL) assumes this one when none is agreed.
    /// </summary>
    public static ReadOnlySpan<byte> DefaultUserId => "1234567812345678"u8;

    public static readonly ShangMiSuite Instance = new();

    private static readonly ECDomainParameters Sm2p256v1 = ECNamedDomainParameters.LookupOid(GMObjectIdentifiers.sm2p256v1);

    private ShangMiSuite()
    {
    }

    public override string Id => SuiteId;

    public override string Algorithms => "SM3, SM2 (sm2p256v1), SM4-GCM";

    public override int SealingKeySize => 16;

    public override byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[HashSize];
        digest.DoFinal(hash);
        return hash;
    }

    public override SigningKeyPair CreateKeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new SigningKeyPair(
            Id,
            PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded(),
            SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded());
    }

    public override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> data)
    {
        var key = ReadKey(privateKey, "private key", bytes => PrivateKeyFactory.CreateKey(bytes));
        var signer = NewSigner();
        signer.Init(forSigning: true, new ParametersWithID(key, DefaultUserId));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    private protected override bool VerifyCore(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var key = ReadKey(publicKey, "public key", bytes => PublicKeyFactory.CreateKey(bytes));
        var signer = NewSigner();
        signer.Init(forSigning: false, new ParametersWithID(key, DefaultUserId));
        signer.BlockUpdate(data);
        return signer.VerifySignature(signature.ToArray());
    }

    private protected override void SealCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
    {
        var gcm = NewGcm(forEncryption: true, key, nonce, associatedData);
        Span<byte> sealedBytes = new byte[plaintext.Length + TagSize];
        var written = gcm.ProcessBytes(plaintext, sealedBytes);
        gcm.DoFinal(sealedBytes[written..]);
        sealedBytes[..plaintext.Length].CopyTo(ciphertext);
        sealedBytes[plaintext.Length..].CopyTo(tag);
    }

    private protected override void OpenCore(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        var gcm = NewGcm(forEncryption: false, key, nonce, associatedData);
        var sealedBytes = new byte[ciphertext.Length + TagSize];
        ciphertext.CopyTo(sealedBytes);
        tag.CopyTo(sealedBytes.AsSpan(ciphertext.Length));
        try
        {
            var written = gcm.ProcessBytes(sealedBytes, plaintext);
            gcm.DoFinal(plaintext[written..]);
        }
        catch (InvalidCipherTextException)
        {
            plaintext.Clear();
            throw new AuthenticationTagMismatchException();
        }
    }

    private static SM2Signer NewSigner() => new(PlainDsaEncoding.Instance, new SM3Digest());

    private static GcmBlockCipher NewGcm(bool forEncryption, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce.ToArray(), associatedData.ToArray()));
        return gcm;
    }

    /// <summary>
    /// BouncyCastle reads an EC key of any curve and says why it cannot in several exception types; a key is this
    /// suite's only on sm2p256v1, and everything else is refused the same way.
    /// </summary>
    private ECKeyParameters ReadKey(ReadOnlySpan<byte> bytes, string kind, Func<byte[], AsymmetricKeyParameter> read)
    {
        AsymmetricKeyParameter key;
        try
        {
            key = read(bytes.ToArray());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or SecurityUtilityException or InvalidOperationException)
        {
            throw NotThisSuitesKey(kind, "sm2p256v1", e);
        }

        return key is ECKeyParameters ec && ec.Parameters.Equals(Sm2p256v1)
            ? ec
            : throw NotThisSuitesKey(kind, "sm2p256v1");
    }
}
