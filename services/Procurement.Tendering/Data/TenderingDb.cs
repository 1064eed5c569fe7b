using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Endpoints;

namespace Procurement.Tendering.Data;

public sealed class TenderingDb(DbContextOptions<TenderingDb> options) : ServiceDbContext(options)
{
    public DbSet<ServiceProgram> Programs => Set<ServiceProgram>();

    public DbSet<Tender> Tenders => Set<Tender>();

    public DbSet<TenderQuestion> Questions => Set<TenderQuestion>();

    public DbSet<TenderAmendment> Amendments => Set<TenderAmendment>();

    public DbSet<TenderDocument> Documents => Set<TenderDocument>();

    public DbSet<Domain.Rules.MethodRuleTable> MethodRuleTables => Set<Domain.Rules.MethodRuleTable>();

    public DbSet<Domain.Rules.PayScale> PayScales => Set<Domain.Rules.PayScale>();

    /// <summary>Each service's audit chain head at the end of each day (issue 18 item 3), as announced.</summary>
    public DbSet<Disclosure.AuditChainHead> AuditChainHeads => Set<Disclosure.AuditChainHead>();

    /// <summary>The published daily roots of every service's audit chain.</summary>
    public DbSet<Disclosure.AuditDailyRoot> AuditDailyRoots => Set<Disclosure.AuditDailyRoot>();

    /// <summary>The open data's releases (OCDS 1.1.5), one per public change of a process (issue 18 item 2).</summary>
    public DbSet<OpenData.OcdsRelease> OcdsReleases => Set<OpenData.OcdsRelease>();

    /// <summary>Signed contracts as the open data knows them: their process and parties.</summary>
    public DbSet<OpenData.OcdsContract> OcdsContracts => Set<OpenData.OcdsContract>();

    /// <summary>Organisations' public names, for the releases' parties.</summary>
    public DbSet<OpenData.OcdsParty> OcdsParties => Set<OpenData.OcdsParty>();

    /// <summary>Changes the open data has not written yet (<see cref="OpenData.OpenDataBackfill"/>).</summary>
    public DbSet<OpenData.OcdsBacklogEntry> OcdsBacklog => Set<OpenData.OcdsBacklogEntry>();

    public DbSet<OpenData.OcdsHistoryPart> OcdsHistoryParts => Set<OpenData.OcdsHistoryPart>();

    public DbSet<OpenData.OcdsHistoryRun> OcdsHistoryRuns => Set<OpenData.OcdsHistoryRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        Disclosure.AuditRoots.Configure(modelBuilder);
        OpenData.OpenDataLedger.Configure(modelBuilder);
        OpenData.OcdsHistoryRun.Configure(modelBuilder);
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
            tender.Property(t => t.SingleSourceJustification).HasMaxLength(TenderRequest.JustificationMaxLength);
            tender.Property(t => t.ServiceDescription).HasMaxLength(Tender.ServiceDescriptionMaxLength);
            tender.Property(t => t.FailureReason).HasMaxLength(1000);

            // Value objects as JSON text columns (see ContentJson).
            tender.Property(t => t.EvaluationScheme).HasConversion(v => ContentJson.WriteScheme(v!), s => ContentJson.ReadScheme(s));
            tender.Property(t => t.StaffingRequirement).HasConversion(v => ContentJson.WriteStaffing(v!), s => ContentJson.ReadStaffing(s));
            tender.Property(t => t.Kpis).HasConversion(v => ContentJson.WriteKpis(v), s => ContentJson.ReadKpis(s));
            tender.Property(t => t.PaymentSchedule).HasConversion(v => ContentJson.WriteSchedule(v!), s => ContentJson.ReadSchedule(s));
            tender.Property(t => t.PersonnelCost).HasConversion(v => ContentJson.WritePersonnelCost(v!), s => ContentJson.ReadPersonnelCost(s));
            tender.Property(t => t.Eligibility)
                .HasConversion(v => ContentJson.WriteTexts(v), s => ContentJson.ReadTexts(s), ContentJson.TextListComparer);
            tender.Ignore(t => t.Content);
            tender.HasOne<ServiceProgram>().WithMany().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Restrict);
            tender.HasOne<Tender>().WithMany().HasForeignKey(t => t.PrefilledFromTenderId).OnDelete(DeleteBehavior.Restrict);
            tender.HasIndex(t => new { t.PurchasingUnitId, t.Status });

            // One renewal draft per contract: the business check behind the consumer's, also against a concurrent request.
            tender.HasIndex(t => t.SuccessorOfContractId).IsUnique();
        });
        modelBuilder.Entity<TenderQuestion>(question =>
        {
            question.ToTable("TenderQuestions");
            question.HasKey(q => q.Id);
            question.Property(q => q.Text).HasMaxLength(TenderQuestion.TextMaxLength);
            question.Property(q => q.Answer).HasMaxLength(TenderQuestion.AnswerMaxLength);
            question.Ignore(q => q.IsAnswered);
            question.HasOne<Tender>().WithMany().HasForeignKey(q => q.TenderId).OnDelete(DeleteBehavior.Restrict);
            question.HasIndex(q => new { q.TenderId, q.AskedAt });
        });
        modelBuilder.Entity<TenderAmendment>(amendment =>
        {
            amendment.ToTable("TenderAmendments");
            amendment.HasKey(a => a.Id);
            amendment.Property(a => a.Description).HasMaxLength(2000);
            amendment.Property(a => a.ChangedFields)
                .HasConversion(v => ContentJson.WriteTexts(v), s => ContentJson.ReadTexts(s), ContentJson.TextListComparer)
                .HasMaxLength(1000);
            amendment.Ignore(a => a.DeadlineMoved);
            amendment.HasOne<Tender>().WithMany().HasForeignKey(a => a.TenderId).OnDelete(DeleteBehavior.Restrict);
            amendment.HasIndex(a => new { a.TenderId, a.Number }).IsUnique();
        });
        modelBuilder.Entity<TenderDocument>(document =>
        {
            document.ToTable("TenderDocuments");
            document.HasKey(d => d.Id);
            document.Property(d => d.FileName).HasMaxLength(TenderDocument.FileNameMaxLength);
            document.Property(d => d.Type).HasConversion<string>().HasMaxLength(10);
            document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            document.Ignore(d => d.ContentType);
            document.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
            document.HasIndex(d => d.TenderId);
        });
        modelBuilder.Entity<Domain.Rules.MethodRuleTable>(table =>
        {
            table.ToTable("MethodRuleTables");
            table.HasKey(t => t.Id);
            table.Property(t => t.Region).HasMaxLength(Domain.Rules.MethodRuleTable.RegionMaxLength);
            table.Property(t => t.Note).HasMaxLength(Domain.Rules.MethodRuleTable.NoteMaxLength);
            table.Property(t => t.Content).HasConversion(v => ContentJson.Write(v), s => ContentJson.Read<Domain.Rules.MethodRuleTableContent>(s));
            table.Ignore(t => t.Label);
            table.Ignore(t => t.Rules);
            table.HasIndex(t => new { t.Region, t.EffectiveFrom });
        });
        modelBuilder.Entity<Domain.Rules.PayScale>(scale =>
        {
            scale.ToTable("PayScales");
            scale.HasKey(s => s.Id);
            scale.Property(s => s.Region).HasMaxLength(Domain.Rules.PayScale.RegionMaxLength);
            scale.Property(s => s.Note).HasMaxLength(Domain.Rules.PayScale.NoteMaxLength);
            scale.Property(s => s.Content).HasConversion(v => ContentJson.Write(v), s => ContentJson.Read<Domain.Rules.PayScaleContent>(s));
            scale.Ignore(s => s.Floors);
            scale.HasIndex(s => new { s.Region, s.Year });
        });
    }
}

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class TenderingDbDesignTimeFactory : ServiceDesignTimeFactory<TenderingDb>;
