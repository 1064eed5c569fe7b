using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.Messaging;

/// <summary>
/// Bidding opened the bids (开标): the tender is <c>Evaluating</c>. The transitions after bidding are driven by the
/// services that decide them (Bidding opens, Evaluation fails or awards); Tendering keeps the status people read.
/// </summary>
/// <remarks>
/// DOMAIN.md §3 asks for an integration event at every status change: each of the three consumers here raises
/// <see cref="TenderStatusChanged"/> — recorded by the tender as it changes — in the same SaveChanges as the change (the inbox saves it).
/// </remarks>
public sealed class BidsOpenedConsumer(TenderingDb db, TimeProvider clock, ILogger<BidsOpenedConsumer> logger)
    : IdempotentConsumer<TenderingDb, BidsOpened>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(BidsOpened message, ConsumeContext<BidsOpened> context)
    {
        var tender = await Db.Tenders.FirstOrDefaultAsync(t => t.Id == message.TenderId, context.CancellationToken);
        if (tender is null || !tender.StartEvaluation(message.OpenedAt))
        {
            _logger.LogInformation("Bids of tender {TenderId} opened; its status ({Status}) stays", message.TenderId, tender?.Status);
            return;
        }
    }
}

/// <summary>流标: Evaluation found fewer valid bids than the method's minimum; the tender is <c>Failed</c>.</summary>
public sealed class TenderFailedConsumer(TenderingDb db, TimeProvider clock, ILogger<TenderFailedConsumer> logger)
    : IdempotentConsumer<TenderingDb, TenderFailed>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(TenderFailed message, ConsumeContext<TenderFailed> context)
    {
        var tender = await Db.Tenders.FirstOrDefaultAsync(t => t.Id == message.TenderId, context.CancellationToken);
        if (tender is null || !tender.Fail(message.Reason, message.FailedAt))
        {
            _logger.LogWarning("Tender {TenderId} failed in evaluation, but its status ({Status}) cannot become Failed", message.TenderId, tender?.Status);
            return;
        }
    }
}

/// <summary>The award stands after its challenge window: the tender is <c>Awarded</c>.</summary>
public sealed class AwardConfirmedConsumer(TenderingDb db, TimeProvider clock, ILogger<AwardConfirmedConsumer> logger)
    : IdempotentConsumer<TenderingDb, AwardConfirmed>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(AwardConfirmed message, ConsumeContext<AwardConfirmed> context)
    {
        var tender = await Db.Tenders.FirstOrDefaultAsync(t => t.Id == message.TenderId, context.CancellationToken);
        if (tender is null || !tender.Award(message.BidId, message.AgencyId, message.AgencyName, message.Amount, message.ConfirmedAt))
        {
            _logger.LogWarning("Tender {TenderId} was awarded, but its status ({Status}) cannot become Awarded", message.TenderId, tender?.Status);
            return;
        }
    }
}
