using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>Tendering's clock closed bidding: the tender takes no more bids and leaves the open list.</summary>
public sealed class BidWindowClosedConsumer(BiddingDb db, TimeProvider clock, ILogger<BidWindowClosedConsumer> logger)
    : IdempotentConsumer<BiddingDb, BidWindowClosed>(db, clock, logger)
{
    protected override async Task HandleAsync(BidWindowClosed message, ConsumeContext<BidWindowClosed> context)
    {
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        tender?.CloseBidding(message.ClosedAt);
    }
}
