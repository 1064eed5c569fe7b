using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Bidding.Domain;

namespace Procurement.Bidding.Data;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.ToTable("Agencies");
        agency.HasKey(a => a.Id);
        // The organisation id from Identity, never generated here.
        agency.Property(a => a.Id).ValueGeneratedNever();
        agency.Property(a => a.Name).HasMaxLength(200);
        // Read back as stored: a code accepted once stays readable even if a later rule is stricter.
        agency.Property(a => a.UnifiedSocialCreditCode)
            .HasConversion(code => code.Value, value => new UnifiedSocialCreditCode(value))
            .HasMaxLength(UnifiedSocialCreditCode.Length).IsUnicode(false);
        agency.HasIndex(a => a.UnifiedSocialCreditCode).IsUnique();
        agency.Property(a => a.Address).HasMaxLength(300);
        // Contacts and training records are small values read and written with their owner: one JSON column each.
        agency.ComplexCollection<List<AgencyContact>, AgencyContact>("_contacts", contacts => contacts.ToJson("Contacts"));
        agency.Ignore(a => a.Contacts);
        agency.Ignore(a => a.Debarment);
        agency.Property(a => a.DebarmentReason).HasMaxLength(1000);
        agency.Property(a => a.DebarredBy).HasMaxLength(100);
        agency.Property(a => a.SuspensionReason).HasMaxLength(500);
        agency.Ignore(a => a.Suspended);
        agency.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class SocialWorkerConfiguration : IEntityTypeConfiguration<SocialWorker>
{
    public void Configure(EntityTypeBuilder<SocialWorker> worker)
    {
        worker.ToTable("SocialWorkers");
        worker.HasKey(w => w.Id);
        worker.Property(w => w.Id).ValueGeneratedNever();
        worker.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        worker.Property(w => w.DisplayName).HasMaxLength(100);
        worker.Property(w => w.IdLookupHash).HasMaxLength(ProtectedIdNumber.HashLength).IsUnicode(false);
        worker.Property(w => w.IdNumberLastFour).HasMaxLength(4).IsUnicode(false);
        worker.Property(w => w.CertificateLevel).HasConversion<string>().HasMaxLength(20);
        worker.Property(w => w.CertificateNumber).HasMaxLength(50);
        worker.ComplexCollection<List<TrainingRecord>, TrainingRecord>("_training", training => training.ToJson("TrainingHours"));
        worker.Ignore(w => w.Training);
        worker.Property(w => w.Version).IsConcurrencyToken();
        // One person once per roster; the lookup across rosters is the double-counting check bids will run.
        worker.HasIndex(w => new { w.AgencyId, w.IdLookupHash }).IsUnique();
        worker.HasIndex(w => w.IdLookupHash);
    }
}
