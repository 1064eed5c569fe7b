using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Layout;

/// <summary>Which inbox a notice came from: it decides where the notice links and which call marks it read.</summary>
public enum BellInbox
{
    /// <summary>An agency's notices about the tenders it bid on (<c>GET /api/bids/notifications</c>).</summary>
    Tenders,

    /// <summary>An organisation's notices about its contracts (<c>GET /api/contracts/notifications</c>).</summary>
    Contracts,
}

/// <summary>What a notice opens: a tender, a contract, or what the purchaser must act on — a renewal decision or a bridge proposal.</summary>
public enum BellTarget
{
    Tender,
    Contract,
    Renewal,
    Bridge,
}

/// <summary>One notice in the bell: its text in the person's language, when, whether read, and the page it opens.</summary>
public sealed record BellNotice(BellInbox Inbox, Guid Id, string Text, DateTimeOffset CreatedAt, bool Read, string Href, BellTarget Opens);

/// <summary>
/// What the bell shows: the API's inboxes merged — the unread count is each inbox's own count summed (an inbox lists
/// only its newest page, the count is of all), the newest notices first.
/// </summary>
public sealed class BellNotices
{
    public const int Shown = 8;

    private readonly List<BellNotice> _notices = [];

    public int Unread { get; private set; }

    /// <summary>Every notice the inboxes listed (each inbox its newest page).</summary>
    public IReadOnlyList<BellNotice> All => _notices;

    /// <summary>The newest notices of every inbox read, newest first, at most <see cref="Shown"/>.</summary>
    public IReadOnlyList<BellNotice> Newest => [.. _notices.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown)];

    /// <summary>The inboxes a person has: agencies their tender notices; everyone their organisation's contract notices.</summary>
    public static IReadOnlyList<BellInbox> InboxesOf(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Roles.Agency, StringComparer.Ordinal) ? [BellInbox.Tenders, BellInbox.Contracts] : [BellInbox.Contracts];
    }

    /// <summary>Whether the person may mark a notice of this inbox read (Contracting lets only the parties mark theirs).</summary>
    public static bool CanMarkRead(BellInbox inbox, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        return inbox switch
        {
            BellInbox.Tenders => list.Contains(Roles.Agency),
            _ => list.Contains(Roles.Purchaser) || list.Contains(Roles.Agency),
        };
    }

    public void Add(NotificationInboxResponse inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        Unread += inbox.Unread;
        _notices.AddRange(inbox.Notifications.Select(n => new BellNotice(
            BellInbox.Tenders, n.Id, n.Text, n.CreatedAt, n.ReadAt is not null, $"/agency/tenders/{n.TenderId}", BellTarget.Tender)));
    }

    public void Add(ContractNotificationInboxResponse inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        Unread += inbox.Unread;
        _notices.AddRange(inbox.Notifications.Select(n =>
        {
            var opens = TargetOf(n.Kind);
            return new BellNotice(BellInbox.Contracts, n.Id, n.Text, n.CreatedAt, n.ReadAt is not null, HrefOf(opens, n.ContractId), opens);
        }));
    }

    /// <summary>
    /// Where a contract notice leads: what the purchaser must act on opens the screen where it is decided (the renewal
    /// decision, the bridge proposal); a lifecycle notice opens the contract.
    /// </summary>
    public static BellTarget TargetOf(ContractNoticeKind kind) => kind switch
    {
        ContractNoticeKind.RenewalDue or ContractNoticeKind.RenewalDecisionPending => BellTarget.Renewal,
        ContractNoticeKind.BridgeProposed => BellTarget.Bridge,
        _ => BellTarget.Contract,
    };

    private static string HrefOf(BellTarget target, Guid contractId) => target switch
    {
        BellTarget.Renewal => $"/continuity/contracts/{contractId}/renewal",
        BellTarget.Bridge => $"/continuity/contracts/{contractId}/bridge",
        _ => $"/contracts/{contractId}",
    };
}
