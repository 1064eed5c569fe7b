using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// Tendering's clock closed bidding: the tender takes no more bids, leaves the open list, and its bids are
/// opened (<see cref="BidOpening"/>) in the same transaction as the closing and the inbox record.
/// </summary>
public sealed class BidWindowClosedConsumer(BiddingDb db, BidSealer sealer, CommitmentTags tags, TimeProvider clock, ILogger<BidWindowClosedConsumer> logger)
    : IdempotentConsumer<BiddingDb, BidWindowClosed>(db, clock, logger)
{
    protected override async Task HandleAsync(BidWindowClosed message, ConsumeContext<BidWindowClosed> context)
    {
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        if (tender is null)
        {
            return;
        }

        tender.CloseBidding(message.ClosedAt);
        // Opened no earlier than the closing itself, whatever this host's clock says.
        var now = Clock.GetUtcNow();
        var openedAt = now > message.ClosedAt ? now : message.ClosedAt;
        var records = await BidOpening.OpenAsync(Db, sealer, tags, tender, openedAt, context.CancellationToken);
        Db.ChainOnSave(records);
    }
}
