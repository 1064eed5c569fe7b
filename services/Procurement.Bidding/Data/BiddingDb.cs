using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Data;

public sealed class BiddingDb(DbContextOptions<BiddingDb> options) : ServiceDbContext(options)
{
    public DbSet<OpenTender> OpenTenders => Set<OpenTender>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<SocialWorker> SocialWorkers => Set<SocialWorker>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OpenTender>(tender =>
        {
            tender.ToTable("OpenTenders");
            tender.HasKey(t => t.TenderId);
            tender.Property(t => t.TenderId).ValueGeneratedNever();
            tender.Property(t => t.Title).HasMaxLength(200);
            tender.HasIndex(t => t.BidDeadline);
        });
        modelBuilder.ApplyConfiguration(new AgencyConfiguration());
        modelBuilder.ApplyConfiguration(new SocialWorkerConfiguration());
    }
}

/// <summary>For <c>dotnet ef</c>: the SQL Server model, without a server.</summary>
public sealed class BiddingDbDesignTimeFactory : SqlServerDesignTimeFactory<BiddingDb>;
