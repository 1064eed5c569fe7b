using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Data;

public sealed class BiddingDb(DbContextOptions<BiddingDb> options) : ServiceDbContext(options)
{
    public DbSet<OpenTender> OpenTenders => Set<OpenTender>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<SocialWorker> SocialWorkers => Set<SocialWorker>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<TenderDataKey> TenderDataKeys => Set<TenderDataKey>();

    public DbSet<UnsealAuditEntry> UnsealAudit => Set<UnsealAuditEntry>();

    public DbSet<OpeningRecord> OpeningRecords => Set<OpeningRecord>();

    private static TenderPersonnelCost ToPersonnelCost(TermsJson.TenderPersonnelCostStored stored) =>
        new(stored.MinimumPersonnelShare, stored.PayFloors.AsReadOnly());

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OpenTender>(tender =>
        {
            tender.ToTable("OpenTenders");
            tender.HasKey(t => t.TenderId);
            tender.Property(t => t.TenderId).ValueGeneratedNever();
            tender.Property(t => t.Title).HasMaxLength(200);
            tender.Property(t => t.ProcurementMethod).HasMaxLength(40);
            tender.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tender.Property(t => t.CancellationReason).HasMaxLength(1000);
            tender.Property(t => t.Staffing).HasConversion(v => TermsJson.Write(v), s => TermsJson.Read<TenderStaffing>(s));
            tender.Property(t => t.PersonnelCost).HasConversion(
                v => TermsJson.Write(v),
                s => ToPersonnelCost(TermsJson.ReadPersonnelCost(s)),
                TermsJson.PersonnelCostComparer);
            tender.Property(t => t.Eligibility).HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadTexts(s), TermsJson.ListComparer<string>());
            tender.Ignore(t => t.Terms);
            tender.HasIndex(t => new { t.Status, t.BidDeadline });
        });
        modelBuilder.ApplyConfiguration(new AgencyConfiguration());
        modelBuilder.ApplyConfiguration(new SocialWorkerConfiguration());
        modelBuilder.ApplyConfiguration(new BidConfiguration());
        modelBuilder.ApplyConfiguration(new TenderDataKeyConfiguration());
        modelBuilder.ApplyConfiguration(new UnsealAuditConfiguration());
        modelBuilder.ApplyConfiguration(new OpeningRecordConfiguration());
    }
}

/// <summary>For <c>dotnet ef</c>: the SQL Server model, without a server.</summary>
public sealed class BiddingDbDesignTimeFactory : SqlServerDesignTimeFactory<BiddingDb>;
