using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Data;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Messaging;

/// <summary>Keeps when a tender was published and by which method: the start of a lead-time duration (DOMAIN.md §2).</summary>
public sealed class ContinuityTenderPublishedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityTenderPublishedConsumer> logger)
    : IdempotentConsumer<ContractingDb, TenderPublished>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderPublished message, ConsumeContext<TenderPublished> context)
    {
        var tender = await Db.Set<PublishedTender>().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        if (tender is null)
        {
            Db.Add(new PublishedTender
            {
                TenderId = message.TenderId,
                ProgramId = message.ProgramId,
                PurchasingUnitId = message.PurchasingUnitId,
                ProcurementMethod = message.ProcurementMethod,
                PublishedAt = message.PublishedAt,
                PublishedOn = message.PublishedAt.ShanghaiDate(),
            });
        }
        else if (message.PublishedAt < tender.PublishedAt)
        {
            // The first publication starts the duration; a republication (the same tender) does not restart it.
            tender.PublishedAt = message.PublishedAt;
            tender.PublishedOn = message.PublishedAt.ShanghaiDate();
        }
    }
}

/// <summary>Keeps a program's active span from Tendering.</summary>
public sealed class ContinuityProgramCreatedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityProgramCreatedConsumer> logger)
    : IdempotentConsumer<ContractingDb, ServiceProgramCreated>(db, clock, logger)
{
    protected override async Task HandleAsync(ServiceProgramCreated message, ConsumeContext<ServiceProgramCreated> context)
    {
        if (await Db.Set<ContinuityProgram>().AnyAsync(p => p.ProgramId == message.ProgramId, context.CancellationToken))
        {
            // A revision arrived first, and is newer.
            return;
        }

        Db.Add(new ContinuityProgram
        {
            ProgramId = message.ProgramId,
            PurchasingUnitId = message.PurchasingUnitId,
            Name = message.Name,
            ActiveFrom = message.ActiveFrom,
            ActiveUntil = message.ActiveUntil,
            Version = 1,
            Region = message.Region,
            ServiceDomain = message.ServiceDomain,
        });
    }
}

/// <summary>Keeps a program's revised span; a revision older than the one applied changes nothing.</summary>
public sealed class ContinuityProgramRevisedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityProgramRevisedConsumer> logger)
    : IdempotentConsumer<ContractingDb, ServiceProgramRevised>(db, clock, logger)
{
    protected override async Task HandleAsync(ServiceProgramRevised message, ConsumeContext<ServiceProgramRevised> context)
    {
        var program = await Db.Set<ContinuityProgram>().FirstOrDefaultAsync(p => p.ProgramId == message.ProgramId, context.CancellationToken);
        if (program is null)
        {
            program = new ContinuityProgram { ProgramId = message.ProgramId };
            Db.Add(program);
        }
        else if (message.Version <= program.Version)
        {
            return;
        }

        program.PurchasingUnitId = message.PurchasingUnitId;
        program.Name = message.Name;
        program.ActiveFrom = message.ActiveFrom;
        program.ActiveUntil = message.ActiveUntil;
        program.Version = message.Version;
        program.Region = message.Region;
        program.ServiceDomain = message.ServiceDomain;
    }
}

/// <summary>
/// Takes each listed program's region and service domain into the copy, unless the copy already applied a newer version
/// of it; a program not copied yet is left to its own <c>ServiceProgramCreated</c>, which carries them too.
/// </summary>
public sealed class ContinuityProgramsListedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityProgramsListedConsumer> logger)
    : IdempotentConsumer<ContractingDb, ServiceProgramsListed>(db, clock, logger)
{
    protected override async Task HandleAsync(ServiceProgramsListed message, ConsumeContext<ServiceProgramsListed> context)
    {
        var listed = message.Programs.ToDictionary(p => p.ProgramId);
        var ids = listed.Keys.ToList();
        var programs = await Db.Set<ContinuityProgram>().Where(p => ids.Contains(p.ProgramId)).ToListAsync(context.CancellationToken);
        foreach (var program in programs)
        {
            var entry = listed[program.ProgramId];
            if (entry.Version >= program.Version && (program.Region != entry.Region || program.ServiceDomain != entry.ServiceDomain))
            {
                program.Region = entry.Region;
                program.ServiceDomain = entry.ServiceDomain;
            }
        }
    }
}

/// <summary>Keeps every instalment paid: the cash side of the coverage timeline.</summary>
public sealed class ContinuityInstalmentPaidConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityInstalmentPaidConsumer> logger)
    : IdempotentConsumer<ContractingDb, InstalmentPaid>(db, clock, logger)
{
    protected override async Task HandleAsync(InstalmentPaid message, ConsumeContext<InstalmentPaid> context)
    {
        if (await Db.Set<PaidInstalment>().AnyAsync(p => p.InstalmentId == message.InstalmentId, context.CancellationToken))
        {
            return;
        }

        Db.Add(new PaidInstalment
        {
            InstalmentId = message.InstalmentId,
            ContractId = message.ContractId,
            ProgramId = message.ProgramId,
            Amount = message.Amount,
            PaidOn = message.PaidOn,
        });

        // The dashboard's late instalments: an overdue one is now paid; a late payment never reported overdue is kept too.
        var late = await Db.Set<LateInstalment>().FirstOrDefaultAsync(i => i.InstalmentId == message.InstalmentId, context.CancellationToken);
        if (late is not null)
        {
            late.PaidOn = message.PaidOn;
            late.Status = LateInstalmentStatus.Paid;
        }
        else if (message.Late)
        {
            Db.Add(new LateInstalment
            {
                InstalmentId = message.InstalmentId, ContractId = message.ContractId, ProgramId = message.ProgramId, Amount = message.Amount,
                DueOn = message.PaidOn.AddDays(-message.DaysFromDue), PayBy = null, Status = LateInstalmentStatus.Paid, PaidOn = message.PaidOn,
                ReportedAt = message.OccurredAt,
            });
        }
    }
}

/// <summary>Keeps every instalment reported overdue by Disbursement: the dashboard's late instalments.</summary>
public sealed class ContinuityInstalmentOverdueConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityInstalmentOverdueConsumer> logger)
    : IdempotentConsumer<ContractingDb, InstalmentOverdue>(db, clock, logger)
{
    protected override async Task HandleAsync(InstalmentOverdue message, ConsumeContext<InstalmentOverdue> context)
    {
        var late = await Db.Set<LateInstalment>().FirstOrDefaultAsync(i => i.InstalmentId == message.InstalmentId, context.CancellationToken);
        if (late is not null)
        {
            // Already paid (the payment overtook this report) or already reported: only the pay-by day is new.
            late.PayBy ??= message.PayBy;
            return;
        }

        Db.Add(new LateInstalment
        {
            InstalmentId = message.InstalmentId, ContractId = message.ContractId, ProgramId = message.ProgramId, Amount = message.Amount,
            DueOn = message.DueOn, PayBy = message.PayBy, Status = message.Status, PaidOn = null, ReportedAt = message.OccurredAt,
        });
    }
}

/// <summary>Keeps on the renewal decision the tender Tendering drafted for it (<c>RenewalTenderDrafted</c>).</summary>
public sealed class ContinuityRenewalTenderDraftedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityRenewalTenderDraftedConsumer> logger)
    : IdempotentConsumer<ContractingDb, RenewalTenderDrafted>(db, clock, logger)
{
    protected override async Task HandleAsync(RenewalTenderDrafted message, ConsumeContext<RenewalTenderDrafted> context)
    {
        if (await Db.RenewalDecisionAsync(message.ContractId, logger, context.CancellationToken) is { } decision)
        {
            decision.TenderId ??= message.TenderId;
            decision.TenderDraftedAt ??= message.DraftedAt;
            decision.Version++;
        }
    }
}

/// <summary>Keeps on the renewal decision why Tendering could not draft its tender (<c>RenewalTenderNotDrafted</c>).</summary>
public sealed class ContinuityRenewalTenderNotDraftedConsumer(ContractingDb db, TimeProvider clock, ILogger<ContinuityRenewalTenderNotDraftedConsumer> logger)
    : IdempotentConsumer<ContractingDb, RenewalTenderNotDrafted>(db, clock, logger)
{
    protected override async Task HandleAsync(RenewalTenderNotDrafted message, ConsumeContext<RenewalTenderNotDrafted> context)
    {
        if (await Db.RenewalDecisionAsync(message.ContractId, logger, context.CancellationToken) is { } decision)
        {
            decision.TenderNotDraftedReason ??= message.Reason;
            decision.Version++;
        }
    }
}

internal static class RenewalDecisions
{
    /// <summary>The confirmed renewal decision of a contract Tendering answered about; logged and null when there is none here.</summary>
    public static async Task<RenewalDecision?> RenewalDecisionAsync(this ContractingDb db, Guid contractId, ILogger logger, CancellationToken cancellationToken)
    {
        var decision = await db.Set<RenewalDecision>().FirstOrDefaultAsync(d => d.ContractId == contractId, cancellationToken);
        if (decision is null)
        {
            logger.LogWarning("Tendering answered about the renewal tender of contract {ContractId}, which has no confirmed renewal decision here", contractId);
        }

        return decision;
    }
}
