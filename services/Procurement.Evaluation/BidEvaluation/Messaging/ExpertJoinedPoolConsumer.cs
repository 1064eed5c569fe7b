using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Identity;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.BidEvaluation.Messaging;

/// <summary>
/// An evaluator invited into the expert pool joined (Identity's <see cref="ExpertJoinedPool"/>): the pool gains an expert
/// whose id is the user id and who acts as that user, with the domains the inviting administrator named, no employment on
/// record and available, so panels can draw them at once. An expert of that user already kept (an administrator added them
/// by hand, or the event came before) is left as it is; a domain Evaluation does not know is left out and logged.
/// </summary>
public sealed class ExpertJoinedPoolConsumer(EvaluationDb db, TimeProvider clock, ILogger<ExpertJoinedPoolConsumer> logger)
    : IdempotentConsumer<EvaluationDb, ExpertJoinedPool>(db, clock, logger)
{
    protected override async Task HandleAsync(ExpertJoinedPool message, ConsumeContext<ExpertJoinedPool> context)
    {
        var userId = message.UserId.ToString();
        if (await Db.Experts().AnyAsync(e => e.Id == message.UserId || e.EvaluatorUserId == userId, context.CancellationToken))
        {
            logger.LogInformation("Evaluator {UserId} is already an expert of the pool; the expert is left as it is", userId);
            return;
        }

        var domains = message.ServiceDomains.Where(d => ServiceDomains.All.Contains(d, StringComparer.Ordinal)).ToList();
        foreach (var unknown in message.ServiceDomains.Except(domains, StringComparer.Ordinal))
        {
            logger.LogWarning("Evaluator {UserId} joined with service domain {Domain}, which Evaluation does not know; it is left out", userId, unknown);
        }

        Db.Experts().Add(Expert.Create(message.UserId, message.Name, userId, domains, employment: [], available: true));
    }
}
