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

    /// <summary>
    /// The region the program serves, as Tendering wrote it: the public contract list filters on it. Null for a program
    /// this copy took in before it kept the region, until Tendering's next <c>ServiceProgramsListed</c> fills it.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>The service domain as its enum name (<c>Elderly</c>, …); null like <see cref="Region"/>.</summary>
    public string? ServiceDomain { get; set; }
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
        builder.Property(p => p.Region).HasMaxLength(200);
        builder.Property(p => p.ServiceDomain).HasMaxLength(40);
        builder.HasIndex(p => p.PurchasingUnitId);
        builder.HasIndex(p => new { p.Region, p.ServiceDomain });
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

/// <summary>Where a bridge proposal stands.</summary>
public enum BridgeProposalStatus
{
    Proposed,
    Approved,
    Declined,
}

/// <summary>
/// The bridge extension proposed for a contract (<c>BridgeProposed</c>): at most one per contract and period (its key is
/// the contract and its end when proposed), so a contract whose bridge still falls short is proposed another for the
/// extended period.
/// </summary>
public sealed class BridgeProposal
{
    public Guid ContractId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    /// <summary>The contract's last day when it was proposed.</summary>
    public DateOnly End { get; set; }

    public int Months { get; set; }

    public decimal MonthlyRate { get; set; }

    public decimal Amount { get; set; }

    public DateOnly ExtensionStart { get; set; }

    public DateOnly ExtensionEnd { get; set; }

    /// <summary>The successor's expected first funded day the months were chosen to reach.</summary>
    public DateOnly ExpectedSuccessorStart { get; set; }

    /// <summary>Whether the months reach it (false when the bridge maximum or the 36-month cap cut them short).</summary>
    public bool CoversExpectedGap { get; set; }

    public BridgeProposalStatus Status { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>Checked on every update: two decisions racing answer 409.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The record that <c>RenewalAtRisk</c> (and <c>FundingGapForecast</c>) was raised for a contract: at most one per contract
/// and period (its key is the contract and its end), so an extended period is forecast again.
/// </summary>
public sealed class RenewalRiskNotice
{
    public Guid ContractId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    public DateOnly End { get; set; }

    public DateOnly ExpectedSigning { get; set; }

    public int DaysLate { get; set; }

    public string Basis { get; set; } = "";

    public DateTimeOffset RaisedAt { get; set; }
}

/// <summary>The status a late instalment takes once paid.</summary>
public static class LateInstalmentStatus
{
    public const string Paid = "Paid";
}

/// <summary>An instalment paid late or not yet paid past its pay-by day (from <c>InstalmentOverdue</c> and late <c>InstalmentPaid</c>).</summary>
public sealed class LateInstalment
{
    public Guid InstalmentId { get; set; }

    public Guid ContractId { get; set; }

    public Guid ProgramId { get; set; }

    public decimal Amount { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>Its pay-by day; null when only the late payment was heard of.</summary>
    public DateOnly? PayBy { get; set; }

    /// <summary>Where it was stuck when reported overdue; <c>Paid</c> once paid.</summary>
    public string Status { get; set; } = "";

    public DateOnly? PaidOn { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
}

internal sealed class BridgeProposalConfiguration : IEntityTypeConfiguration<BridgeProposal>
{
    public void Configure(EntityTypeBuilder<BridgeProposal> builder)
    {
        builder.ToTable("ContinuityBridgeProposals");
        builder.HasKey(p => new { p.ContractId, p.End });
        builder.Property(p => p.ContractId).ValueGeneratedNever();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DeclineReason).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.PurchasingUnitId);
    }
}

internal sealed class RenewalRiskNoticeConfiguration : IEntityTypeConfiguration<RenewalRiskNotice>
{
    public void Configure(EntityTypeBuilder<RenewalRiskNotice> builder)
    {
        builder.ToTable("ContinuityRiskNotices");
        builder.HasKey(n => new { n.ContractId, n.End });
        builder.Property(n => n.ContractId).ValueGeneratedNever();
        builder.Property(n => n.Basis).HasMaxLength(30);
        builder.HasIndex(n => n.PurchasingUnitId);
    }
}

internal sealed class LateInstalmentConfiguration : IEntityTypeConfiguration<LateInstalment>
{
    public void Configure(EntityTypeBuilder<LateInstalment> builder)
    {
        builder.ToTable("ContinuityLateInstalments");
        builder.HasKey(i => i.InstalmentId);
        builder.Property(i => i.InstalmentId).ValueGeneratedNever();
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.HasIndex(i => i.ContractId);
    }
}

/// <summary>
/// A program's watch for funding gaps (<c>FundingGapOpened</c> / <c>FundingGapClosed</c>): the gap open now, if any, and
/// the last day judged for good. One row per program.
/// </summary>
public sealed class ProgramGapWatch
{
    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    public DateOnly? OpenSince { get; set; }

    public DateOnly? LastGapDay { get; set; }

    public string? Cause { get; set; }

    public Guid? ContractId { get; set; }

    public DateOnly? JudgedThrough { get; set; }

    /// <summary>Checked on every update: two replicas judging the same day answer with one winner.</summary>
    public int Version { get; set; }
}

internal sealed class ProgramGapWatchConfiguration : IEntityTypeConfiguration<ProgramGapWatch>
{
    public void Configure(EntityTypeBuilder<ProgramGapWatch> builder)
    {
        builder.ToTable("ContinuityGapWatches");
        builder.HasKey(w => w.ProgramId);
        builder.Property(w => w.ProgramId).ValueGeneratedNever();
        builder.Property(w => w.Cause).HasMaxLength(20);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => w.PurchasingUnitId);
    }
}

/// <summary>
/// The purchaser's confirmation of a contract's renewal decision (DOMAIN.md §2): the path taken, the successor's period,
/// and what came of it — the successor drafted by a direct renewal, or the tender Tendering drafted. One per contract.
/// </summary>
public sealed class RenewalDecision
{
    public Guid ContractId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid PurchasingUnitId { get; set; }

    /// <summary>The path the platform proposed when the purchaser confirmed.</summary>
    public string ProposedPath { get; set; } = "";

    /// <summary>The path confirmed: <c>DirectRenewal</c> or <c>NewTender</c>.</summary>
    public string Path { get; set; } = "";

    public DateOnly SuccessorStart { get; set; }

    public DateOnly SuccessorEnd { get; set; }

    /// <summary>For a direct renewal, the successor's amount.</summary>
    public decimal? Amount { get; set; }

    /// <summary>For a direct renewal, the successor drafted.</summary>
    public Guid? SuccessorId { get; set; }

    /// <summary>For a new tender, the tender Tendering drafted (from <c>RenewalTenderDrafted</c>); null until it has.</summary>
    public Guid? TenderId { get; set; }

    public DateTimeOffset? TenderDraftedAt { get; set; }

    /// <summary>
    /// For a new tender Tendering could not draft (<c>RenewalTenderNotDrafted</c>): why — <c>ProgramUnknown</c>,
    /// <c>ProgramOfAnotherUnit</c>, <c>PeriodOutsideProgram</c> or <c>NothingToPrefillFrom</c>; the purchaser then drafts it by hand.
    /// </summary>
    public string? TenderNotDraftedReason { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }

    public Guid? ConfirmedBy { get; set; }

    public int Version { get; set; }
}

internal sealed class RenewalDecisionConfiguration : IEntityTypeConfiguration<RenewalDecision>
{
    public void Configure(EntityTypeBuilder<RenewalDecision> builder)
    {
        builder.ToTable("ContinuityRenewalDecisions");
        builder.HasKey(d => d.ContractId);
        builder.Property(d => d.ContractId).ValueGeneratedNever();
        builder.Property(d => d.ProposedPath).HasMaxLength(20);
        builder.Property(d => d.Path).HasMaxLength(20);
        builder.Property(d => d.TenderNotDraftedReason).HasMaxLength(40);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.PurchasingUnitId);
    }
}
