using MassTransit;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Contracting;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// A contract became active: the staffing plan of the bid it carries is now committed to the contract (DOMAIN.md §4),
/// replacing that bid's open-bid commitments and, for a renewal, its predecessor's contract commitments.
/// </summary>
public sealed class ContractActivatedConsumer(BiddingDb db, CommitmentTags tags, TimeProvider clock, ILogger<ContractActivatedConsumer> logger)
    : IdempotentConsumer<BiddingDb, ContractActivated>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(ContractActivated message, ConsumeContext<ContractActivated> context)
    {
        if (message.BidId is not { } bidId
            || !await Db.CommitContractAsync(tags, message.ContractId, bidId, message.PredecessorId, context.CancellationToken))
        {
            _logger.LogWarning(
                "Contract {ContractId} was activated on bid {BidId}, which Bidding does not know: no staff commitment recorded",
                message.ContractId, message.BidId);
        }
    }
}

/// <summary>A contract completed or was terminated: its people's time is free again.</summary>
public sealed class ContractEndedConsumer(BiddingDb db, CommitmentTags tags, TimeProvider clock, ILogger<ContractEndedConsumer> logger)
    : IdempotentConsumer<BiddingDb, ContractEnded>(db, clock, logger)
{
    protected override Task HandleAsync(ContractEnded message, ConsumeContext<ContractEnded> context) =>
        Db.ReleaseContractAsync(tags, message.ContractId, context.CancellationToken);
}
