using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Bidding;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.BidEvaluation.Messaging;

/// <summary>
/// Takes the opened bids for review and scoring. Fewer bids than the tender's minimum fails it at once (流标).
/// </summary>
public sealed class BidsOpenedConsumer(EvaluationDb db, TimeProvider clock, ILogger<BidsOpenedConsumer> logger)
    : IdempotentConsumer<EvaluationDb, BidsOpened>(db, clock, logger)
{
    protected override async Task HandleAsync(BidsOpened message, ConsumeContext<BidsOpened> context)
    {
        var ct = context.CancellationToken;
        // The tender's publication travels on another queue; until it is here, retry (and land in _error if it never comes).
        var tender = await Db.EvaluatedTenders().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, ct)
            ?? throw new InvalidOperationException($"Bids of tender {message.TenderId} were opened before its publication reached Evaluation.");
        if (tender.Stage != EvaluationStage.AwaitingOpening)
        {
            return;
        }

        var known = await Db.EvaluatedBids().Where(b => b.TenderId == message.TenderId).Select(b => b.BidId).ToListAsync(ct);
        foreach (var bid in message.Bids.Where(b => !known.Contains(b.BidId)))
        {
            Db.EvaluatedBids().Add(EvaluatedBid.Opened(
                bid.BidId, message.TenderId, bid.AgencyId, bid.AgencyName, bid.Price,
                new StaffingCounts(bid.Staffing.Certified, bid.Staffing.IntermediateOrAbove, bid.Staffing.Supervisors),
                bid.Staffing.TotalFte, bid.Staffing.PersonnelShare, bid.TechnicalProposal, bid.AbnormallyLow,
                [.. (bid.AbnormallyLowReasons ?? []).Select(r => r.Code)], bid.AbnormallyLowExplanation));
        }

        tender.Open(message.Bids.Count, message.OpenedAt, Clock.GetUtcNow());
    }
}
