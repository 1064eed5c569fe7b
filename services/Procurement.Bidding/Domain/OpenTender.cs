namespace Procurement.Bidding.Domain;

/// <summary>
/// Bidding's own copy of a published tender (from TenderPublished): what agencies see while the
/// tender takes bids, and what a bid will be checked against. Tendering's database is never read.
/// </summary>
public sealed class OpenTender
{
    private OpenTender()
    {
    }

    public Guid TenderId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Title { get; private set; } = "";

    public decimal BudgetCeiling { get; private set; }

    public DateTimeOffset BidDeadline { get; private set; }

    public DateOnly ServiceStart { get; private set; }

    public DateOnly ServiceEnd { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public static OpenTender Published(
        Guid tenderId, Guid programId, Guid purchasingUnitId, string title, decimal budgetCeiling,
        DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd, DateTimeOffset publishedAt) => new()
    {
        TenderId = tenderId,
        ProgramId = programId,
        PurchasingUnitId = purchasingUnitId,
        Title = title,
        BudgetCeiling = budgetCeiling,
        BidDeadline = bidDeadline,
        ServiceStart = serviceStart,
        ServiceEnd = serviceEnd,
        PublishedAt = publishedAt,
    };

    /// <summary>Bids are taken until the deadline, not at it.</summary>
    public bool IsOpenAt(DateTimeOffset now) => now < BidDeadline;
}
