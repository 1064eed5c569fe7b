using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Domain.Notifications;
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

    public DbSet<StaffCommitment> StaffCommitments => Set<StaffCommitment>();

    public DbSet<AgencyNotification> Notifications => Set<AgencyNotification>();

    public DbSet<EarlyCancellation> EarlyCancellations => Set<EarlyCancellation>();

    /// <summary>
    /// On SQLite, one writer at a time per database file, queued in this process. SQLite allows one writer; a
    /// second one that collides gets SQLITE_BUSY, which Microsoft.Data.Sqlite answers by sleeping and retrying
    /// (150 ms at a time), so under a deadline rush colliding commits waited far longer than the commits themselves
    /// take. Queueing here keeps each commit whole and durable (nothing is deferred or batched) and its request
    /// still waits for it. SQL Server takes concurrent writers itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!Database.IsSqlite())
        {
            return await SaveCheckedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Inside the queue no other commit can come between this check (or the audit chain's last row read) and this commit.
            return await SaveCheckedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private readonly List<UnsealRecord> _toChain = [];
    private List<UnsealAuditEntry> _chained = [];

    /// <summary>
    /// Puts unseal records on the audit chain with the next save: they are linked after the chain's last saved row just
    /// before the commit (on SQLite inside the write queue, so no other writer takes the same place; on SQL Server a
    /// writer that did fails on the sequence key and <see cref="BidStore.SaveWithAuditAsync"/> saves again, re-linked).
    /// </summary>
    internal void ChainOnSave(IEnumerable<UnsealRecord> records) => _toChain.AddRange(records);

    private async Task<int> SaveChainedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (_toChain.Count > 0)
        {
            // Links made for an attempt that failed are made again after the chain's last row as it is now.
            foreach (var entry in _chained)
            {
                Entry(entry).State = EntityState.Detached;
            }

            _chained = [.. await this.ChainAsync(_toChain, cancellationToken)];
            UnsealAudit.AddRange(_chained);
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        _toChain.Clear();
        _chained = [];
        return saved;
    }

    /// <summary>
    /// A rule that must still hold when the next save commits, checked again in the save's transaction (and, on SQLite,
    /// inside the write queue): the double-counting register is read before the save, and another agency's bid for the
    /// same person may commit in between; a certificate number may be enrolled for another person in between.
    /// Runs once, on the next save; throwing refuses that save.
    /// </summary>
    internal Func<CancellationToken, Task>? CommitCheck { get; set; }

    /// <summary>
    /// The save, with the <see cref="CommitCheck"/> (if any) read and the changes written in one serializable transaction:
    /// on SQL Server the check's reads then hold until the commit, so a concurrent writer of what it looked for waits or
    /// fails instead of slipping in between; on SQLite the write queue already keeps other writers out, and the transaction
    /// makes the check and the save one unit there too. A caller's own transaction is used as it is.
    /// </summary>
    private async Task<int> SaveCheckedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (CommitCheck is not { } check)
        {
            return await SaveChainedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        CommitCheck = null;
        if (Database.CurrentTransaction is not null)
        {
            await check(cancellationToken);
            return await SaveChainedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The retrying strategy of SQL Server takes a transaction only as one retriable unit: check and save are run again whole.
        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
            await check(ct);
            var saved = await SaveChainedAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!Database.IsSqlite())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

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
            tender.Property(t => t.ServiceDescription).HasMaxLength(4000);
            tender.Property(t => t.Region).HasMaxLength(200);
            tender.Property(t => t.ServiceDomain).HasMaxLength(40);
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
        modelBuilder.ApplyConfiguration(new StaffCommitmentConfiguration());
        modelBuilder.ApplyConfiguration(new AgencyNotificationConfiguration());
        modelBuilder.Entity<EarlyCancellation>(cancellation =>
        {
            cancellation.ToTable("EarlyCancellations");
            cancellation.HasKey(c => c.TenderId);
            cancellation.Property(c => c.TenderId).ValueGeneratedNever();
            cancellation.Property(c => c.Reason).HasMaxLength(1000);
        });
    }
}

/// <summary>One semaphore per SQLite connection string (database file), shared by every context in the process.</summary>
internal static class SqliteWriteGate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string? connectionString) => Gates.GetOrAdd(connectionString ?? "", _ => new SemaphoreSlim(1, 1));
}

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class BiddingDbDesignTimeFactory : ServiceDesignTimeFactory<BiddingDb>;
