namespace Procurement.Bidding.Domain;

/// <summary>What a tender is about: its service description and its program's region and service domain, each null when an old event did not carry it.</summary>
public sealed record OpenTenderSubject(string? ServiceDescription, string? Region, string? ServiceDomain);

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

    /// <summary>服务内容/项目概况; null for a tender published before tenders carried one.</summary>
    public string? ServiceDescription { get; private set; }

    /// <summary>The program's region; null for a tender published before the event carried it.</summary>
    public string? Region { get; private set; }

    /// <summary>The program's service domain as its enum name (<c>Elderly</c>, …); null for a tender published before the event carried it.</summary>
    public string? ServiceDomain { get; private set; }

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
        DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd, DateTimeOffset publishedAt, OpenTenderTerms? terms = null,
        OpenTenderSubject? subject = null)
    {
        terms ??= OpenTenderTerms.None;
        return new OpenTender
        {
            TenderId = tenderId,
            ProgramId = programId,
            PurchasingUnitId = purchasingUnitId,
            Title = title,
            ServiceDescription = subject?.ServiceDescription,
            Region = subject?.Region,
            ServiceDomain = subject?.ServiceDomain,
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
        decimal budgetCeiling, DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd, OpenTenderTerms terms,
        string? serviceDescription = null)
    {
        if (Status != OpenTenderStatus.Open)
        {
            return false;
        }

        // An amendment sent before tenders carried a description leaves the one kept.
        ServiceDescription = serviceDescription ?? ServiceDescription;
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
