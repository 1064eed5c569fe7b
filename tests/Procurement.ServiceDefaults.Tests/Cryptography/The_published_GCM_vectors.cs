using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

/// <summary>Each suite's authenticated encryption against a published GCM vector of its block cipher.</summary>
public sealed class The_published_GCM_vectors
{
    public static TheoryData<string, string, string, string, string, string, string> Vectors => new()
    {
        // std-1: The Galois/Counter Mode of Operation (McGrew and Viega, 2005; NIST's GCM specification),
        // appendix B, test case 16: AES-256, 96-bit IV, 60-byte plaintext, 20 bytes of associated data.
        {
            NistSuite.SuiteId,
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            "cafebabefacedbaddecaf888",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b"
        },

        // sm-1: RFC 8998 (ShangMi cipher suites for TLS 1.3), appendix A.1, the SM4-GCM test vector.
        {
            ShangMiSuite.SuiteId,
            "0123456789abcdeffedcba9876543210",
            "00001234567800000000abcd",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa",
            "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d",
            "83de3541e4c2b58177e065a9bf7b62ec"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Seal_gives_the_published_ciphertext_and_tag(string suiteId, string key, string nonce, string associatedData, string plaintext, string ciphertext, string tag)
    {
        var box = CryptoSuites.All.Single(s => s.Id == suiteId).Seal(Bytes(key), Bytes(nonce), Bytes(plaintext), Bytes(associatedData));

        Convert.ToHexStringLower(box.Ciphertext).Should().Be(ciphertext);
        Convert.ToHexStringLower(box.Tag).Should().Be(tag);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Open_gives_the_published_plaintext_back(string suiteId, string key, string nonce, string associatedData, string plaintext, string ciphertext, string tag)
    {
        var box = new SealedBox(suiteId, Bytes(nonce), Bytes(ciphertext), Bytes(tag));

        CryptoSuites.All.Single(s => s.Id == suiteId).Open(Bytes(key), box, Bytes(associatedData)).Should().Equal(Bytes(plaintext));
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);
}
