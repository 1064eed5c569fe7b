using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    /// On SQLite, every save goes to the database file's one writer, which commits the saves queued at the same time
    /// in one transaction, each in its own savepoint (<see cref="SqliteGroupCommit"/>): SQLite has one writer, and one
    /// fsync per bid made a deadline rush wait for the disk. The save is answered only after the COMMIT that holds
    /// it. Inside the writer no other commit can come between the <see cref="CommitCheck"/> (or the audit chain's last
    /// row read) and this save. SQL Server takes concurrent writers and groups commits itself; a save inside a
    /// caller's own transaction runs in it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changedTenders = TenderCache.ChangedIn(this);
        int saved;
        if (!Database.IsSqlite() || Database.CurrentTransaction is not null)
        {
            saved = await SaveCheckedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else
        {
            saved = await SqliteGroupCommit.For(Database.GetConnectionString()!)
                .SaveAsync(this, ct => SaveCheckedAsync(acceptAllChangesOnSuccess: false, ct), cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }
        }

        // Committed (or, in a caller's transaction, about to be): the submissions read these tenders again.
        TenderCache?.Forget(changedTenders);
        return saved;
    }

    /// <summary>The host's <see cref="Data.TenderCache"/>; none where the context was made without the host (design time, some tests).</summary>
    private TenderCache? TenderCache => _tenderCache ??= this.GetService<IDbContextOptions>()
        .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TenderCache)) as TenderCache;

    private TenderCache? _tenderCache;

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

    /// <summary>
    /// The context is pooled (DatabaseExtensions): what a request left here — unseal records of a save that failed, a
    /// commit check never run — must not reach the next request that rents it. EF Core resets only its own state.
    /// </summary>
    public override void Dispose()
    {
        ForgetRequestState();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        ForgetRequestState();
        return base.DisposeAsync();
    }

    private void ForgetRequestState()
    {
        CommitCheck = null;
        _toChain.Clear();
        _chained = [];
    }

    /// <summary>The same as <see cref="SaveChangesAsync(bool, CancellationToken)"/>, waited for.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

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

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class BiddingDbDesignTimeFactory : ServiceDesignTimeFactory<BiddingDb>;
