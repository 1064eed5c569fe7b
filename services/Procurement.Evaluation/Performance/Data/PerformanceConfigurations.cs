using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Evaluation.Data;
using Procurement.Evaluation.Performance.Domain;

namespace Procurement.Evaluation.Performance.Data;

internal sealed class ContractUnderEvaluationConfiguration : IEntityTypeConfiguration<ContractUnderEvaluation>
{
    public void Configure(EntityTypeBuilder<ContractUnderEvaluation> contract)
    {
        contract.ToTable("ContractUnderEvaluation");
        contract.HasKey(c => c.ContractId);
        contract.Property(c => c.ContractId).ValueGeneratedNever();
        contract.Property(c => c.Version).IsConcurrencyToken();
        contract.Property(c => c.Indicators).AsJson();
        contract.Property(c => c.Assignments).AsJson();
        contract.Property(c => c.Outcome).HasMaxLength(20);
        contract.Ignore(c => c.HasEnded);
        contract.HasIndex(c => c.AgencyId);
    }
}

internal sealed class PerformanceEvaluationConfiguration : IEntityTypeConfiguration<PerformanceEvaluation>
{
    public void Configure(EntityTypeBuilder<PerformanceEvaluation> evaluation)
    {
        evaluation.ToTable("PerformanceEvaluations");
        evaluation.HasKey(e => e.Id);
        evaluation.Property(e => e.Id).ValueGeneratedNever();
        evaluation.HasOne<ContractUnderEvaluation>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        evaluation.Property(e => e.Stage).HasConversion<string>().HasMaxLength(20);
        evaluation.Property(e => e.Grade).HasConversion<string>().HasMaxLength(20);
        evaluation.Property(e => e.EvaluatorUserId).HasMaxLength(100);
        evaluation.Property(e => e.Scores).AsJson();
        // One evaluation per stage: two evaluators racing for one stage are told apart by this index.
        evaluation.HasIndex(e => new { e.ContractId, e.Stage }).IsUnique();
        evaluation.HasIndex(e => e.AgencyId);
    }
}
