using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.BidEvaluation.Messaging;

/// <summary>Keeps each program's service domain: the panel is drawn from experts of the tender's program domain.</summary>
public sealed class ServiceProgramCreatedConsumer(EvaluationDb db, TimeProvider clock, ILogger<ServiceProgramCreatedConsumer> logger)
    : IdempotentConsumer<EvaluationDb, ServiceProgramCreated>(db, clock, logger)
{
    protected override async Task HandleAsync(ServiceProgramCreated message, ConsumeContext<ServiceProgramCreated> context) =>
        await ProgramDomains.KeepAsync(Db, message.ProgramId, message.ServiceDomain, message.OccurredAt, context.CancellationToken);
}

public sealed class ServiceProgramRevisedConsumer(EvaluationDb db, TimeProvider clock, ILogger<ServiceProgramRevisedConsumer> logger)
    : IdempotentConsumer<EvaluationDb, ServiceProgramRevised>(db, clock, logger)
{
    protected override async Task HandleAsync(ServiceProgramRevised message, ConsumeContext<ServiceProgramRevised> context) =>
        await ProgramDomains.KeepAsync(Db, message.ProgramId, message.ServiceDomain, message.RevisedAt, context.CancellationToken);
}

internal static class ProgramDomains
{
    public static async Task KeepAsync(EvaluationDb db, Guid programId, string domain, DateTimeOffset at, CancellationToken ct)
    {
        var kept = await db.ProgramDomains().FirstOrDefaultAsync(p => p.ProgramId == programId, ct);
        if (kept is null)
        {
            db.ProgramDomains().Add(ProgramDomain.Of(programId, domain, at));
        }
        else if (kept.UpdatedAt <= at)
        {
            kept.Revise(domain, at);
        }
    }
}

/// <summary>Keeps Evaluation's copy of a published tender: the scheme, staffing, eligibility and the method's numbers.</summary>
public sealed class TenderPublishedConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderPublishedConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderPublished>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderPublished message, ConsumeContext<TenderPublished> context)
    {
        if (await Db.EvaluatedTenders().AnyAsync(t => t.TenderId == message.TenderId, context.CancellationToken))
        {
            return;
        }

        Db.EvaluatedTenders().Add(EvaluatedTender.Published(
            message.TenderId, message.ProgramId, message.PurchasingUnitId, message.Title, message.ProcurementMethod,
            Terms.Of(message.BudgetCeiling, message.Staffing, message.Evaluation, message.Eligibility, message.Rules), message.BidDeadline));
    }
}

/// <summary>An amendment replaces the copy's terms (before opening; after it nothing changes what was bid against).</summary>
public sealed class TenderAmendedConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderAmendedConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderAmended>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderAmended message, ConsumeContext<TenderAmended> context)
    {
        var tender = await Db.EvaluatedTenders().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        tender?.Amend(Terms.Of(message.BudgetCeiling, message.Staffing, message.Evaluation, message.Eligibility, message.Rules), message.NewBidDeadline);
    }
}

/// <summary>A cancelled tender's evaluation stops.</summary>
public sealed class TenderCancelledConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderCancelledConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderCancelled>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderCancelled message, ConsumeContext<TenderCancelled> context)
    {
        var tender = await Db.EvaluatedTenders().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        tender?.Cancel(message.Reason, message.CancelledAt);
    }
}

internal static class Terms
{
    public static TenderTerms Of(decimal budgetCeiling, StaffingTerms? staffing, EvaluationTerms? evaluation, IReadOnlyList<string>? eligibility, ProcurementRulesTerms rules) => new(
        budgetCeiling,
        staffing is null ? new StaffingCounts(0, 0, 0) : new StaffingCounts(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors),
        [.. eligibility ?? []],
        [.. (evaluation?.Criteria ?? []).Select(c => new Criterion(c.Name, Enum.Parse<CriterionKind>(c.Kind, ignoreCase: true), c.MaxPoints))],
        evaluation?.FixedPrice ?? false,
        rules.MinimumValidBids,
        rules.MinimumPanelSize,
        rules.OddPanelSize);
}
