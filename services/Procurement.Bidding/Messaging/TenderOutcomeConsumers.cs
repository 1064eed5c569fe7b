using MassTransit;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Evaluation;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>The tender failed (流标): none of its bids can win, so none commits anyone any more.</summary>
public sealed class TenderFailedConsumer(BiddingDb db, CommitmentTags tags, TimeProvider clock, ILogger<TenderFailedConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderFailed>(db, clock, logger)
{
    protected override Task HandleAsync(TenderFailed message, ConsumeContext<TenderFailed> context) =>
        Db.ReleaseTenderBidsAsync(tags, message.TenderId, exceptBidId: null, context.CancellationToken);
}

/// <summary>
/// The award stands (the challenge window closed): the losing bids stop committing their people; the winning
/// bid keeps its people committed until its contract is activated, which turns them into contract commitments.
/// </summary>
public sealed class AwardConfirmedConsumer(BiddingDb db, CommitmentTags tags, TimeProvider clock, ILogger<AwardConfirmedConsumer> logger)
    : IdempotentConsumer<BiddingDb, AwardConfirmed>(db, clock, logger)
{
    protected override Task HandleAsync(AwardConfirmed message, ConsumeContext<AwardConfirmed> context) =>
        Db.ReleaseTenderBidsAsync(tags, message.TenderId, message.BidId, context.CancellationToken);
}
