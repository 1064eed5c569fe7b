using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// Keeps Bidding's copy of every published tender; a second delivery changes nothing. A tender whose cancellation
/// arrived first (<see cref="Domain.EarlyCancellation"/>) is kept cancelled and never opens.
/// </summary>
public sealed class TenderPublishedConsumer(BiddingDb db, BidSealer sealer, TimeProvider clock, ILogger<TenderPublishedConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderPublished>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderPublished message, ConsumeContext<TenderPublished> context)
    {
        if (await Db.OpenTenders.AnyAsync(t => t.TenderId == message.TenderId, context.CancellationToken))
        {
            return;
        }

        var tender = OpenTender.Published(
            message.TenderId, message.ProgramId, message.PurchasingUnitId, message.Title, message.BudgetCeiling,
            message.BidDeadline, message.ServiceStart, message.ServiceEnd, message.PublishedAt, TermsOf(message),
            new OpenTenderSubject(Blank(message.ServiceDescription), Blank(message.Region), Blank(message.ServiceDomain)));
        Db.OpenTenders.Add(tender);

        // Cancelled before this publication reached Bidding: the copy is kept, already cancelled, so no bid is ever taken for it.
        var cancelled = await Db.EarlyCancellations.FirstOrDefaultAsync(c => c.TenderId == message.TenderId, context.CancellationToken);
        if (cancelled is not null)
        {
            tender.Cancel(cancelled.Reason, cancelled.CancelledAt);
            return;
        }

        // The tender's data key exists before its first bid, so the deadline rush never races to create it.
        if (!await Db.TenderDataKeys.AnyAsync(k => k.TenderId == message.TenderId, context.CancellationToken))
        {
            Db.TenderDataKeys.Add(sealer.CreateDataKey(message.TenderId, Clock.GetUtcNow()));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The terms a bid is checked against. Collections may be missing from an event sent before tenders carried content.</summary>
    internal static OpenTenderTerms TermsOf(TenderPublished message) => TermsOf(
        message.ProcurementMethod ?? OpenTenderTerms.None.ProcurementMethod,
        message.Staffing, message.PersonnelCost, message.Evaluation, message.Eligibility, message.BidSecurity);

    /// <summary>The same terms from any event that carries them (publication, amendment).</summary>
    internal static OpenTenderTerms TermsOf(
        string procurementMethod, StaffingTerms? staffing, PersonnelCostTerms? personnel, EvaluationTerms? evaluation,
        IReadOnlyList<string>? eligibility, decimal? bidSecurity) => new(
        procurementMethod,
        staffing is not null
            ? new TenderStaffing(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors)
            : TenderStaffing.None,
        personnel is not null
            ? new TenderPersonnelCost(
                personnel.MinimumPersonnelShare,
                [.. (personnel.PayFloors ?? []).Select(f => new TenderPayFloor(Enum.Parse<CertificateLevel>(f.CertificateLevel), f.MonthlyPay))])
            : null,
        evaluation?.FixedPrice ?? false,
        [.. eligibility ?? []],
        bidSecurity);
}
