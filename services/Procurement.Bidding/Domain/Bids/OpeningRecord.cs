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
/// agency neither confirmed nor revised), are left out and stay sealed.
/// </remarks>
public sealed class OpeningRecord
{
    private OpeningRecord()
    {
    }

    public Guid TenderId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public IReadOnlyList<OpeningEntry> Entries { get; private set; } = [];

    public static OpeningRecord Of(OpenTender tender, IEnumerable<OpeningEntry> entries, DateTimeOffset openedAt)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return new OpeningRecord
        {
            TenderId = tender.TenderId,
            PurchasingUnitId = tender.PurchasingUnitId,
            OpenedAt = openedAt,
            Entries = [.. entries.OrderBy(e => e.Price).ThenBy(e => e.AgencyName, StringComparer.Ordinal)],
        };
    }
}
