using System.Security.Cryptography;
using System.Text;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Issue 18, item 5: bids are sealed with the deployment's crypto suite (SM4 under <c>sm-1</c>, AES-256 under <c>std-1</c>),
/// every sealed bid names its suite, a tender keeps the suite of its data key, and what was sealed before opens forever.
/// </summary>
public sealed class Sealing_with_the_configured_crypto_suite
{
    /// <summary>
    /// Made by the sealer as it was before the suites (commit 1895d34), from the master key 00 01 … 1f under id
    /// <c>k2026</c>: tender …0001's data key, and version 3 of bid …0002 sealed under it.
    /// </summary>
    private static class FirstFormat
    {
        public const string Plaintext = "Sealed in format 1, before the crypto suites.";
        public static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        public static readonly Guid TenderId = Guid.Parse("019ae8f0-0000-7000-8000-000000000001");
        public static readonly Guid BidId = Guid.Parse("019ae8f0-0000-7000-8000-000000000002");
        public static readonly Guid KeyId = Guid.Parse("01a24bd7-677a-7938-9d00-13f6ab8dd080");

        public static readonly byte[] WrappedKey = Convert.FromHexString(
            "01d2fad08ca97f61162d795375d588e71b61969b78c2f28f0dca27a7111841be6b499bc1aeb199f72fa64693c1916f809b482df5c1cd804db38e70ba72");

        public static readonly byte[] SealedBytes = Convert.FromHexString(
            "0101a24bd7677a79389d0013f6ab8dd080bde1d7b6dc4ab12ce11e3bf06aaec3de4b86f1821ef3f83dc6df0a231bbb840881467398933ea79aaf829c111185"
            + "a75859010d6f5ff64fd05daef0d038721ca709409c4a19f0aa3d1f");

        /// <summary>The row as it reads after the migration: the suite column's default names std-1.</summary>
        public static TenderDataKey Key() => new(TenderId, KeyId, NistSuite.SuiteId, "k2026", [.. WrappedKey], DateTimeOffset.UnixEpoch);
    }

    [Theory]
    [InlineData(NistSuite.SuiteId, 32)]
    [InlineData(ShangMiSuite.SuiteId, 16)]
    public void A_bid_sealed_under_either_suite_opens_after_the_deadline_and_its_stored_bytes_name_that_suite(string suiteId, int dataKeySize)
    {
        var s = new BidScenario(suiteId);

        var bid = s.Submit();

        s.DataKey.Suite.Should().Be(suiteId);
        s.DataKey.WrappedKey.Should().HaveCount(1 + 12 + 16 + dataKeySize, "format, nonce, tag and the encrypted key of the suite's size");
        bid.SealedBytes[0].Should().Be(SealedContent.CurrentFormat);
        bid.SealedBytes[1].Should().Be((byte)suiteId.Length);
        Encoding.ASCII.GetString(bid.SealedBytes, 2, suiteId.Length).Should().Be(suiteId);
        var opened = bid.Unseal(s.Tender, s.Sealer, s.DataKey, BidScenario.Opening, BidScenario.Deadline);
        opened.Content.Price.Should().Be(480_000.00m);
        opened.Content.TechnicalProposal.Should().Be(BidScenario.Proposal);
        opened.Record.Sha256OfSealedContent.Should().Be(bid.ReceiptHash);
    }

    [Fact]
    public void Under_sm_1_the_content_is_SM4_GCM_under_a_data_key_that_SM4_wraps_under_a_key_SM3_derives_from_the_master_key()
    {
        var s = new BidScenario(ShangMiSuite.SuiteId);
        var bid = s.Submit();
        var sm = ShangMiSuite.Instance;

        // Opened with the SM suite alone, following the layouts TenderDataKey and SealedContent document.
        var wrappingKey = sm.Hash([.. s.MasterKey, .. Encoding.ASCII.GetBytes("procurement/tender-data-key-wrap/sm-1")])[..16];
        var wrapped = s.DataKey.WrappedKey;
        wrapped[0].Should().Be(TenderDataKey.CurrentFormat);
        var dataKey = sm.Open(
            wrappingKey, new SealedBox(ShangMiSuite.SuiteId, wrapped[1..13], wrapped[29..], wrapped[13..29]),
            TenderDataKey.AssociatedData(TenderDataKey.CurrentFormat, s.Tender.TenderId, s.DataKey.KeyId, ShangMiSuite.SuiteId, "sealing-2026"));
        dataKey.Should().HaveCount(16);
        var content = SealedContent.FromBytes(bid.SealedBytes);
        var associatedData = SealedContent.AssociatedData(SealedContent.CurrentFormat, ShangMiSuite.SuiteId, s.Tender.TenderId, bid.Id, 1, s.DataKey.KeyId);
        BidContent.FromJsonBytes(sm.Open(dataKey, content.Box, associatedData)).Price.Should().Be(480_000.00m);

        // AES-128 with the same key bytes is another cipher: it does not open what SM4 sealed.
        var asAes = () =>
        {
            using var aes = new AesGcm(dataKey, 16);
            aes.Decrypt(content.Nonce, content.Ciphertext, content.Tag, new byte[content.Ciphertext.Length], associatedData);
        };
        asAes.Should().Throw<AuthenticationTagMismatchException>();
    }

    [Theory]
    [InlineData(NistSuite.SuiteId)]
    [InlineData(ShangMiSuite.SuiteId)]
    public void A_bid_sealed_in_the_first_format_before_the_suites_still_opens_whatever_suite_is_configured(string configured)
    {
        var sealer = new BidSealer(new CryptoSuites(configured), "k2026", FirstFormat.MasterKey);
        var key = FirstFormat.Key();

        var opened = sealer.Unseal(key, FirstFormat.BidId, 3, FirstFormat.SealedBytes, Reading, DateTimeOffset.UnixEpoch);

        Encoding.UTF8.GetString(opened.Plaintext).Should().Be(FirstFormat.Plaintext);
        opened.Record.Sha256OfSealedContent.Should().Be(Convert.ToHexStringLower(SHA256.HashData(FirstFormat.SealedBytes)));
        SealedContent.FromBytes(FirstFormat.SealedBytes).Should().Match<SealedContent>(c => c.Format == SealedContent.FirstFormat && c.SuiteId == NistSuite.SuiteId);

        // Its binding to its place holds as it did: as another version it does not open.
        var asOtherVersion = () => sealer.Unseal(key, FirstFormat.BidId, 2, FirstFormat.SealedBytes, Reading, DateTimeOffset.UnixEpoch);
        asOtherVersion.Should().Throw<SealBrokenException>();

        // A revision after the upgrade is sealed in the current format, still with the tender's std-1 key.
        var revision = sealer.Seal(key, FirstFormat.BidId, 4, "revised"u8).ToBytes();
        SealedContent.FromBytes(revision).Should().Match<SealedContent>(c => c.Format == SealedContent.CurrentFormat && c.SuiteId == NistSuite.SuiteId);
        Encoding.UTF8.GetString(sealer.Unseal(key, FirstFormat.BidId, 4, revision, Reading, DateTimeOffset.UnixEpoch).Plaintext).Should().Be("revised");
    }

    [Fact]
    public void A_master_key_rotation_rewraps_a_first_format_data_key_in_the_current_format_and_its_old_bids_still_open()
    {
        var newMaster = RandomNumberGenerator.GetBytes(32);
        var rotated = new BidSealer(new CryptoSuites(ShangMiSuite.SuiteId), "k2027", newMaster, new Dictionary<string, byte[]> { ["k2026"] = FirstFormat.MasterKey });
        var key = FirstFormat.Key();

        rotated.Rewrap(key, DateTimeOffset.UnixEpoch.AddDays(1)).Should().BeTrue();

        key.WrappedKey[0].Should().Be(TenderDataKey.CurrentFormat);
        key.Suite.Should().Be(NistSuite.SuiteId, "the key is the AES-256 key it was; only its wrap changed");
        var onlyNew = new BidSealer(new CryptoSuites(ShangMiSuite.SuiteId), "k2027", newMaster);
        Encoding.UTF8.GetString(onlyNew.Unseal(key, FirstFormat.BidId, 3, FirstFormat.SealedBytes, Reading, DateTimeOffset.UnixEpoch).Plaintext)
            .Should().Be(FirstFormat.Plaintext);
    }

    [Fact]
    public void A_deployment_that_moves_from_std_1_to_sm_1_mid_tender_keeps_that_tender_on_AES_and_seals_the_next_tender_with_SM4()
    {
        var before = new BidScenario(NistSuite.SuiteId);
        var bid = before.Submit();
        var firstVersion = bid.SealedBytes;

        // The same deployment (same master key) restarted with Crypto:Suite = sm-1, and a tender published after it.
        var after = new BidScenario(ShangMiSuite.SuiteId, before.MasterKey);
        bid.Revise(before.Tender, before.Validate(before.Draft(price: 470_000.00m, costs: new CostBreakdown(300_000.00m, 110_000.00m, 40_000.00m, 20_000.00m)), revisedBidId: bid.Id),
            after.Sealer, before.DataKey, BidScenario.Before.AddHours(1));
        var nextTendersBid = after.Submit();

        SuiteOf(bid.SealedBytes).Should().Be(NistSuite.SuiteId, "the open tender's key is std-1's, whatever is configured now");
        after.DataKey.Suite.Should().Be(ShangMiSuite.SuiteId);
        SuiteOf(nextTendersBid.SealedBytes).Should().Be(ShangMiSuite.SuiteId);
        after.Sealer.Unseal(before.DataKey, bid.Id, 1, firstVersion, Reading, BidScenario.Before).Plaintext.Should().NotBeEmpty();
        bid.Unseal(before.Tender, after.Sealer, before.DataKey, BidScenario.Opening, BidScenario.Deadline).Content.Price.Should().Be(470_000.00m);
        nextTendersBid.Unseal(after.Tender, after.Sealer, after.DataKey, BidScenario.Opening, BidScenario.Deadline).Content.Price.Should().Be(480_000.00m);

        // And a deployment that goes back to std-1 still opens what SM4 sealed.
        nextTendersBid.Unseal(after.Tender, before.Sealer, after.DataKey, BidScenario.Opening, BidScenario.Deadline).Content.Price.Should().Be(480_000.00m);
    }

    [Fact]
    public void A_data_key_relabelled_with_the_other_suite_opens_none_of_its_bids()
    {
        var s = new BidScenario(ShangMiSuite.SuiteId);
        var bid = s.Submit();
        var relabelled = new TenderDataKey(s.Tender.TenderId, s.DataKey.KeyId, NistSuite.SuiteId, s.DataKey.MasterKeyId, s.DataKey.WrappedKey, BidScenario.Before);

        var unseal = () => s.Sealer.Unseal(relabelled, bid.Id, 1, bid.SealedBytes, s.OwnerRead, BidScenario.Before);
        var seal = () => s.Sealer.Seal(relabelled, bid.Id, 2, "{}"u8);

        unseal.Should().Throw<SealBrokenException>();
        seal.Should().Throw<SealBrokenException>().WithMessage("*wrong length or format*std-1*");
    }

    private static UnsealRequest Reading => new("auditor-1", null, UnsealPurpose.Opening, "Checking bids sealed before the upgrade");

    private static string SuiteOf(byte[] sealedBytes) => SealedContent.FromBytes(sealedBytes).SuiteId;
}
