using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Domain.Notifications;
using Procurement.Contracts.Bidding;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// The opening (开标) of one tender whose bidding has closed: every bid that counts is unsealed with purpose
/// <see cref="UnsealPurpose.Opening"/> (one audit row each, actor <c>system:opening</c>), the opening record is
/// stored (recording <see cref="BidsOpened"/>, which goes to the outbox) — all in the caller's unit of work.
/// </summary>
/// <remarks>
/// What counts: bids <see cref="BidStatus.Submitted"/> (including confirmed after an amendment), in their latest
/// version. Withdrawn bids are not opened. A bid still <see cref="BidStatus.NeedsReconfirmation"/> at the
/// deadline does not count: it is not opened, stays sealed, and is listed in <see cref="BidsOpened.NotCounted"/>.
/// A cancelled tender is never opened; a tender already opened is not opened again.
/// </remarks>
internal static class BidOpening
{
    public const string Actor = "system:opening";

    /// <returns>The unseal records to append to the audit chain; empty when nothing was opened.</returns>
    public static async Task<IReadOnlyList<UnsealRecord>> OpenAsync(
        BiddingDb db, BidSealer sealer, CommitmentTags tags, OpenTender tender, DateTimeOffset now, CancellationToken ct)
    {
        if (tender.Status != OpenTenderStatus.BiddingClosed
            || await db.OpeningRecords.AnyAsync(r => r.TenderId == tender.TenderId, ct))
        {
            return [];
        }

        var bids = await db.Bids.Where(b => b.TenderId == tender.TenderId && b.Status != BidStatus.Withdrawn).ToListAsync(ct);
        var counting = bids.Where(b => b.Status == BidStatus.Submitted).ToList();
        var agencyIds = bids.Select(b => b.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var workers = await db.SocialWorkers.AsNoTracking().Where(w => agencyIds.Contains(w.AgencyId)).ToDictionaryAsync(w => w.Id, ct);
        var key = counting.Count == 0 ? null : await db.TenderDataKeys.AsNoTracking().FirstAsync(k => k.TenderId == tender.TenderId, ct);
        var request = new UnsealRequest(Actor, null, UnsealPurpose.Opening, "Opening at the bid deadline (开标)");

        var records = new List<UnsealRecord>();
        var entries = new List<OpeningEntry>();
        var opened = new List<OpenedBid>();
        foreach (var bid in counting)
        {
            var unsealed = bid.Unseal(tender, sealer, key!, request, now);
            bid.Open(tender, now);
            records.Add(unsealed.Record);
            var agency = agencies[bid.AgencyId];
            var content = unsealed.Content;
            entries.Add(new OpeningEntry(bid.Id, bid.AgencyId, agency.Name, content.Price, bid.ReceiptHash, bid.Version));
            opened.Add(new OpenedBid(
                bid.Id, bid.AgencyId, agency.Name, agency.UnifiedSocialCreditCode.Value, bid.Version, bid.SubmittedAt, content.Price, bid.ReceiptHash,
                new OpenedCosts(content.Costs.Personnel, content.Costs.Activities, content.Costs.Administration, content.Costs.Other),
                Staffing(content, workers),
                content.TechnicalProposal,
                content.AbnormallyLow,
                [.. content.AbnormallyLowReasons.Select(r => new AbnormallyLowFlag(r.Code, r.WorkerId, r.Actual, r.Threshold))],
                content.AbnormallyLowExplanation));
        }

        // A bid still awaiting reconfirmation at the deadline does not count and can no longer be revised: it commits no one.
        foreach (var notCounted in bids.Where(b => b.Status == BidStatus.NeedsReconfirmation))
        {
            await db.ReleaseBidAsync(tags, notCounted.Id, ct);
        }

        db.OpeningRecords.Add(OpeningRecord.Of(
            tender, entries, now, opened,
            [.. bids.Where(b => b.Status == BidStatus.NeedsReconfirmation).Select(b => new NotCountedBid(b.Id, b.AgencyId, b.Status.ToString()))]));
        await BidderNotices.NotifyBiddersAsync(
            db, tender.TenderId, NotificationKind.BidsOpened, NotificationTexts.Opened,
            [tender.Title, BidderNotices.Beijing(now), entries.Count.ToString(CultureInfo.InvariantCulture), tender.TenderId.ToString()], now, ct);
        return records;
    }

    private static OpenedStaffingPlan Staffing(BidContent content, IReadOnlyDictionary<Guid, SocialWorker> workers)
    {
        var lines = content.Staffing.Select(line =>
        {
            var worker = workers.GetValueOrDefault(line.WorkerId);
            return new OpenedStaffingLine(
                line.WorkerId, worker?.DisplayName ?? "", (worker?.CertificateLevel ?? CertificateLevel.None).ToString(), worker?.CertificateNumber,
                worker?.IsSupervisor ?? false, line.Fte, line.MonthlyPay);
        }).ToList();
        var planned = content.Staffing.Select(l => workers.GetValueOrDefault(l.WorkerId)).OfType<SocialWorker>().ToList();
        return new OpenedStaffingPlan(
            planned.Count(w => w.CertificateLevel != CertificateLevel.None),
            planned.Count(w => w.CertificateLevel >= CertificateLevel.Intermediate),
            planned.Count(w => w.IsSupervisor),
            content.Staffing.Sum(l => l.Fte),
            content.Price == 0m ? 0m : decimal.Round(content.Costs.Personnel / content.Price, 4),
            lines);
    }
}
