namespace Procurement.Evaluation.Awards.Domain;

/// <summary>One KPI the contract will carry.</summary>
public sealed record KpiTerm(string Name, string Unit, decimal Target);

/// <summary>One instalment of the payment schedule.</summary>
public sealed record InstalmentTerm(decimal Percent, string Condition);

/// <summary>
/// The award stage's own copy of a tender's terms (from <c>TenderPublished</c> / <c>TenderAmended</c>): what
/// <c>AwardConfirmed</c> must carry to Contracting.
/// </summary>
public sealed class TenderAwardTerms
{
    public const int MaxTitleLength = 200;
    public const int MaxMethodLength = 40;

    private TenderAwardTerms()
    {
        Title = ProcurementMethod = string.Empty;
        Kpis = [];
        PaymentSchedule = [];
    }

    public TenderAwardTerms(
        Guid tenderId, Guid programId, Guid purchasingUnitId, string title, string procurementMethod,
        DateOnly serviceStart, DateOnly serviceEnd, IReadOnlyList<KpiTerm> kpis, IReadOnlyList<InstalmentTerm> paymentSchedule)
    {
        TenderId = tenderId;
        ProgramId = programId;
        PurchasingUnitId = purchasingUnitId;
        Title = title;
        ProcurementMethod = procurementMethod;
        ServiceStart = serviceStart;
        ServiceEnd = serviceEnd;
        Kpis = kpis;
        PaymentSchedule = paymentSchedule;
    }

    public Guid TenderId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Title { get; private set; }

    public string ProcurementMethod { get; private set; }

    public DateOnly ServiceStart { get; private set; }

    public DateOnly ServiceEnd { get; private set; }

    public IReadOnlyList<KpiTerm> Kpis { get; private set; }

    public IReadOnlyList<InstalmentTerm> PaymentSchedule { get; private set; }

    public bool Cancelled { get; private set; }

    /// <summary>An amendment replaces the terms as a whole.</summary>
    public void Amend(DateOnly serviceStart, DateOnly serviceEnd, IReadOnlyList<KpiTerm> kpis, IReadOnlyList<InstalmentTerm> paymentSchedule)
    {
        ServiceStart = serviceStart;
        ServiceEnd = serviceEnd;
        Kpis = kpis;
        PaymentSchedule = paymentSchedule;
    }

    public void Cancel() => Cancelled = true;
}
