using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.BidEvaluation.Data;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> expert)
    {
        expert.ToTable("Experts");
        expert.HasKey(e => e.Id);
        expert.Property(e => e.Id).ValueGeneratedNever();
        expert.Property(e => e.Name).HasMaxLength(200);
        expert.Property(e => e.EvaluatorUserId).HasMaxLength(100);
        expert.HasIndex(e => e.EvaluatorUserId).IsUnique();
        expert.Property(e => e.ServiceDomains).AsJson();
        expert.Property(e => e.Employment).AsJson();
        expert.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> declaration)
    {
        declaration.ToTable("ExpertConflicts");
        declaration.HasKey(d => d.Id);
        declaration.Property(d => d.Id).ValueGeneratedNever();
        declaration.HasOne<Expert>().WithMany().HasForeignKey(d => d.ExpertId).OnDelete(DeleteBehavior.Restrict);
        declaration.Property(d => d.Reason).HasMaxLength(1000);
        declaration.HasIndex(d => d.ExpertId);
    }
}

internal sealed class ProgramDomainConfiguration : IEntityTypeConfiguration<ProgramDomain>
{
    public void Configure(EntityTypeBuilder<ProgramDomain> program)
    {
        program.ToTable("ProgramDomains");
        program.HasKey(p => p.ProgramId);
        program.Property(p => p.ProgramId).ValueGeneratedNever();
        program.Property(p => p.ServiceDomain).HasMaxLength(40);
    }
}

internal sealed class EvaluatedTenderConfiguration : IEntityTypeConfiguration<EvaluatedTender>
{
    public void Configure(EntityTypeBuilder<EvaluatedTender> tender)
    {
        tender.ToTable("EvaluatedTenders");
        tender.HasKey(t => t.TenderId);
        tender.Property(t => t.TenderId).ValueGeneratedNever();
        tender.Property(t => t.Title).HasMaxLength(200);
        tender.Property(t => t.ProcurementMethod).HasMaxLength(40);
        tender.Property(t => t.Staffing).AsJsonRecord();
        tender.Property(t => t.Eligibility).AsJson();
        tender.Property(t => t.Criteria).AsJson();
        tender.Property(t => t.Stage).HasConversion<string>().HasMaxLength(30);
        tender.Property(t => t.Outcome).HasMaxLength(1000);
        tender.Property(t => t.Version).IsConcurrencyToken();
        tender.Ignore(t => t.PanelCriteria);
        tender.Ignore(t => t.PastPerformanceCriteria);
        tender.Ignore(t => t.GradeCutoff);
    }
}

internal sealed class EvaluatedBidConfiguration : IEntityTypeConfiguration<EvaluatedBid>
{
    public void Configure(EntityTypeBuilder<EvaluatedBid> bid)
    {
        bid.ToTable("EvaluatedBids");
        bid.HasKey(b => b.BidId);
        bid.Property(b => b.BidId).ValueGeneratedNever();
        bid.HasOne<EvaluatedTender>().WithMany().HasForeignKey(b => b.TenderId).OnDelete(DeleteBehavior.Restrict);
        bid.Property(b => b.AgencyName).HasMaxLength(200);
        bid.Property(b => b.Staffing).AsJsonRecord();
        bid.Property(b => b.PersonnelShare).HasPrecision(9, 4);
        bid.Property(b => b.TotalFte).HasPrecision(9, 2);
        bid.Property(b => b.AbnormallyLowReasons).AsJson();
        bid.Property(b => b.Eligibility).AsJson();
        bid.Property(b => b.ComplianceReasons).AsJson();
        bid.Property(b => b.Compliance).HasConversion<string>().HasMaxLength(20);
        bid.Property(b => b.ReviewedBy).HasMaxLength(100);
        bid.Ignore(b => b.IsValid);
        bid.HasIndex(b => b.TenderId);
    }
}

internal sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> panel)
    {
        panel.ToTable("Panels");
        panel.HasKey(p => p.Id);
        panel.Property(p => p.Id).ValueGeneratedNever();
        panel.HasOne<EvaluatedTender>().WithMany().HasForeignKey(p => p.TenderId).OnDelete(DeleteBehavior.Restrict);
        // One panel per tender: two purchasers drawing at once, the second gets a 409.
        panel.HasIndex(p => p.TenderId).IsUnique();
        panel.Property(p => p.Seats).AsJson();
        panel.Property(p => p.Draws).AsJson();
        panel.Property(p => p.DrawnBy).HasMaxLength(100);
        panel.Property(p => p.Version).IsConcurrencyToken();
        panel.Ignore(p => p.Members);
        panel.Ignore(p => p.EverDrawn);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> sheet)
    {
        sheet.ToTable("ScoreSheets");
        sheet.HasKey(s => s.Id);
        sheet.Property(s => s.Id).ValueGeneratedNever();
        sheet.HasOne<EvaluatedBid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Restrict);
        sheet.Property(s => s.EvaluatorUserId).HasMaxLength(100);
        // One sheet per evaluator per bid.
        sheet.HasIndex(s => new { s.BidId, s.EvaluatorUserId }).IsUnique();
        sheet.HasIndex(s => s.TenderId);
        sheet.Property(s => s.Scores).AsJson();
        sheet.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        sheet.Property(s => s.Version).IsConcurrencyToken();
    }
}
