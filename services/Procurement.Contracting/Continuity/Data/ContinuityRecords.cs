using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procurement.Contracting.Continuity.Data;

/// <summary>Continuity's copy of a published tender (from <c>TenderPublished</c>): what the lead-time history needs.</summary>
public sealed class PublishedTender
{
    public Guid TenderId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    public string ProcurementMethod { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The day it was published, in Asia/Shanghai: durations are counted in these days.</summary>
    public DateOnly PublishedOn { get; set; }
}

/// <summary>Continuity's copy of a service program (from <c>ServiceProgramCreated</c> / <c>ServiceProgramRevised</c>): its active span.</summary>
public sealed class ContinuityProgram
{
    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    public string Name { get; set; } = "";

    public DateOnly ActiveFrom { get; set; }

    public DateOnly? ActiveUntil { get; set; }

    /// <summary>The program's version last applied (1 when created); an older revision arriving late changes nothing.</summary>
    public int Version { get; set; }
}

/// <summary>An instalment paid to an agency (from <c>InstalmentPaid</c>): the cash side of the timeline.</summary>
public sealed class PaidInstalment
{
    public Guid InstalmentId { get; set; }

    public Guid ContractId { get; set; }

    public Guid ProgramId { get; set; }

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }
}

/// <summary>The record that <c>RenewalDue</c> was raised for a contract: at most one per contract (its key).</summary>
public sealed class RenewalNotice
{
    public Guid ContractId { get; set; }

    public DateOnly RenewalPoint { get; set; }

    public int LeadTimeDays { get; set; }

    public int HistoryCount { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
}

internal sealed class PublishedTenderConfiguration : IEntityTypeConfiguration<PublishedTender>
{
    public void Configure(EntityTypeBuilder<PublishedTender> builder)
    {
        builder.ToTable("ContinuityTenders");
        builder.HasKey(t => t.TenderId);
        builder.Property(t => t.TenderId).ValueGeneratedNever();
        builder.Property(t => t.ProcurementMethod).HasMaxLength(40);
        builder.HasIndex(t => new { t.PurchasingUnitId, t.ProcurementMethod });
        builder.HasIndex(t => t.PublishedOn);
    }
}

internal sealed class ContinuityProgramConfiguration : IEntityTypeConfiguration<ContinuityProgram>
{
    public void Configure(EntityTypeBuilder<ContinuityProgram> builder)
    {
        builder.ToTable("ContinuityPrograms");
        builder.HasKey(p => p.ProgramId);
        builder.Property(p => p.ProgramId).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.HasIndex(p => p.PurchasingUnitId);
    }
}

internal sealed class PaidInstalmentConfiguration : IEntityTypeConfiguration<PaidInstalment>
{
    public void Configure(EntityTypeBuilder<PaidInstalment> builder)
    {
        builder.ToTable("ContinuityPayments");
        builder.HasKey(p => p.InstalmentId);
        builder.Property(p => p.InstalmentId).ValueGeneratedNever();
        builder.HasIndex(p => p.ContractId);
        builder.HasIndex(p => p.ProgramId);
    }
}

internal sealed class RenewalNoticeConfiguration : IEntityTypeConfiguration<RenewalNotice>
{
    public void Configure(EntityTypeBuilder<RenewalNotice> builder)
    {
        builder.ToTable("ContinuityRenewalNotices");
        builder.HasKey(n => n.ContractId);
        builder.Property(n => n.ContractId).ValueGeneratedNever();
    }
}
