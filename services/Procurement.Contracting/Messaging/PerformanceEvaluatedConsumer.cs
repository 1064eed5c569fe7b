using MassTransit;
using Procurement.Contracting.Data;
using Procurement.Contracts.Evaluation;
using Procurement.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Procurement.Contracting.Messaging;

/// <summary>Keeps each contract's latest grade per stage; <c>Complete</c> needs a passing <c>Final</c> one.</summary>
public sealed class PerformanceEvaluatedConsumer(ContractingDb db, TimeProvider clock, ILogger<PerformanceEvaluatedConsumer> logger)
    : IdempotentConsumer<ContractingDb, PerformanceEvaluated>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(PerformanceEvaluated message, ConsumeContext<PerformanceEvaluated> context)
    {
        var contract = await Db.Contracts.Include(c => c.Evaluations).FirstOrDefaultAsync(c => c.Id == message.ContractId, context.CancellationToken);
        if (contract is null)
        {
            // Evaluation grades only contracts it learnt of from Contracting; an unknown id is not ours to keep.
            _logger.LogWarning("Performance evaluation {EvaluationId} names contract {ContractId}, which Contracting does not hold", message.PerformanceEvaluationId, message.ContractId);
            return;
        }

        contract.RecordEvaluation(message.PerformanceEvaluationId, message.Stage, message.Score, message.Grade, message.Passed, message.EvaluatedAt);
    }
}
