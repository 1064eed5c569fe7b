using Procurement.Contracts.Bidding;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>One opened bid as the opening record (开标记录) shows it to every bidder of the tender.</summary>
public sealed record OpeningEntry(Guid BidId, Guid AgencyId, string AgencyName, decimal Price, string ReceiptHash, int BidVersion);

/// <summary>
/// The opening of one tender: who bid, at what price, and the receipt hash each agency can match against its
/// own receipt. Written once, when bidding closes; never changed.
/// </summary>
/// <remarks>
/// Only bids that count are in it: submitted or confirmed in their latest version. Withdrawn bids, and bids
/// still <see cref="BidStatus.NeedsReconfirmation"/> at the deadline (an amendment changed the terms and the
/// agency neither confirmed nor revised), are left out and stay sealed. The opening records <see cref="BidsOpened"/>,
/// saved with the record.
/// </remarks>
public sealed class OpeningRecord : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private OpeningRecord()
    {
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid TenderId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public IReadOnlyList<OpeningEntry> Entries { get; private set; } = [];

    /// <param name="tender">The tender opened.</param>
    /// <param name="entries">The bids that count, as every bidder reads them.</param>
    /// <param name="openedAt">When the bids were opened.</param>
    /// <param name="opened">The bids that count as the panel receives them, unsealed (for <see cref="BidsOpened"/>).</param>
    /// <param name="notCounted">The bids left sealed because they still awaited reconfirmation.</param>
    public static OpeningRecord Of(
        OpenTender tender, IEnumerable<OpeningEntry> entries, DateTimeOffset openedAt, IReadOnlyList<OpenedBid> opened, IReadOnlyList<NotCountedBid> notCounted)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(notCounted);
        var record = new OpeningRecord
        {
            TenderId = tender.TenderId,
            PurchasingUnitId = tender.PurchasingUnitId,
            OpenedAt = openedAt,
            Entries = [.. entries.OrderBy(e => e.Price).ThenBy(e => e.AgencyName, StringComparer.Ordinal)],
        };
        record._events.Record(new BidsOpened(record.TenderId, record.PurchasingUnitId, openedAt, [.. opened], [.. notCounted]));
        return record;
    }
}
