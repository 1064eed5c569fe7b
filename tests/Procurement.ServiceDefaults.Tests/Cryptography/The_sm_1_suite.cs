using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

/// <summary>sm-1 against the SM standards' published SM4 block and SM2 signature examples; its SM3 and SM4-GCM are in The_published_hash_vectors and The_published_GCM_vectors.</summary>
public sealed class The_sm_1_suite
{
    private static readonly CryptoSuite Suite = ShangMiSuite.Instance;

    [Fact]
    public void The_SM4_block_cipher_encrypts_the_GB_T_32907_example_and_decrypts_it_back()
    {
        // GB/T 32907-2016 (SM4) appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210, one block.
        // The suite's SM4-GCM stands on this block cipher; GCM itself is checked through the suite with RFC 8998's
        // vector (The_published_GCM_vectors).
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var block = new byte[16];

        var engine = new SM4Engine();
        engine.Init(forEncryption: true, new KeyParameter(key));
        engine.ProcessBlock(key, block);
        Hex(block).Should().Be("681edf34d206965e86b3e94f536e4246");

        engine.Init(forEncryption: false, new KeyParameter(key));
        engine.ProcessBlock(block.ToArray(), block);
        block.Should().Equal(key);
    }

    [Fact]
    public void The_SM4_block_cipher_gives_the_GB_T_32907_value_after_a_million_encryptions()
    {
        // GB/T 32907-2016 (SM4) appendix A, example 2: the same key, the block encrypted 1,000,000 times over.
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new SM4Engine();
        engine.Init(forEncryption: true, new KeyParameter(key));
        var block = key.ToArray();

        for (var i = 0; i < 1_000_000; i++)
        {
            engine.ProcessBlock(block, block);
        }

        Hex(block).Should().Be("595298c7c6fd271f0402f804c33d3f66");
    }

    [Fact]
    public void Reproduces_the_GB_T_32918_2_signature_example_on_its_test_curve_with_BouncyCastles_SM2()
    {
        // GB/T 32918.2-2016 appendix A.2 (the same example as draft-shen-sm2-ecdsa-02): a 256-bit prime test curve,
        // not sm2p256v1, so the suite cannot take it; this checks the SM2 signer under the suite with the fixed k.
        var p = Big("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3");
        var n = Big("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7");
        var curve = new FpCurve(
            p, Big("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498"),
            Big("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A"), n, BigInteger.One);
        var g = curve.CreatePoint(
            Big("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D"),
            Big("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2"));
        var domain = new ECDomainParameters(curve, g, n, BigInteger.One);

        var (signature, publicKey) = SignWithFixedK(
            domain,
            d: "128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263",
            k: "6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F",
            userId: "ALICE123@YAHOO.COM"u8.ToArray(),
            message: "message digest"u8.ToArray());

        Hex(publicKey.Q.AffineXCoord.GetEncoded()).Should().Be("0ae4c7798aa0f119471bee11825be46202bb79e2a5844495e97c04ff4df2548a");
        Hex(publicKey.Q.AffineYCoord.GetEncoded()).Should().Be("7c0240f88f1cd4e16352a73c17b7f16f07353e53a176d684a9fe0c6bb798e857");
        Hex(signature).Should().Be(
            "40f1ec59f793d9f49e09dcef49130d4194f79fb1eed2caa55bacdb49c4e755d1" +
            "6fc6dac32c5d5cf10c77dfb20f7c2eb667a457872fb09ec56327a67ec7deebe7");
    }

    // GB/T 32918.5-2017 (SM2 parameter definition) appendix A, = GM/T 0003.5-2012 A.2: the signature example on the
    // recommended curve sm2p256v1 with the default user id 1234567812345678 and the message "message digest". The
    // same vector is in OpenSSL's and Tongsuo's SM2 tests and GmSSL's.
    private const string Gb5D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private const string Gb5K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private const string Gb5Qx = "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020";
    private const string Gb5Qy = "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private const string Gb5Signature =
        "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3" +
        "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";

    [Fact]
    public void Verifies_the_GB_T_32918_5_signature_example_on_sm2p256v1_with_that_examples_public_key()
    {
        var q = Sm2p256v1.Curve.CreatePoint(Big(Gb5Qx), Big(Gb5Qy));
        var publicKey = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new ECPublicKeyParameters(q, Sm2p256v1)).GetDerEncoded();

        Suite.Verify(publicKey, "message digest"u8, Convert.FromHexString(Gb5Signature)).Should().BeTrue();
        Suite.Verify(publicKey, "message digests"u8, Convert.FromHexString(Gb5Signature)).Should().BeFalse();
    }

    [Fact]
    public void Signs_the_GB_T_32918_5_example_with_its_fixed_k_to_the_published_signature_with_BouncyCastles_SM2()
    {
        // The suite draws k at random; with the example's k the same signer and user id give the published r‖s.
        var (signature, publicKey) = SignWithFixedK(
            Sm2p256v1, Gb5D, Gb5K, ShangMiSuite.DefaultUserId.ToArray(), "message digest"u8.ToArray());

        Hex(publicKey.Q.AffineXCoord.GetEncoded()).Should().Be(Gb5Qx);
        Hex(publicKey.Q.AffineYCoord.GetEncoded()).Should().Be(Gb5Qy);
        Hex(signature).Should().Be(Gb5Signature);
    }

    [Fact]
    public void A_signature_it_makes_with_the_GB_T_32918_5_private_key_verifies_with_that_examples_public_key()
    {
        var d = new ECPrivateKeyParameters(Big(Gb5D), Sm2p256v1);
        var privateKey = Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(d).GetDerEncoded();
        var q = Sm2p256v1.Curve.CreatePoint(Big(Gb5Qx), Big(Gb5Qy));
        var publicKey = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new ECPublicKeyParameters(q, Sm2p256v1)).GetDerEncoded();

        Suite.Verify(publicKey, "message digest"u8, Suite.Sign(privateKey, "message digest"u8)).Should().BeTrue();
    }

    [Fact]
    public void Its_keys_are_PKCS8_and_SubjectPublicKeyInfo_of_an_EC_key_on_sm2p256v1()
    {
        // GM/T 0010 and OpenSSL name an SM2 key so: id-ecPublicKey with the curve's OID 1.2.156.10197.1.301.
        var keys = Suite.CreateKeyPair();

        var privateInfo = PrivateKeyInfo.GetInstance(keys.PrivateKey);
        var publicInfo = SubjectPublicKeyInfo.GetInstance(keys.PublicKey);

        privateInfo.PrivateKeyAlgorithm.Algorithm.Should().Be(X9ObjectIdentifiers.IdECPublicKey);
        privateInfo.PrivateKeyAlgorithm.Parameters.Should().Be(GMObjectIdentifiers.sm2p256v1);
        publicInfo.Algorithm.Algorithm.Should().Be(X9ObjectIdentifiers.IdECPublicKey);
        publicInfo.Algorithm.Parameters.Should().Be(GMObjectIdentifiers.sm2p256v1);
        GMObjectIdentifiers.sm2p256v1.Id.Should().Be("1.2.156.10197.1.301");
    }

    private static readonly ECDomainParameters Sm2p256v1 = ECNamedDomainParameters.LookupOid(GMObjectIdentifiers.sm2p256v1);

    /// <summary>BouncyCastle's SM2 signer (SM3, r‖s) as the suite uses it, with the standard's k in place of a random one.</summary>
    private static (byte[] Signature, ECPublicKeyParameters PublicKey) SignWithFixedK(
        ECDomainParameters domain, string d, string k, byte[] userId, byte[] message)
    {
        var privateKey = new ECPrivateKeyParameters(Big(d), domain);
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        var fixedK = new SecureRandom(new FixedBytes(Convert.FromHexString(k)));
        signer.Init(forSigning: true, new ParametersWithID(new ParametersWithRandom(privateKey, fixedK), userId));
        signer.BlockUpdate(message, 0, message.Length);
        var signature = signer.GenerateSignature();

        var publicKey = new ECPublicKeyParameters(domain.G.Multiply(privateKey.D).Normalize(), domain);
        signer.Init(forSigning: false, new ParametersWithID(publicKey, userId));
        signer.BlockUpdate(message, 0, message.Length);
        signer.VerifySignature(signature).Should().BeTrue();
        return (signature, publicKey);
    }

    private static BigInteger Big(string hex) => new(hex, 16);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Gives the same bytes at every draw: the signer draws k once per signature.</summary>
    private sealed class FixedBytes(byte[] value) : IRandomGenerator
    {
        public void AddSeedMaterial(byte[] seed)
        {
        }

        public void AddSeedMaterial(ReadOnlySpan<byte> seed)
        {
        }

        public void AddSeedMaterial(long seed)
        {
        }

        public void NextBytes(byte[] bytes) => NextBytes(bytes.AsSpan());

        public void NextBytes(byte[] bytes, int start, int len) => NextBytes(bytes.AsSpan(start, len));

        public void NextBytes(Span<byte> bytes) => value.AsSpan(0, bytes.Length).CopyTo(bytes);
    }
}
