using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Tendering.Domain;

/// <summary>DOMAIN.md §3: Draft → Published → BiddingClosed → Evaluating → Awarded | Failed | Cancelled.</summary>
public enum TenderStatus
{
    Draft,
    Published,
    BiddingClosed,
    Evaluating,
    Awarded,
    Failed,
    Cancelled,
}

/// <summary>
/// A tender (采购项目) for one service period of a program. This first slice carries the title, the
/// budget ceiling, the bid deadline and the service period; the legal rules of each procurement method
/// come with the tendering issue.
/// </summary>
public sealed class Tender
{
    private Tender()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>最高限价, CNY with two decimals.</summary>
    public decimal BudgetCeiling { get; private set; }

    public DateTimeOffset BidDeadline { get; private set; }

    public DateOnly ServiceStart { get; private set; }

    public DateOnly ServiceEnd { get; private set; }

    public TenderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    public static Tender Draft(
        ServiceProgram program, string title, decimal budgetCeiling, DateTimeOffset bidDeadline,
        DateOnly serviceStart, DateOnly serviceEnd, DateTimeOffset now)
    {
        if (budgetCeiling <= 0 || decimal.Round(budgetCeiling, 2) != budgetCeiling)
        {
            throw new RuleViolationException("budget_ceiling_invalid", "budgetCeiling", budgetCeiling);
        }

        if (serviceEnd < serviceStart)
        {
            throw new RuleViolationException("service_period_reversed", "serviceEnd", serviceStart, serviceEnd);
        }

        if ((program.ActiveUntil is { } until && serviceEnd > until) || serviceStart < program.ActiveFrom)
        {
            throw new RuleViolationException("service_period_outside_program", "serviceStart", program.ActiveFrom, program.ActiveUntil);
        }

        var tender = new Tender
        {
            Id = Guid.CreateVersion7(),
            ProgramId = program.Id,
            PurchasingUnitId = program.PurchasingUnitId,
            Title = title.Trim(),
            BudgetCeiling = budgetCeiling,
            BidDeadline = bidDeadline.ToUniversalTime(),
            ServiceStart = serviceStart,
            ServiceEnd = serviceEnd,
            Status = TenderStatus.Draft,
            CreatedAt = now,
            Version = 1,
        };
        tender.EnsureDeadlineBeforeService();
        return tender;
    }

    /// <summary>Opens the tender for bids. Only a draft can be published, and only before its deadline.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != TenderStatus.Draft)
        {
            throw new ConflictException("tender_not_draft", Status);
        }

        if (BidDeadline <= now)
        {
            throw new RuleViolationException("bid_deadline_passed", "bidDeadline", BidDeadline);
        }

        EnsureDeadlineBeforeService();
        Status = TenderStatus.Published;
        PublishedAt = now;
        Version++;
    }

    private void EnsureDeadlineBeforeService()
    {
        // The service must not start before bidding has even closed — on the Beijing calendar, where both are read.
        if (BidDeadline.ShanghaiDate() >= ServiceStart)
        {
            throw new RuleViolationException("bid_deadline_after_service_start", "bidDeadline", BidDeadline, ServiceStart);
        }
    }
}
