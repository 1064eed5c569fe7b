using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Disbursement.Data;

/// <summary>
/// Disbursement's own database: its copy of the contracts, the instalments, the immutable ledger, the budget
/// lines' concurrency guards and the idempotency records, with the outbox and inbox every service has.
/// </summary>
public sealed class DisbursementDb(DbContextOptions<DisbursementDb> options) : ServiceDbContext(options)
{
    public DbSet<ContractAccount> Contracts => Set<ContractAccount>();

    public DbSet<Instalment> Instalments => Set<Instalment>();

    public DbSet<LedgerLine> LedgerLines => Set<LedgerLine>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Adds a movement's two lines; they are saved with the status change in the same SaveChanges.</summary>
    public void Book(IEnumerable<LedgerMovement> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        foreach (var movement in movements)
        {
            LedgerLines.AddRange(movement.Lines);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseLedgerRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseLedgerRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The ledger is append-only: a line once written is never changed or removed.</summary>
    private void RefuseLedgerRewrites()
    {
        if (ChangeTracker.Entries<LedgerLine>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Ledger lines are immutable: book a new movement instead of changing or deleting one.");
        }

        var unbalanced = ChangeTracker.Entries<LedgerLine>().Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Entity.MovementId)
            .Where(g => g.Count() != 2 || g.Sum(e => e.Entity.Debit) != g.Sum(e => e.Entity.Credit))
            .Select(g => g.Key)
            .FirstOrDefault();
        if (unbalanced != Guid.Empty)
        {
            throw new InvalidOperationException($"Movement {unbalanced} is not two balanced lines.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ContractAccount>(contract =>
        {
            contract.ToTable("Contracts");
            contract.HasKey(c => c.ContractId);
            contract.Property(c => c.ContractId).ValueGeneratedNever();
            contract.Property(c => c.EndedOutcome).HasMaxLength(20);
            contract.Property(c => c.ScheduleProblem).HasMaxLength(1000);
            contract.Property(c => c.Version).IsConcurrencyToken();
            contract.HasIndex(c => c.AgencyId);
            contract.HasIndex(c => c.PurchasingUnitId);
        });
        modelBuilder.Entity<Instalment>(instalment =>
        {
            instalment.ToTable("Instalments");
            instalment.HasKey(i => i.Id);
            instalment.Property(i => i.Id).ValueGeneratedNever();
            instalment.Property(i => i.Condition).HasConversion<string>().HasMaxLength(20);
            instalment.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            instalment.Property(i => i.Percent).HasPrecision(5, 2);
            instalment.Property(i => i.WithholdReason).HasMaxLength(1000);
            instalment.Property(i => i.RejectionReason).HasMaxLength(1000);
            foreach (var actor in new[] { "WithholdingDecidedBy", "RequestedBy", "ApprovedBy", "ReleasedBy", "PaidBy", "RejectedBy" })
            {
                instalment.Property<string?>(actor).HasMaxLength(100);
            }

            instalment.Property(i => i.Version).IsConcurrencyToken();
            instalment.Ignore(i => i.IsOpen);
            // One instalment per place in a contract's schedule: a redelivered activation cannot schedule twice.
            instalment.HasIndex(i => new { i.ContractId, i.Sequence }).IsUnique();
            instalment.HasIndex(i => new { i.Status, i.PayBy });
            instalment.HasOne<ContractAccount>().WithMany().HasForeignKey(i => i.ContractId);
        });
        modelBuilder.Entity<LedgerLine>(line =>
        {
            line.ToTable("LedgerLines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedOnAdd();
            line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.Account).HasMaxLength(120);
            line.Property(l => l.ActorId).HasMaxLength(100);
            line.HasIndex(l => l.Account);
            line.HasIndex(l => l.ContractId);
            line.HasIndex(l => new { l.PurchasingUnitId, l.FiscalYear });
            line.HasIndex(l => l.MovementId);
        });
        modelBuilder.Entity<BudgetLine>(budget =>
        {
            budget.ToTable("BudgetLines");
            budget.HasKey(b => new { b.PurchasingUnitId, b.ProgramId, b.FiscalYear });
            budget.Property(b => b.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("IdempotencyRecords");
            record.HasKey(r => r.Key);
            record.Property(r => r.Key).HasMaxLength(100);
            record.Property(r => r.Operation).HasMaxLength(100);
            record.Property(r => r.UserId).HasMaxLength(100);
        });
    }
}

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class DisbursementDbDesignTimeFactory : ServiceDesignTimeFactory<DisbursementDb>;
