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
            message.BidDeadline, message.ServiceStart, message.ServiceEnd, message.PublishedAt, TermsOf(message)));
    }

    /// <summary>The terms a bid is checked against. Collections may be missing from an event sent before tenders carried content.</summary>
    internal static OpenTenderTerms TermsOf(TenderPublished message) => new(
        message.ProcurementMethod ?? OpenTenderTerms.None.ProcurementMethod,
        message.Staffing is { } staffing
            ? new TenderStaffing(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors)
            : TenderStaffing.None,
        message.PersonnelCost is { } personnel
            ? new TenderPersonnelCost(
                personnel.MinimumPersonnelShare,
                [.. (personnel.PayFloors ?? []).Select(f => new TenderPayFloor(Enum.Parse<CertificateLevel>(f.CertificateLevel), f.MonthlyPay))])
            : null,
        message.Evaluation?.FixedPrice ?? false,
        [.. message.Eligibility ?? []],
        message.BidSecurity);
}
