using System.Security.Cryptography;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

/// <summary>What both suites promise alike, run on each; the published vectors are in each suite's own class.</summary>
public sealed class Either_suite
{
    private static readonly byte[] Contract = "采购合同 2027-001: 社区养老服务, 1,200,000.00 CNY"u8.ToArray();
    private static readonly byte[] BidIds = "bid 0197a0c4 / tender 0197a0b1"u8.ToArray();

    public static TheoryData<string> Suites => [NistSuite.SuiteId, ShangMiSuite.SuiteId];

    public static TheoryData<string, string> SuitePairs => new()
    {
        { NistSuite.SuiteId, ShangMiSuite.SuiteId },
        { ShangMiSuite.SuiteId, NistSuite.SuiteId },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_hash_is_32_bytes_and_the_same_for_the_same_data(string id)
    {
        var suite = Suite(id);

        suite.Hash(Contract).Should().HaveCount(CryptoSuite.HashSize).And.Equal(suite.Hash(Contract));
        suite.Hash(Contract).Should().NotEqual(suite.Hash(BidIds));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_signature_it_makes_is_64_bytes_and_verifies_with_the_public_key(string id)
    {
        var suite = Suite(id);
        var keys = suite.CreateKeyPair();

        var signature = suite.Sign(keys.PrivateKey, Contract);

        keys.SuiteId.Should().Be(id);
        signature.Should().HaveCount(CryptoSuite.SignatureSize);
        suite.Verify(keys.PublicKey, Contract, signature).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_changed_message_or_signature_does_not_verify(string id)
    {
        var suite = Suite(id);
        var keys = suite.CreateKeyPair();
        var signature = suite.Sign(keys.PrivateKey, Contract);
        var changedMessage = Contract.ToArray();
        changedMessage[^1] ^= 1;
        var changedSignature = signature.ToArray();
        changedSignature[10] ^= 1;

        suite.Verify(keys.PublicKey, changedMessage, signature).Should().BeFalse();
        suite.Verify(keys.PublicKey, Contract, changedSignature).Should().BeFalse();
        suite.Verify(keys.PublicKey, Contract, signature[..63]).Should().BeFalse("a signature of the wrong length is no signature");
        suite.Verify(suite.CreateKeyPair().PublicKey, Contract, signature).Should().BeFalse("another key of the same suite did not sign it");
    }

    [Theory]
    [MemberData(nameof(SuitePairs))]
    public void The_other_suites_keys_are_refused_naming_the_suite(string id, string otherId)
    {
        var suite = Suite(id);
        var otherKeys = Suite(otherId).CreateKeyPair();
        var signature = Suite(otherId).Sign(otherKeys.PrivateKey, Contract);

        suite.Invoking(s => s.Verify(otherKeys.PublicKey, Contract, signature))
            .Should().Throw<CryptographicException>().WithMessage($"*crypto suite '{id}'*");
        suite.Invoking(s => s.Sign(otherKeys.PrivateKey, Contract))
            .Should().Throw<CryptographicException>().WithMessage($"*crypto suite '{id}'*");
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Bytes_that_are_no_key_are_refused(string id)
    {
        var suite = Suite(id);

        suite.Invoking(s => s.Verify([0x30, 0x03, 0x02, 0x01, 0x01], Contract, new byte[64])).Should().Throw<CryptographicException>();
        suite.Invoking(s => s.Sign("not a key"u8, Contract)).Should().Throw<CryptographicException>();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_sealed_box_opens_with_its_key_and_associated_data(string id)
    {
        var suite = Suite(id);
        var key = suite.CreateSealingKey();

        var box = suite.Seal(key, Contract, BidIds);

        box.SuiteId.Should().Be(id);
        box.Nonce.Should().HaveCount(CryptoSuite.NonceSize);
        box.Tag.Should().HaveCount(CryptoSuite.TagSize);
        box.Ciphertext.Should().HaveCount(Contract.Length).And.NotEqual(Contract);
        suite.Open(key, box, BidIds).Should().Equal(Contract);
        suite.Seal(key, Contract, BidIds).Nonce.Should().NotEqual(box.Nonce, "every box draws its own nonce");
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void An_empty_plaintext_is_sealed_and_opened_too(string id)
    {
        var suite = Suite(id);
        var key = suite.CreateSealingKey();

        suite.Open(key, suite.Seal(key, []), []).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_box_with_a_changed_ciphertext_tag_nonce_associated_data_or_key_does_not_open(string id)
    {
        var suite = Suite(id);
        var key = suite.CreateSealingKey();
        var box = suite.Seal(key, Contract, BidIds);
        var otherBid = BidIds.ToArray();
        otherBid[4] ^= 1;

        Opening(suite, key, box with { Ciphertext = Flipped(box.Ciphertext) }, BidIds).Should().Throw<AuthenticationTagMismatchException>();
        Opening(suite, key, box with { Tag = Flipped(box.Tag) }, BidIds).Should().Throw<AuthenticationTagMismatchException>();
        Opening(suite, key, box with { Nonce = Flipped(box.Nonce) }, BidIds).Should().Throw<AuthenticationTagMismatchException>();
        Opening(suite, key, box, otherBid).Should().Throw<AuthenticationTagMismatchException>();
        Opening(suite, key, box, []).Should().Throw<AuthenticationTagMismatchException>();
        Opening(suite, suite.CreateSealingKey(), box, BidIds).Should().Throw<AuthenticationTagMismatchException>();
    }

    [Theory]
    [MemberData(nameof(SuitePairs))]
    public void A_box_of_the_other_suite_is_refused_naming_both_suites(string id, string otherId)
    {
        var other = Suite(otherId);
        var box = other.Seal(other.CreateSealingKey(), Contract);

        Opening(Suite(id), new byte[Suite(id).SealingKeySize], box, [])
            .Should().Throw<ArgumentException>().WithMessage($"*'{otherId}', not '{id}'*");
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_key_or_nonce_of_the_wrong_length_is_refused(string id)
    {
        var suite = Suite(id);
        var key = suite.CreateSealingKey();
        var box = suite.Seal(key, Contract);

        suite.Invoking(s => s.Seal(new byte[suite.SealingKeySize + 1], Contract)).Should().Throw<ArgumentException>().WithParameterName("key");
        Opening(suite, key, box with { Nonce = new byte[16] }, []).Should().Throw<ArgumentException>().WithParameterName("nonce");
        Opening(suite, key, box with { Tag = box.Tag[..12] }, []).Should().Throw<ArgumentException>().WithParameterName("tag");
    }

    private static CryptoSuite Suite(string id) => new CryptoSuites(id).Current;

    private static Action Opening(CryptoSuite suite, byte[] key, SealedBox box, byte[] associatedData) =>
        () => suite.Open(key, box, associatedData);

    private static byte[] Flipped(byte[] bytes)
    {
        var copy = bytes.ToArray();
        copy[0] ^= 0x80;
        return copy;
    }
}
