using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// A cancelled tender stops taking bids and leaves the open list; its row stays, since bids may point to it, and
/// its bids stop committing their people. A cancellation that arrives before the tender's publication (a draft
/// cancelled, or the two events out of order) is remembered, so a later <c>TenderPublished</c> opens nothing.
/// </summary>
public sealed class TenderCancelledConsumer(BiddingDb db, CommitmentTags tags, TimeProvider clock, ILogger<TenderCancelledConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderCancelled>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderCancelled message, ConsumeContext<TenderCancelled> context)
    {
        var ct = context.CancellationToken;
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, ct);
        if (tender is null)
        {
            if (!await Db.EarlyCancellations.AnyAsync(c => c.TenderId == message.TenderId, ct))
            {
                Db.EarlyCancellations.Add(EarlyCancellation.Of(message.TenderId, message.Reason, message.CancelledAt));
            }

            return;
        }

        tender.Cancel(message.Reason, message.CancelledAt);
        await Db.ReleaseTenderBidsAsync(tags, message.TenderId, exceptBidId: null, ct);
    }
}
