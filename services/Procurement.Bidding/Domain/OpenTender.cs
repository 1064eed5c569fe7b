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

    public string ProcurementMethod { get; private set; } = "";

    public TenderStaffing Staffing { get; private set; } = TenderStaffing.None;

    public TenderPersonnelCost? PersonnelCost { get; private set; }

    public bool FixedPrice { get; private set; }

    public IReadOnlyList<string> Eligibility { get; private set; } = [];

    public decimal? BidSecurity { get; private set; }

    public OpenTenderStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>The terms as one value, for the rules that check a bid.</summary>
    public OpenTenderTerms Terms => new(ProcurementMethod, Staffing, PersonnelCost, FixedPrice, Eligibility, BidSecurity);

    public static OpenTender Published(
        Guid tenderId, Guid programId, Guid purchasingUnitId, string title, decimal budgetCeiling,
        DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd, DateTimeOffset publishedAt, OpenTenderTerms? terms = null)
    {
        terms ??= OpenTenderTerms.None;
        return new OpenTender
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
            ProcurementMethod = terms.ProcurementMethod,
            Staffing = terms.Staffing,
            PersonnelCost = terms.PersonnelCost,
            FixedPrice = terms.FixedPrice,
            Eligibility = terms.Eligibility,
            BidSecurity = terms.BidSecurity,
            Status = OpenTenderStatus.Open,
        };
    }

    /// <summary>Bids are taken until the deadline, not at it, and never once the tender is closed or cancelled.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == OpenTenderStatus.Open && now < BidDeadline;

    /// <summary>Tendering's clock closed bidding (BidWindowClosed). A cancelled tender stays cancelled; a second closing changes nothing.</summary>
    public void CloseBidding(DateTimeOffset closedAt)
    {
        if (Status != OpenTenderStatus.Open)
        {
            return;
        }

        Status = OpenTenderStatus.BiddingClosed;
        ClosedAt = closedAt;
    }

    /// <summary>
    /// An amendment (TenderAmended) replaced the tender's terms and perhaps moved its deadline. Only an open
    /// tender takes it: Tendering refuses amendments after the deadline, so a late one is a stale redelivery.
    /// </summary>
    public bool Amend(
        decimal budgetCeiling, DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd, OpenTenderTerms terms)
    {
        if (Status != OpenTenderStatus.Open)
        {
            return false;
        }

        BudgetCeiling = budgetCeiling;
        BidDeadline = bidDeadline;
        ServiceStart = serviceStart;
        ServiceEnd = serviceEnd;
        Staffing = terms.Staffing;
        PersonnelCost = terms.PersonnelCost;
        FixedPrice = terms.FixedPrice;
        Eligibility = terms.Eligibility;
        BidSecurity = terms.BidSecurity;
        return true;
    }

    /// <summary>A clarification (TenderClarified) that can change bids may have moved the deadline out.</summary>
    public bool MoveDeadline(DateTimeOffset bidDeadline)
    {
        if (Status != OpenTenderStatus.Open)
        {
            return false;
        }

        BidDeadline = bidDeadline;
        return true;
    }

    /// <summary>The purchaser cancelled the tender (TenderCancelled), before or after bidding closed.</summary>
    public void Cancel(string reason, DateTimeOffset cancelledAt)
    {
        if (Status == OpenTenderStatus.Cancelled)
        {
            return;
        }

        Status = OpenTenderStatus.Cancelled;
        CancellationReason = reason;
        CancelledAt = cancelledAt;
    }
}
