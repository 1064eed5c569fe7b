using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>
/// The parts of a published tender an amendment (更正公告) may change; null leaves a part as it is.
/// The procurement method, title and program never change by amendment.
/// </summary>
public sealed record TenderChange(
    decimal? BudgetCeiling = null,
    DateOnly? ServiceStart = null,
    DateOnly? ServiceEnd = null,
    StaffingRequirement? StaffingRequirement = null,
    KpiList? Kpis = null,
    PaymentSchedule? PaymentSchedule = null,
    EvaluationScheme? EvaluationScheme = null,
    IReadOnlyList<string>? Eligibility = null,
    DateTimeOffset? BidDeadline = null,
    string? ServiceDescription = null)
{
    public const string BidDeadlineField = "bidDeadline";

    /// <summary>The changed parts by their API field names, in a fixed order.</summary>
    public IReadOnlyList<string> ChangedFields()
    {
        var fields = new List<string>();
        Add(fields, "budgetCeiling", BudgetCeiling.HasValue);
        Add(fields, "serviceStart", ServiceStart.HasValue);
        Add(fields, "serviceEnd", ServiceEnd.HasValue);
        Add(fields, "staffingRequirement", StaffingRequirement is not null);
        Add(fields, "kpis", Kpis is not null);
        Add(fields, "paymentSchedule", PaymentSchedule is not null);
        Add(fields, "evaluationScheme", EvaluationScheme is not null);
        Add(fields, "eligibility", Eligibility is not null);
        Add(fields, "serviceDescription", ServiceDescription is not null);
        Add(fields, BidDeadlineField, BidDeadline.HasValue);
        return fields;
    }

    /// <summary>Any change but a bare deadline change alters what a bid is checked against.</summary>
    public bool ChangesBids => ChangedFields().Any(name => name != BidDeadlineField);

    private static void Add(List<string> fields, string field, bool changed)
    {
        if (changed)
        {
            fields.Add(field);
        }
    }
}

/// <summary>
/// One version of a published tender's terms: amendment 1, 2, … with what changed (by field, and the new
/// values as JSON) and what it did to the deadline.
/// </summary>
public sealed class TenderAmendment
{
    private TenderAmendment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public int Number { get; private set; }

    public string Description { get; private set; } = "";

    public bool ChangesBids { get; private set; }

    public IReadOnlyList<string> ChangedFields { get; private set; } = [];

    /// <summary>The new values of the changed parts, as JSON (field name → value).</summary>
    public string ChangesJson { get; private set; } = "{}";

    public DateTimeOffset PreviousBidDeadline { get; private set; }

    public DateTimeOffset NewBidDeadline { get; private set; }

    /// <summary>The margin rule moved the deadline out (as opposed to the purchaser's own extension).</summary>
    public bool DeadlineMovedByMargin { get; private set; }

    public DateTimeOffset AmendedAt { get; private set; }

    public bool DeadlineMoved => NewBidDeadline != PreviousBidDeadline;

    internal static TenderAmendment Record(
        Guid tenderId, int number, string description, bool changesBids, IReadOnlyList<string> changedFields, string changesJson,
        DateTimeOffset previousDeadline, DateTimeOffset newDeadline, bool movedByMargin, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(),
            TenderId = tenderId,
            Number = number,
            Description = description,
            ChangesBids = changesBids,
            ChangedFields = changedFields,
            ChangesJson = changesJson,
            PreviousBidDeadline = previousDeadline,
            NewBidDeadline = newDeadline,
            DeadlineMovedByMargin = movedByMargin,
            AmendedAt = at,
        };
}
