using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

/// <summary>Each suite's hash against its standard's published examples.</summary>
public sealed class The_published_hash_vectors
{
    public static TheoryData<string, string, string> Vectors => new()
    {
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf"), the one-block message "abc".
        { NistSuite.SuiteId, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },

        // GB/T 32905-2016 (SM3) appendix A, example 1: the 24-bit message "abc".
        { ShangMiSuite.SuiteId, "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0" },

        // GB/T 32905-2016 (SM3) appendix A, example 2: the 512-bit message "abcd" repeated 16 times.
        { ShangMiSuite.SuiteId, string.Concat(Enumerable.Repeat("abcd", 16)), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hash_gives_the_published_value(string suiteId, string asciiMessage, string expected) =>
        Convert.ToHexStringLower(CryptoSuites.All.Single(s => s.Id == suiteId).Hash(System.Text.Encoding.ASCII.GetBytes(asciiMessage)))
            .Should().Be(expected);
}
