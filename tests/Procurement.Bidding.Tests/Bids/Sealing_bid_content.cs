using System.Security.Cryptography;
using System.Text;
using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Sealing_bid_content
{
    private static readonly CryptoSuites Std = new(NistSuite.SuiteId);

    private readonly BidScenario _s = new();

    [Fact]
    public void Sealed_content_unseals_to_what_was_submitted_with_a_record_of_who_opened_it_and_why()
    {
        var draft = _s.Draft();
        var bid = _s.Submit(draft);

        var opened = bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, _s.OwnerRead, BidScenario.Before.AddHours(1));

        opened.Content.Price.Should().Be(480_000.00m);
        opened.Content.Costs.Should().Be(draft.Costs);
        opened.Content.Staffing.Should().Equal(draft.Staffing);
        opened.Content.TechnicalProposal.Should().Be(BidScenario.Proposal);
        opened.Content.AbnormallyLow.Should().BeFalse();
        opened.Record.Should().Be(new UnsealRecord(
            _s.Tender.TenderId, bid.Id, 1, "agency-user-1", _s.AgencyId, UnsealPurpose.OwnerRead, "Reviewing our bid before revising it",
            BidScenario.Before.AddHours(1), bid.ReceiptHash));
    }

    [Fact]
    public void The_sealed_bytes_contain_neither_the_price_nor_the_proposal_text()
    {
        var draft = _s.Draft(price: 487_654.32m, costs: new CostBreakdown(300_000.00m, 127_654.32m, 40_000.00m, 20_000.00m));
        var plaintext = _s.Validate(draft).Content.ToJsonBytes();
        var bid = _s.Submit(draft);

        string[] secrets = ["487654.32", "isolated elder with a named worker"];
        foreach (var secret in secrets)
        {
            // The plaintext document carries them, so their absence from the sealed bytes means something.
            Contains(plaintext, Encoding.UTF8.GetBytes(secret)).Should().BeTrue();
            Contains(bid.SealedBytes, Encoding.UTF8.GetBytes(secret)).Should().BeFalse();
            Contains(bid.SealedBytes, Encoding.Unicode.GetBytes(secret)).Should().BeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(EveryPartUnderEitherSuite))]
    public void One_flipped_bit_anywhere_in_the_sealed_bytes_breaks_the_seal(string suiteId, string part)
    {
        var s = new BidScenario(suiteId);
        var bid = s.Submit();
        var tampered = bid.SealedBytes.ToArray();
        tampered[PositionOf(part, SealedContent.FromBytes(bid.SealedBytes))] ^= 0x01;

        var unseal = () => s.Sealer.Unseal(s.DataKey, bid.Id, bid.Version, tampered, s.OwnerRead, BidScenario.Before);

        unseal.Should().Throw<SealBrokenException>();
    }

    public static TheoryData<string, string> EveryPartUnderEitherSuite()
    {
        var data = new TheoryData<string, string>();
        foreach (var suite in new[] { NistSuite.SuiteId, ShangMiSuite.SuiteId })
        {
            foreach (var part in new[] { "format", "suite id length", "suite id", "data key id", "nonce", "tag", "first ciphertext byte", "last ciphertext byte" })
            {
                data.Add(suite, part);
            }
        }

        return data;
    }

    /// <summary>A byte inside each part of the current layout: format | suite id length | suite id | key id | nonce | tag | ciphertext.</summary>
    private static int PositionOf(string part, SealedContent content)
    {
        var keyAt = 2 + content.SuiteId.Length;
        return part switch
        {
            "format" => 0,
            "suite id length" => 1,
            "suite id" => 3,
            "data key id" => keyAt + 5,
            "nonce" => keyAt + 16 + 3,
            "tag" => keyAt + 16 + SealedContent.NonceSize + 3,
            "first ciphertext byte" => content.HeaderSize,
            _ => content.HeaderSize + content.Ciphertext.Length - 1,
        };
    }

    [Fact]
    public void A_ciphertext_moved_to_another_bid_or_version_does_not_unseal()
    {
        var first = _s.Submit();
        var second = _s.Submit();

        var asOtherBid = () => _s.Sealer.Unseal(_s.DataKey, second.Id, 1, first.SealedBytes, _s.OwnerRead, BidScenario.Before);
        var asOtherVersion = () => _s.Sealer.Unseal(_s.DataKey, first.Id, 2, first.SealedBytes, _s.OwnerRead, BidScenario.Before);
        var inPlace = () => _s.Sealer.Unseal(_s.DataKey, first.Id, 1, first.SealedBytes, _s.OwnerRead, BidScenario.Before);

        asOtherBid.Should().Throw<SealBrokenException>().WithInnerException<AuthenticationTagMismatchException>();
        asOtherVersion.Should().Throw<SealBrokenException>();
        inPlace.Should().NotThrow();
    }

    [Fact]
    public void The_receipt_hash_is_the_sha256_of_the_stored_bytes()
    {
        var bid = _s.Submit(now: BidScenario.Before.AddMinutes(7));

        bid.Receipt.Should().Be(new BidReceipt(bid.Id, 1, BidScenario.Before.AddMinutes(7), Convert.ToHexStringLower(SHA256.HashData(bid.SealedBytes))));
        bid.ReceiptHash.Should().HaveLength(64);
    }

    [Fact]
    public void Sealed_content_survives_a_round_trip_through_base64_and_bytes()
    {
        var sealedContent = _s.Sealer.Seal(_s.DataKey, Guid.CreateVersion7(), 1, "{}"u8);

        var again = SealedContent.FromBase64(sealedContent.ToBase64());

        again.ToBytes().Should().Equal(sealedContent.ToBytes());
        again.DataKeyId.Should().Be(_s.DataKey.KeyId);
        again.Nonce.Should().HaveCount(12);
        again.Tag.Should().HaveCount(16);
        var truncated = () => SealedContent.FromBytes(sealedContent.ToBytes().AsSpan(0, sealedContent.HeaderSize - 1));
        truncated.Should().Throw<SealBrokenException>();
    }

    [Fact]
    public void Each_tender_has_its_own_data_key_and_one_tenders_key_cannot_open_anothers_bids()
    {
        var otherTenderId = Guid.CreateVersion7();
        var otherKey = _s.Sealer.CreateDataKey(otherTenderId, BidScenario.Before);
        var bid = _s.Submit();

        otherKey.KeyId.Should().NotBe(_s.DataKey.KeyId);
        otherKey.WrappedKey.Should().NotEqual(_s.DataKey.WrappedKey);
        var withOtherKey = () => _s.Sealer.Unseal(otherKey, bid.Id, 1, bid.SealedBytes, _s.OwnerRead, BidScenario.Before);
        withOtherKey.Should().Throw<SealBrokenException>();

        // Copying tender A's wrapped key onto tender B's row does not give B the key either: the wrap is bound to its tender.
        var stolen = new TenderDataKey(otherTenderId, _s.DataKey.KeyId, _s.DataKey.Suite, _s.DataKey.MasterKeyId, _s.DataKey.WrappedKey, BidScenario.Before);
        var withStolenKey = () => _s.Sealer.Unseal(stolen, bid.Id, 1, bid.SealedBytes, _s.OwnerRead, BidScenario.Before);
        withStolenKey.Should().Throw<SealBrokenException>();
    }

    [Theory]
    [InlineData(NistSuite.SuiteId, 32)]
    [InlineData(ShangMiSuite.SuiteId, 16)]
    public void After_a_master_key_rotation_old_data_keys_unwrap_by_their_key_id_and_can_be_rewrapped(string suiteId, int dataKeySize)
    {
        var suites = new CryptoSuites(suiteId);
        var oldMaster = RandomNumberGenerator.GetBytes(32);
        var newMaster = RandomNumberGenerator.GetBytes(32);
        var before = new BidSealer(suites, "k2026", oldMaster);
        var key = before.CreateDataKey(_s.Tender.TenderId, BidScenario.Before);
        var sealedBytes = before.Seal(key, Guid.Empty, 1, "sealed before the rotation"u8).ToBytes();
        key.MasterKeyId.Should().Be("k2026");

        var rotated = new BidSealer(suites, "k2027", newMaster, new Dictionary<string, byte[]> { ["k2026"] = oldMaster });
        Text(rotated.Unseal(key, Guid.Empty, 1, sealedBytes, _s.OwnerRead, BidScenario.Before)).Should().Be("sealed before the rotation");
        rotated.CreateDataKey(Guid.CreateVersion7(), BidScenario.Before).MasterKeyId.Should().Be("k2027");

        var onlyNew = new BidSealer(suites, "k2027", newMaster);
        var beforeRewrap = () => onlyNew.Unseal(key, Guid.Empty, 1, sealedBytes, _s.OwnerRead, BidScenario.Before);
        beforeRewrap.Should().Throw<InvalidOperationException>().WithMessage("*'k2026'*not configured*");

        rotated.Rewrap(key, BidScenario.Before.AddDays(1)).Should().BeTrue();
        rotated.Rewrap(key, BidScenario.Before.AddDays(1)).Should().BeFalse();
        key.MasterKeyId.Should().Be("k2027");
        key.WrappedAt.Should().Be(BidScenario.Before.AddDays(1));
        key.Suite.Should().Be(suiteId, "a rotation changes the master key, not the data key or its suite");
        key.WrappedKey.Should().HaveCount(1 + 12 + 16 + dataKeySize);
        Text(onlyNew.Unseal(key, Guid.Empty, 1, sealedBytes, _s.OwnerRead, BidScenario.Before)).Should().Be("sealed before the rotation");
    }

    [Fact]
    public void A_master_key_under_the_right_id_but_with_the_wrong_bytes_breaks_the_seal()
    {
        var impostor = new BidSealer(Std, _s.Sealer.CurrentKeyId, RandomNumberGenerator.GetBytes(32));
        var bid = _s.Submit();

        var unseal = () => impostor.Unseal(_s.DataKey, bid.Id, 1, bid.SealedBytes, _s.OwnerRead, BidScenario.Before);

        unseal.Should().Throw<SealBrokenException>().WithMessage("*does not unwrap*");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void A_master_key_must_be_256_bits(int length)
    {
        var create = () => new BidSealer(Std, "k1", new byte[length]);

        create.Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
    }

    [Fact]
    public void Before_the_deadline_only_the_bidding_agency_may_unseal_its_bid()
    {
        var bid = _s.Submit();
        var otherAgency = new UnsealRequest("agency-user-9", Guid.CreateVersion7(), UnsealPurpose.OwnerRead, "Curious");

        var byOther = () => bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, otherAgency, BidScenario.Before);
        var openingEarly = () => bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, BidScenario.Opening, BidScenario.Deadline.AddTicks(-1));

        byOther.Should().Throw<NotPermittedException>().Which.Code.Should().Be(BidCodes.BidOwnerOnly);
        openingEarly.Should().Throw<ConflictException>().Which.Code.Should().Be(BidCodes.BidSealedUntilOpening);
        bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, BidScenario.Opening, BidScenario.Deadline).Record.Purpose.Should().Be(UnsealPurpose.Opening);
    }

    [Fact]
    public void An_unseal_without_an_actor_or_a_reason_is_refused()
    {
        var bid = _s.Submit();

        var noReason = () => bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, _s.OwnerRead with { Reason = " " }, BidScenario.Before);
        var noActor = () => bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, _s.OwnerRead with { ActorId = "" }, BidScenario.Before);

        noReason.Should().Throw<ArgumentException>();
        noActor.Should().Throw<ArgumentException>();
    }

    private static string Text(UnsealedContent opened) => Encoding.UTF8.GetString(opened.Plaintext);

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
