using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Messaging;

/// <summary>
/// A performance grade (DOMAIN.md §8, §9): a passing stage makes its instalment due; a <c>Fail</c> withholds the
/// next instalment — the first not yet released whose condition is at or after the stage evaluated — until the
/// purchaser decides.
/// </summary>
public sealed class PerformanceEvaluatedConsumer(DisbursementDb db, TimeProvider clock, ILogger<PerformanceEvaluatedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, PerformanceEvaluated>(db, clock, logger)
{
    private static readonly InstalmentStatus[] Withholdable =
        [InstalmentStatus.Scheduled, InstalmentStatus.Due, InstalmentStatus.Requested, InstalmentStatus.Approved, InstalmentStatus.Rejected];

    protected override async Task HandleAsync(PerformanceEvaluated message, ConsumeContext<PerformanceEvaluated> context)
    {
        var ct = context.CancellationToken;
        var contract = await Db.Contracts.FirstOrDefaultAsync(c => c.ContractId == message.ContractId, ct);
        var stage = StageOf(message.Stage);
        if (contract is null || stage is null)
        {
            logger.LogWarning("Performance evaluation {EvaluationId} ({Stage}) names contract {ContractId}, which Disbursement does not know; ignored",
                message.PerformanceEvaluationId, message.Stage, message.ContractId);
            return;
        }

        var instalments = await Db.Instalments.Where(i => i.ContractId == contract.ContractId).OrderBy(i => i.Sequence).ToListAsync(ct);
        var now = Clock.GetUtcNow();
        if (message.Passed && message.Grade != "Fail")
        {
            var condition = stage == 1 ? PaymentCondition.MidTermPassed : PaymentCondition.FinalPassed;
            var met = instalments.FirstOrDefault(i => i.Condition == condition && i.Status == InstalmentStatus.Scheduled);
            if (met is not null)
            {
                Db.Record(met, contract, met.FallDue(message.EvaluatedAt.ShanghaiDate()), null, now);
            }

            return;
        }

        var next = instalments.FirstOrDefault(i => PaymentScheduleRules.Stage(i.Condition) >= stage && Withholdable.Contains(i.Status));
        if (next is null)
        {
            return;
        }

        var reason = $"{message.Stage} performance evaluation graded {message.Grade} ({message.Score:0.00})";
        var change = next.Withhold(reason, contract, now);
        if (change.Movements.Count > 0)
        {
            await Db.GuardAsync(change.Movements, ct);
            contract.Touch();
        }

        Db.Record(next, contract, change, null, now);
    }

    private static int? StageOf(string stage) => stage switch
    {
        "MidTerm" => 1,
        "Final" => 2,
        _ => null,
    };
}
