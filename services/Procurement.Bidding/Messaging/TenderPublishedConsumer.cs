using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>Keeps Bidding's copy of every published tender; a second delivery changes nothing.</summary>
public sealed class TenderPublishedConsumer(BiddingDb db, TimeProvider clock, ILogger<TenderPublishedConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderPublished>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderPublished message, ConsumeContext<TenderPublished> context)
    {
        if (await Db.OpenTenders.AnyAsync(t => t.TenderId == message.TenderId, context.CancellationToken))
        {
            return;
        }

        Db.OpenTenders.Add(OpenTender.Published(
            message.TenderId, message.ProgramId, message.PurchasingUnitId, message.Title, message.BudgetCeiling,
            message.BidDeadline, message.ServiceStart, message.ServiceEnd, message.PublishedAt));
    }
}
