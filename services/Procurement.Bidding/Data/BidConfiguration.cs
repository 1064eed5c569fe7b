using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Data;

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    /// <summary>The live bids (not withdrawn) by agency and tender; unique: one that counts per agency and tender.</summary>
    public const string LiveBidIndex = "UX_Bids_Live_AgencyId_TenderId";

    /// <summary>The withdrawn bids by agency and tender.</summary>
    public const string WithdrawnBidIndex = "IX_Bids_Withdrawn_AgencyId_TenderId";

    private const string LiveFilter = "[Status] <> 'Withdrawn'";

    public void Configure(EntityTypeBuilder<Bid> bid)
    {
        bid.ToTable("Bids");
        bid.HasKey(b => b.Id);
        bid.Property(b => b.Id).ValueGeneratedNever();
        bid.HasOne<Domain.OpenTender>().WithMany().HasForeignKey(b => b.TenderId).OnDelete(DeleteBehavior.Restrict);
        bid.HasOne<Domain.Agency>().WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // Status and version together guard every change: a withdrawal racing a revision loses with a 409.
        bid.Property(b => b.Status).HasConversion<string>().HasMaxLength(30).IsConcurrencyToken();
        bid.Property(b => b.Version).IsConcurrencyToken();
        // The whole sealed document (format | suite id | data key id | nonce | tag | ciphertext: SealedContent) in one column.
        bid.Property(b => b.SealedBytes).HasColumnName("SealedContent");
        bid.Property(b => b.ReceiptHash).HasMaxLength(64).IsUnicode(false);
        bid.Ignore(b => b.Receipt);
        // One bid that counts per agency and tender; a withdrawn one makes room for a new one. A submission writes two
        // of these three indexes: the withdrawn bids' index holds only withdrawn rows, so it is written by a withdrawal
        // alone (issue 17: the agency-first index every new bid used to write is gone). An agency's bids are its live
        // ones and its withdrawn ones (BidStore.OwnBids asks both partial indexes); a query that should use a partial
        // index repeats its filter as a term, since SQLite and SQL Server use one only when the query implies it.
        bid.HasIndex(b => new { b.AgencyId, b.TenderId }, LiveBidIndex).IsUnique().HasFilter(LiveFilter);
        bid.HasIndex(b => new { b.AgencyId, b.TenderId }, WithdrawnBidIndex).HasFilter("[Status] = 'Withdrawn'");
        bid.HasIndex(b => new { b.TenderId, b.Status });
    }
}

internal sealed class StaffCommitmentConfiguration : IEntityTypeConfiguration<StaffCommitment>
{
    public void Configure(EntityTypeBuilder<StaffCommitment> commitment)
    {
        commitment.ToTable("StaffCommitments");
        commitment.HasKey(c => c.Id);
        commitment.Property(c => c.Id).ValueGeneratedNever();
        commitment.Property(c => c.Person).HasMaxLength(CommitmentTags.TagLength).IsUnicode(false);
        commitment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        commitment.Property(c => c.Source).HasMaxLength(CommitmentTags.TagLength).IsUnicode(false);
        // In hundredths (FTE has two decimals): exact, summable, and no FTE figure stored as text.
        commitment.Property(c => c.Fte).HasConversion(v => (int)(v * 100m), v => v / 100m).HasColumnName("FteHundredths");
        // A submission reads only the rows of its own planned people; a bid, a tender or a contract finds its rows by source.
        commitment.HasIndex(c => c.Person);
        commitment.HasIndex(c => c.Source);
    }
}

internal sealed class TenderDataKeyConfiguration : IEntityTypeConfiguration<TenderDataKey>
{
    public void Configure(EntityTypeBuilder<TenderDataKey> key)
    {
        key.ToTable("TenderDataKeys");
        // One data key per tender; it is created when the tender is published (or by its first bid).
        key.HasKey(k => k.TenderId);
        key.Property(k => k.TenderId).ValueGeneratedNever();
        key.HasIndex(k => k.KeyId).IsUnique();
        key.Property(k => k.MasterKeyId).HasMaxLength(BidSealer.MaxKeyIdLength).IsUnicode(false);
        key.Property(k => k.WrappedKey).HasMaxLength(TenderDataKey.MaxWrappedSize);
        // Every key made before the suites were recorded is std-1's (AES-256): the default gives those rows their suite.
        // New rows always name theirs, so the default never chooses a suite for a new key.
        key.Property(k => k.Suite).HasMaxLength(SealedContent.MaxSuiteIdLength).IsUnicode(false).HasDefaultValue(NistSuite.SuiteId);
    }
}

internal sealed class UnsealAuditConfiguration : IEntityTypeConfiguration<UnsealAuditEntry>
{
    public void Configure(EntityTypeBuilder<UnsealAuditEntry> entry)
    {
        entry.ToTable("UnsealAudit");
        // The sequence is assigned by the chain, not by the database: two writers after the same row collide here.
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.ActorId).HasMaxLength(200);
        entry.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Reason).HasMaxLength(500);
        entry.Property(e => e.SealedContentSha256).HasMaxLength(64).IsUnicode(false);
        entry.Property(e => e.PreviousHash).HasMaxLength(64).IsUnicode(false);
        entry.Property(e => e.Hash).HasMaxLength(64).IsUnicode(false);
        entry.HasIndex(e => new { e.BidId, e.At });
    }
}

internal sealed class OpeningRecordConfiguration : IEntityTypeConfiguration<OpeningRecord>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<OpeningRecord> record)
    {
        record.ToTable("OpeningRecords");
        record.HasKey(r => r.TenderId);
        record.Property(r => r.TenderId).ValueGeneratedNever();
        record.Property(r => r.Entries).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => (IReadOnlyList<OpeningEntry>)(JsonSerializer.Deserialize<List<OpeningEntry>>(s, Json) ?? new List<OpeningEntry>()),
            TermsJson.ListComparer<OpeningEntry>());
    }
}
