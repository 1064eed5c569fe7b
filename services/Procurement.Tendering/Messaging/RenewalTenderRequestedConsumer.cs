using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Continuity;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Messaging;

/// <summary>
/// The purchaser confirmed that a contract running out is followed by a new tender (DOMAIN.md §2): Tendering drafts that
/// tender for the program, pre-filled from the last one (<see cref="Tender.DraftRenewal"/>), for the purchaser to review
/// and publish, and raises <see cref="RenewalTenderDrafted"/> in the same SaveChanges (the inbox saves it).
/// </summary>
/// <remarks>
/// One draft per contract: the inbox makes a redelivery of the same message change nothing, and a second request for the
/// same contract (another message) finds the draft already there and drafts nothing more; the unique index on
/// <see cref="Tender.SuccessorOfContractId"/> refuses a concurrent second draft, whose delivery is then retried and finds
/// the first. A request Tendering cannot act on (unknown program, another unit's program, a period outside the program,
/// nothing to pre-fill from) is logged as a warning and drafts nothing — retrying it would not change the answer — and
/// <see cref="RenewalTenderNotDrafted"/> tells Contracting why, for the purchaser to see on the renewal decision.
/// </remarks>
public sealed class RenewalTenderRequestedConsumer(
    TenderingDb db, TimeProvider clock, ILogger<RenewalTenderRequestedConsumer> logger)
    : IdempotentConsumer<TenderingDb, RenewalTenderRequested>(db, clock, logger)
{
    private readonly ILogger _logger = logger;

    protected override async Task HandleAsync(RenewalTenderRequested message, ConsumeContext<RenewalTenderRequested> context)
    {
        var cancellationToken = context.CancellationToken;
        var drafted = await Db.Tenders.AsNoTracking()
            .Where(t => t.SuccessorOfContractId == message.ContractId).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (drafted is { } existing)
        {
            _logger.LogInformation(
                "The renewal tender of contract {ContractId} was already drafted as tender {TenderId}; the request drafts nothing more",
                message.ContractId, existing);
            return;
        }

        var program = await Db.Programs.FirstOrDefaultAsync(p => p.Id == message.ProgramId, cancellationToken);
        if (program is null)
        {
            _logger.LogWarning("No renewal tender drafted for contract {ContractId}: program {ProgramId} is unknown", message.ContractId, message.ProgramId);
            NotDrafted(message, "ProgramUnknown");
            return;
        }

        if (program.PurchasingUnitId != message.PurchasingUnitId)
        {
            _logger.LogWarning(
                "No renewal tender drafted for contract {ContractId}: program {ProgramId} belongs to purchasing unit {Owner}, not to {PurchasingUnitId}",
                message.ContractId, program.Id, program.PurchasingUnitId, message.PurchasingUnitId);
            NotDrafted(message, "ProgramOfAnotherUnit");
            return;
        }

        if (!program.Spans(message.ServiceStart, message.ServiceEnd))
        {
            _logger.LogWarning(
                "No renewal tender drafted for contract {ContractId}: its successor's service {ServiceStart}..{ServiceEnd} lies outside program {ProgramId}'s active span {ActiveFrom}..{ActiveUntil}",
                message.ContractId, message.ServiceStart, message.ServiceEnd, program.Id, program.ActiveFrom, program.ActiveUntil);
            NotDrafted(message, "PeriodOutsideProgram");
            return;
        }

        var source = await SourceAsync(message, cancellationToken);
        if (source is null)
        {
            _logger.LogWarning(
                "No renewal tender drafted for contract {ContractId}: program {ProgramId} has no tender to pre-fill it from",
                message.ContractId, program.Id);
            NotDrafted(message, "NothingToPrefillFrom");
            return;
        }

        var now = Clock.GetUtcNow();
        var rules = await new MethodRuleBook(Db).InForceAsync(program.Region, now, cancellationToken);
        var tender = Tender.DraftRenewal(program, source, message.ContractId, message.ServiceStart, message.ServiceEnd, rules, now);
        Db.Tenders.Add(tender);
        _logger.LogInformation(
            "Drafted tender {TenderId} for the renewal of contract {ContractId}, pre-filled from tender {SourceId}, confirmed by {ActorId}",
            tender.Id, message.ContractId, source.Id, message.ActorId);
    }

    /// <summary>Tells Contracting why nothing was drafted (in the same SaveChanges as the inbox record).</summary>
    private void NotDrafted(RenewalTenderRequested message, string reason) =>
        Db.Raise(new RenewalTenderNotDrafted(message.ContractId, message.ProgramId, reason, Clock.GetUtcNow()));

    /// <summary>
    /// The tender to pre-fill from: <see cref="RenewalTenderRequested.LastTenderId"/> when it is a tender of the program;
    /// otherwise the program's most recently published tender (whatever became of it: its content is the one the market
    /// last saw and the purchaser last stood behind); when none was ever published, its most recently created draft.
    /// </summary>
    private async Task<Tender?> SourceAsync(RenewalTenderRequested message, CancellationToken cancellationToken)
    {
        var program = Db.Tenders.AsNoTracking().Where(t => t.ProgramId == message.ProgramId);
        if (message.LastTenderId is { } lastId)
        {
            var last = await program.FirstOrDefaultAsync(t => t.Id == lastId, cancellationToken);
            if (last is not null)
            {
                return last;
            }

            _logger.LogWarning(
                "Tender {LastTenderId} named for the renewal of contract {ContractId} is not a tender of program {ProgramId}; the program's latest is taken",
                lastId, message.ContractId, message.ProgramId);
        }

        return await program
            .OrderByDescending(t => t.PublishedAt != null)
            .ThenByDescending(t => t.PublishedAt)
            .ThenByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
