using System.Security.Cryptography;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

/// <summary>std-1's signature against RFC 6979's published P-256 key and signature; its hash and GCM are in The_published_hash_vectors and The_published_GCM_vectors.</summary>
public sealed class The_std_1_suite
{
    private static readonly CryptoSuite Suite = NistSuite.Instance;

    // RFC 6979 appendix A.2.5: ECDSA, 256 bits (prime field), the key pair and the signature with SHA-256 of "sample".
    private const string Rfc6979X = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private const string Rfc6979Ux = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private const string Rfc6979Uy = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
    private const string Rfc6979SampleSha256 =
        "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716" +
        "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";

    [Fact]
    public void Verifies_the_RFC_6979_A_2_5_P_256_SHA_256_signature_of_sample_with_that_appendixs_public_key()
    {
        var publicKey = Rfc6979Key(withPrivate: false).ExportSubjectPublicKeyInfo();

        Suite.Verify(publicKey, "sample"u8, Convert.FromHexString(Rfc6979SampleSha256)).Should().BeTrue();
        Suite.Verify(publicKey, "samples"u8, Convert.FromHexString(Rfc6979SampleSha256)).Should().BeFalse();
    }

    [Fact]
    public void A_signature_it_makes_with_the_RFC_6979_private_key_verifies_with_that_appendixs_public_key()
    {
        // The suite draws k at random, so its signature differs from the appendix's; the key pair is the appendix's.
        var privateKey = Rfc6979Key(withPrivate: true).ExportPkcs8PrivateKey();
        var publicKey = Rfc6979Key(withPrivate: false).ExportSubjectPublicKeyInfo();

        Suite.Verify(publicKey, "sample"u8, Suite.Sign(privateKey, "sample"u8)).Should().BeTrue();
    }

    private static ECDsa Rfc6979Key(bool withPrivate) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        D = withPrivate ? Convert.FromHexString(Rfc6979X) : null,
        Q = new ECPoint { X = Convert.FromHexString(Rfc6979Ux), Y = Convert.FromHexString(Rfc6979Uy) },
    });

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
