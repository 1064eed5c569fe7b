using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// A cancelled tender stops taking bids and leaves the open list; its row stays, since bids may point to it.
/// A draft cancelled before publication never reached Bidding: nothing to do.
/// </summary>
public sealed class TenderCancelledConsumer(BiddingDb db, TimeProvider clock, ILogger<TenderCancelledConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderCancelled>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderCancelled message, ConsumeContext<TenderCancelled> context)
    {
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        tender?.Cancel(message.Reason, message.CancelledAt);
    }
}
