using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Data;

public sealed class TenderingDb(DbContextOptions<TenderingDb> options) : ServiceDbContext(options)
{
    public DbSet<ServiceProgram> Programs => Set<ServiceProgram>();

    public DbSet<Tender> Tenders => Set<Tender>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ServiceProgram>(program =>
        {
            program.ToTable("Programs");
            program.HasKey(p => p.Id);
            program.Property(p => p.Name).HasMaxLength(200);
            program.Property(p => p.Region).HasMaxLength(200);
            program.Property(p => p.ServiceDomain).HasConversion<string>().HasMaxLength(40);
            program.Property(p => p.Version).IsConcurrencyToken();
            program.HasIndex(p => p.PurchasingUnitId);
        });
        modelBuilder.Entity<Tender>(tender =>
        {
            tender.ToTable("Tenders");
            tender.HasKey(t => t.Id);
            tender.Property(t => t.Title).HasMaxLength(200);
            tender.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tender.Property(t => t.Version).IsConcurrencyToken();
            tender.Property(t => t.Method).HasConversion<string>().HasMaxLength(40);
            tender.Property(t => t.CancellationReason).HasMaxLength(1000);

            // Value objects as JSON text columns (see ContentJson).
            tender.Property(t => t.EvaluationScheme).HasConversion(v => ContentJson.WriteScheme(v!), s => ContentJson.ReadScheme(s));
            tender.Property(t => t.StaffingRequirement).HasConversion(v => ContentJson.WriteStaffing(v!), s => ContentJson.ReadStaffing(s));
            tender.Property(t => t.Kpis).HasConversion(v => ContentJson.WriteKpis(v), s => ContentJson.ReadKpis(s));
            tender.Property(t => t.PaymentSchedule).HasConversion(v => ContentJson.WriteSchedule(v!), s => ContentJson.ReadSchedule(s));
            tender.Property(t => t.PersonnelCost).HasConversion(v => ContentJson.WritePersonnelCost(v!), s => ContentJson.ReadPersonnelCost(s));
            tender.Property(t => t.Eligibility)
                .HasConversion(v => ContentJson.WriteTexts(v), s => ContentJson.ReadTexts(s), ContentJson.TextListComparer);
            tender.HasOne<ServiceProgram>().WithMany().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Restrict);
            tender.HasIndex(t => new { t.PurchasingUnitId, t.Status });
        });
    }
}

/// <summary>For <c>dotnet ef</c>: the SQL Server model, without a server.</summary>
public sealed class TenderingDbDesignTimeFactory : SqlServerDesignTimeFactory<TenderingDb>;
