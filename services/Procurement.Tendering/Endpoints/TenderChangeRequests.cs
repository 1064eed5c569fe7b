using System.Text.Json;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>An agency's question (答疑) about a published tender.</summary>
public sealed record AskQuestionRequest(string? Text)
{
    public void Validate() => new FieldErrors().Required("text", Text, TenderQuestion.TextMaxLength).ThrowIfAny();
}

/// <summary>The purchaser's answer; <c>changesBids: true</c> makes it count as an amendment for the deadline margin.</summary>
public sealed record AnswerQuestionRequest(string? Answer, bool? ChangesBids)
{
    public void Validate() => new FieldErrors().Required("answer", Answer, TenderQuestion.AnswerMaxLength).ThrowIfAny();
}

/// <summary>
/// A question as any signed-in reader sees it: never who asked. <c>Mine</c> is true only for the asking
/// agency itself, which also sees its own questions before they are answered.
/// </summary>
public sealed record QuestionView(
    Guid Id, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt, bool ChangesBids, bool Mine)
{
    public static QuestionView From(TenderQuestion q, Guid caller) =>
        new(q.Id, q.Text, q.AskedAt, q.Answer, q.AnsweredAt, q.ChangesBids, q.AskedBy == caller);
}

/// <summary>
/// An amendment (更正公告) to a published tender: a description and at least one changed part. Parts
/// left out stay as they are. <c>bidDeadline</c> sets the deadline (an extension, or a shortening no
/// earlier than the method's minimum from publication); <c>serviceDescription</c> replaces the service description
/// (服务内容, at most 4,000 characters); <c>version</c>, when sent, must be the tender's
/// current version (else 409). Any change but a bare deadline change can change bids.
/// </summary>
public sealed record AmendmentRequest(
    string? Description,
    decimal? BudgetCeiling = null,
    DateOnly? ServiceStart = null,
    DateOnly? ServiceEnd = null,
    StaffingRequirementBody? StaffingRequirement = null,
    IReadOnlyList<KpiBody>? Kpis = null,
    PaymentScheduleBody? PaymentSchedule = null,
    EvaluationSchemeBody? EvaluationScheme = null,
    IReadOnlyList<string?>? Eligibility = null,
    DateTimeOffset? BidDeadline = null,
    int? Version = null,
    string? ServiceDescription = null)
{
    public const int DescriptionMaxLength = 2000;

    public void Validate(ProcurementMethod? method)
    {
        var errors = new FieldErrors().Required("description", Description, DescriptionMaxLength);
        if (BudgetCeiling is not null)
        {
            errors.Money("budgetCeiling", BudgetCeiling);
        }

        if (ServiceStart is { } start && ServiceEnd is { } end && end < start)
        {
            errors.Add("serviceEnd", "not_before", new FieldName("serviceStart"));
        }

        if (Eligibility is { Count: 0 })
        {
            errors.Add("eligibility", "required");
        }

        if (Kpis is { Count: 0 })
        {
            errors.Add("kpis", "required");
        }

        if (ServiceDescription is not null && string.IsNullOrWhiteSpace(ServiceDescription))
        {
            errors.Add("serviceDescription", "required");
        }

        AsContent(method).ValidateContent(errors);
        errors.ThrowIfAny();
    }

    /// <summary>The changed parts as domain values; each factory refuses numbers its rule does not allow (422).</summary>
    public TenderChange ToChange(ProcurementMethod? method, ProcurementMethodRules rules)
    {
        var content = AsContent(method).ToContent(rules);
        return new TenderChange(
            BudgetCeiling, ServiceStart, ServiceEnd, content.StaffingRequirement, content.Kpis, content.PaymentSchedule,
            content.EvaluationScheme, content.Eligibility, BidDeadline, ServiceDescription);
    }

    /// <summary>The new values as sent, keyed by field, for the version listing.</summary>
    public string ChangesJson()
    {
        var changes = new Dictionary<string, object?>();
        Put(changes, "budgetCeiling", BudgetCeiling);
        Put(changes, "serviceStart", ServiceStart);
        Put(changes, "serviceEnd", ServiceEnd);
        Put(changes, "staffingRequirement", StaffingRequirement);
        Put(changes, "kpis", Kpis);
        Put(changes, "paymentSchedule", PaymentSchedule);
        Put(changes, "evaluationScheme", EvaluationScheme);
        Put(changes, "eligibility", Eligibility);
        Put(changes, "serviceDescription", ServiceDescription);
        Put(changes, "bidDeadline", BidDeadline?.ToUniversalTime());
        return ContentJson.Write(changes);
    }

    private static void Put(Dictionary<string, object?> changes, string field, object? value)
    {
        if (value is not null)
        {
            changes[field] = value;
        }
    }

    /// <summary>The content parts in the shape of a tender request, so they are checked exactly as on save.</summary>
    private TenderRequest AsContent(ProcurementMethod? method) => new(
        null, null, null, null, null, null, method, EvaluationScheme, StaffingRequirement, Eligibility, Kpis, PaymentSchedule,
        ServiceDescription: ServiceDescription);
}

/// <summary>One version of the tender's terms: what changed (by field and new value), when, and what it did to the deadline.</summary>
public sealed record AmendmentView(
    int Number, string Description, bool ChangesBids, IReadOnlyList<string> ChangedFields, JsonElement Changes,
    DateTimeOffset PreviousBidDeadline, DateTimeOffset NewBidDeadline, bool DeadlineMoved, bool DeadlineMovedByMargin, DateTimeOffset AmendedAt)
{
    public static AmendmentView From(TenderAmendment a)
    {
        using var changes = JsonDocument.Parse(a.ChangesJson);
        return new(a.Number, a.Description, a.ChangesBids, a.ChangedFields, changes.RootElement.Clone(),
            a.PreviousBidDeadline, a.NewBidDeadline, a.DeadlineMoved, a.DeadlineMovedByMargin, a.AmendedAt);
    }
}
