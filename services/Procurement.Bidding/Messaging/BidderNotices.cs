using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Notifications;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// Notices to every registered bidder of a tender (DOMAIN.md §3, §5), added to the caller's unit of work so they
/// commit with the change they announce. A registered bidder is an agency with a bid on the tender in any state,
/// withdrawn included (it may bid again while the tender is open, and it sees the opening record). Agencies that
/// only asked a question are not known here: <c>TenderClarified</c> never names the asker, by design.
/// </summary>
internal static class BidderNotices
{
    public static async Task NotifyBiddersAsync(
        BiddingDb db, Guid tenderId, NotificationKind kind, string code, IEnumerable<string> arguments, DateTimeOffset now, CancellationToken ct)
    {
        var agencies = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).Select(b => b.AgencyId).Distinct().ToListAsync(ct);
        db.Notifications.AddRange(AgencyNotification.To(agencies, tenderId, kind, code, arguments, now));
    }

    /// <summary>An instant as people read it in a notice: Beijing wall time to the minute.</summary>
    public static string Beijing(DateTimeOffset instant) => instant.ToShanghai().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
