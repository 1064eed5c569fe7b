using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Procurement.Contracting.Domain;
using Procurement.ServiceDefaults.Notifications;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Contracting.Data;

/// <summary>Contracting's own database: contracts with their term versions, history and latest evaluations, plus the outbox and inbox.</summary>
public sealed class ContractingDb(DbContextOptions<ContractingDb> options) : ServiceDbContext(options)
{
    public DbSet<Contract> Contracts => Set<Contract>();

    /// <summary>Each party's signature of each version of a contract's terms (issue 18 item 4).</summary>
    public DbSet<Signatures.ContractSignature> ContractSignatures => Set<Signatures.ContractSignature>();

    /// <summary>The organisations' signing keys, one per crypto suite, their private halves sealed.</summary>
    public DbSet<Signatures.OrganisationSigningKey> OrganisationSigningKeys => Set<Signatures.OrganisationSigningKey>();

    /// <summary>Each organisation's inbox of notices about its contracts' transitions.</summary>
    public DbSet<ContractNotification> Notifications => Set<ContractNotification>();

    /// <summary>A contract with everything its machine and its answers read.</summary>
    public IQueryable<Contract> ContractsWithRecords =>
        Contracts.Include(c => c.Versions).Include(c => c.Activities).Include(c => c.Evaluations).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The features above the core (Continuity) declare their tables as IEntityTypeConfigurations of this assembly; the
        // core names none of them, and configures its own tables below.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContractingDb).Assembly);
        modelBuilder.Entity<Contract>(contract =>
        {
            contract.ToTable("Contracts");
            contract.HasKey(c => c.Id);
            contract.Property(c => c.Id).ValueGeneratedNever();
            contract.Property(c => c.AgencyName).HasMaxLength(300);
            contract.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            contract.Property(c => c.Version).IsConcurrencyToken();
            contract.Property(c => c.SuspensionReason).HasMaxLength(1000);
            contract.Property(c => c.TerminationReason).HasMaxLength(1000);
            contract.Property(c => c.Kpis).HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadKpis(s), TermsJson.ListComparer<ContractKpi>());
            contract.Property(c => c.PaymentSchedule)
                .HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadSchedule(s), TermsJson.ListComparer<ContractInstalment>());
            contract.Ignore(c => c.BothSigned);
            contract.Ignore(c => c.FinalEvaluationPassed);
            contract.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
            contract.HasMany(c => c.Activities).WithOne().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
            contract.HasMany(c => c.Evaluations).WithOne().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Cascade);
            contract.Navigation(c => c.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
            contract.Navigation(c => c.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
            contract.Navigation(c => c.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
            contract.HasIndex(c => c.PurchasingUnitId);
            contract.HasIndex(c => c.AgencyId);
            contract.HasIndex(c => c.ProgramId);
            contract.HasIndex(c => c.TenderId);
            contract.HasIndex(c => c.AwardId).IsUnique().HasFilter("[AwardId] IS NOT NULL");
            contract.HasIndex(c => new { c.State, c.Start });
        });
        modelBuilder.Entity<ContractTermsVersion>(version =>
        {
            version.ToTable("ContractVersions");
            version.HasKey(v => new { v.ContractId, v.Number });
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.ReasonCode).HasMaxLength(40);
            version.Property(v => v.Text).HasMaxLength(2000);
            version.Property(v => v.Kpis).HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadKpis(s), TermsJson.ListComparer<ContractKpi>());
            version.Property(v => v.PaymentSchedule)
                .HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadSchedule(s), TermsJson.ListComparer<ContractInstalment>());
        });
        modelBuilder.Entity<ContractActivity>(activity =>
        {
            activity.ToTable("ContractActivities");
            activity.HasKey(a => new { a.ContractId, a.Sequence });
            activity.Property(a => a.Sequence).ValueGeneratedNever();
            activity.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(30);
            activity.Property(a => a.From).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.To).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.Party).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<ContractNotification>(notification =>
        {
            notification.IsNoticeTable("ContractNotifications", n => n.OrganisationId);
            notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
            notification.Property(n => n.TextEn).HasMaxLength(ContractNotification.TextMaxLength);
            notification.Property(n => n.TextZh).HasMaxLength(ContractNotification.TextMaxLength);
            notification.HasIndex(n => n.ContractId);
        });
        modelBuilder.Entity<ContractEvaluation>(evaluation =>
        {
            evaluation.ToTable("ContractEvaluations");
            evaluation.HasKey(e => new { e.ContractId, e.Stage });
            evaluation.Property(e => e.Stage).HasMaxLength(20);
            evaluation.Property(e => e.Grade).HasMaxLength(20);
        });
    }
}

/// <summary>KPIs and payment schedules as JSON text columns: read and written whole, never queried by their parts.</summary>
internal static class TermsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(IReadOnlyList<T> value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<ContractKpi> ReadKpis(string json) =>
        (JsonSerializer.Deserialize<List<ContractKpi>>(json, Options) ?? []).AsReadOnly();

    public static IReadOnlyList<ContractInstalment> ReadSchedule(string json) =>
        (JsonSerializer.Deserialize<List<ContractInstalment>>(json, Options) ?? []).AsReadOnly();

    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class ContractingDbDesignTimeFactory : ServiceDesignTimeFactory<ContractingDb>;
