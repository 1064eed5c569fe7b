using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Contracting;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.Performance.Messaging;

/// <summary>An activated contract gets its indicator system from its KPIs, with equal weights summing to 100.</summary>
public sealed class ContractActivatedForPerformanceConsumer(
    EvaluationDb db, PerformanceRules rules, TimeProvider clock, ILogger<ContractActivatedForPerformanceConsumer> logger)
    : IdempotentConsumer<EvaluationDb, ContractActivated>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractActivated message, ConsumeContext<ContractActivated> context)
    {
        // Re-activation (after a suspension) keeps the indicator system and its weights as they are.
        if (await Db.Set<ContractUnderEvaluation>().AnyAsync(c => c.ContractId == message.ContractId, context.CancellationToken))
        {
            return;
        }

        Db.Set<ContractUnderEvaluation>().Add(ContractUnderEvaluation.Attach(
            message.ContractId, message.TenderId, message.ProgramId, message.PurchasingUnitId, message.AgencyId, message.Start, message.End,
            TenderTermsForAwardConsumer.Kpis(message.Kpis), message.ActivatedAt, rules));
    }
}

/// <summary>A contract that completed or was terminated takes no more evaluations.</summary>
public sealed class ContractEndedForPerformanceConsumer(EvaluationDb db, TimeProvider clock, ILogger<ContractEndedForPerformanceConsumer> logger)
    : IdempotentConsumer<EvaluationDb, ContractEnded>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractEnded message, ConsumeContext<ContractEnded> context)
    {
        var contract = await Db.Set<ContractUnderEvaluation>().FirstOrDefaultAsync(c => c.ContractId == message.ContractId, context.CancellationToken);
        contract?.Close(message.Outcome, message.EndedAt);
    }
}
