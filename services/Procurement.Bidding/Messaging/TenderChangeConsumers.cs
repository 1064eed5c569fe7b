using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Domain.Notifications;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// An amendment replaces Bidding's copy of the tender's terms and deadline; when it can change bids, every
/// submitted bid stops counting until its agency confirms or revises it (DOMAIN.md §3), which the agency
/// sees as the bid's status <c>NeedsReconfirmation</c> in <c>GET /api/bids/mine</c>. Every registered bidder gets a
/// notice in its inbox (<c>GET /api/bids/notifications</c>), whether or not the amendment changes bids.
/// </summary>
public sealed class TenderAmendedConsumer(BiddingDb db, TimeProvider clock, ILogger<TenderAmendedConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderAmended>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderAmended message, ConsumeContext<TenderAmended> context)
    {
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        if (tender is null)
        {
            return;
        }

        var terms = TenderPublishedConsumer.TermsOf(
            tender.ProcurementMethod, message.Staffing, message.PersonnelCost, message.Evaluation, message.Eligibility, message.BidSecurity);
        if (!tender.Amend(message.BudgetCeiling, message.NewBidDeadline, message.ServiceStart, message.ServiceEnd, terms, message.ServiceDescription))
        {
            return;
        }

        if (message.ChangesBids)
        {
            await TenderChanges.AskForReconfirmationAsync(Db, tender, message.AmendedAt, context.CancellationToken);
        }

        await BidderNotices.NotifyBiddersAsync(
            Db, tender.TenderId, NotificationKind.TenderAmended,
            message.ChangesBids ? NotificationTexts.AmendedReconfirm : NotificationTexts.Amended,
            [tender.Title, message.AmendmentNumber.ToString(CultureInfo.InvariantCulture), message.Description, BidderNotices.Beijing(message.NewBidDeadline)],
            message.AmendedAt, context.CancellationToken);
    }
}

/// <summary>An answer to a question that can change bids works as an amendment: new deadline, bids to reconfirm.</summary>
public sealed class TenderClarifiedConsumer(BiddingDb db, TimeProvider clock, ILogger<TenderClarifiedConsumer> logger)
    : IdempotentConsumer<BiddingDb, TenderClarified>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderClarified message, ConsumeContext<TenderClarified> context)
    {
        var tender = await Db.OpenTenders.FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        if (tender is not null && tender.MoveDeadline(message.BidDeadline) && message.ChangesBids)
        {
            await TenderChanges.AskForReconfirmationAsync(Db, tender, message.PublishedAt, context.CancellationToken);
            await BidderNotices.NotifyBiddersAsync(
                Db, tender.TenderId, NotificationKind.TenderClarified, NotificationTexts.Clarified,
                [tender.Title, message.Question, message.Answer, BidderNotices.Beijing(message.BidDeadline)],
                message.PublishedAt, context.CancellationToken);
        }
    }
}

internal static class TenderChanges
{
    public static async Task AskForReconfirmationAsync(BiddingDb db, OpenTender tender, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var bids = await db.Bids.Where(b => b.TenderId == tender.TenderId && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken);
        foreach (var bid in bids)
        {
            bid.MarkNeedsReconfirmation(tender, changedAt);
        }
    }
}
