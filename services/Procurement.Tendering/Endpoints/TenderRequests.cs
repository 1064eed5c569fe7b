using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

public sealed record CriterionBody(string? Name, CriterionKind? Kind, decimal? MaxPoints);

public sealed record EvaluationSchemeBody(IReadOnlyList<CriterionBody>? Criteria, bool? FixedPrice);

public sealed record StaffingRequirementBody(int? CertifiedSocialWorkers, int? IntermediateOrAbove, int? Supervisors);

public sealed record KpiBody(string? Name, string? Unit, decimal? Target);

public sealed record InstalmentBody(decimal? Percent, PaymentCondition? Condition);

public sealed record PaymentScheduleBody(IReadOnlyList<InstalmentBody>? Instalments);

public sealed record PayFloorBody(CertificateLevel? Level, decimal? MonthlyPay);

public sealed record PersonnelCostBody(decimal? MinimumPersonnelShare, IReadOnlyList<PayFloorBody>? PayFloors);

/// <summary>
/// A tender as a purchaser drafts (<c>POST</c>) or edits (<c>PUT</c>, with the <c>version</c> last read) it.
/// The content may be left out in a draft; publishing requires it. Shape is checked here (400);
/// the numbers by the domain (422), also the service description's length (at most
/// <see cref="Tender.ServiceDescriptionMaxLength"/> characters: 422 <c>service_description_too_long</c>).
/// </summary>
public sealed record TenderRequest(
    Guid? ProgramId, string? Title, decimal? BudgetCeiling, DateTimeOffset? BidDeadline, DateOnly? ServiceStart, DateOnly? ServiceEnd,
    ProcurementMethod? ProcurementMethod = null,
    EvaluationSchemeBody? EvaluationScheme = null,
    StaffingRequirementBody? StaffingRequirement = null,
    IReadOnlyList<string?>? Eligibility = null,
    IReadOnlyList<KpiBody>? Kpis = null,
    PaymentScheduleBody? PaymentSchedule = null,
    PersonnelCostBody? PersonnelCost = null,
    decimal? BidSecurity = null,
    int? Version = null,
    string? SingleSourceJustification = null,
    Guid? PredecessorContractId = null,
    string? ServiceDescription = null)
{
    public const int EligibilityMaxLength = 500;

    public const int JustificationMaxLength = 4000;

    public void Validate(DateTimeOffset now, bool editing = false)
    {
        var errors = new FieldErrors()
            .Required("programId", ProgramId)
            .Required("title", Title)
            .Money("budgetCeiling", BudgetCeiling)
            .Required("bidDeadline", BidDeadline)
            .Required("serviceStart", ServiceStart)
            .Required("serviceEnd", ServiceEnd);
        if (editing && Version is null)
        {
            errors.Add("version", "required");
        }

        if (BidDeadline is { } deadline && deadline <= now)
        {
            errors.Add("bidDeadline", "in_future");
        }

        if (ServiceStart is { } start && ServiceEnd is { } end && end < start)
        {
            errors.Add("serviceEnd", "not_before", new FieldName("serviceStart"));
        }

        ValidateContent(errors);
        errors.ThrowIfAny();
    }

    internal void ValidateContent(FieldErrors errors)
    {
        if (EvaluationScheme is { } scheme)
        {
            if (ProcurementMethod is null)
            {
                errors.Add("procurementMethod", "required");
            }

            if (scheme.Criteria is null)
            {
                errors.Add("evaluationScheme.criteria", "required");
            }

            for (var i = 0; i < (scheme.Criteria?.Count ?? 0); i++)
            {
                var criterion = scheme.Criteria![i];
                var at = $"evaluationScheme.criteria[{i}]";
                errors.Required($"{at}.name", criterion?.Name);
                Present(errors, $"{at}.kind", criterion?.Kind);
                Present(errors, $"{at}.maxPoints", criterion?.MaxPoints);
            }
        }

        if (StaffingRequirement is { } staffing)
        {
            Present(errors, "staffingRequirement.certifiedSocialWorkers", staffing.CertifiedSocialWorkers);
            Present(errors, "staffingRequirement.intermediateOrAbove", staffing.IntermediateOrAbove);
            Present(errors, "staffingRequirement.supervisors", staffing.Supervisors);
        }

        for (var i = 0; i < (Eligibility?.Count ?? 0); i++)
        {
            errors.Required($"eligibility[{i}]", Eligibility![i], EligibilityMaxLength);
        }

        for (var i = 0; i < (Kpis?.Count ?? 0); i++)
        {
            var kpi = Kpis![i];
            errors.Required($"kpis[{i}].name", kpi?.Name).Required($"kpis[{i}].unit", kpi?.Unit, 40);
            Present(errors, $"kpis[{i}].target", kpi?.Target);
        }

        if (PaymentSchedule is { } schedule)
        {
            if (schedule.Instalments is null || schedule.Instalments.Count == 0)
            {
                errors.Add("paymentSchedule.instalments", "required");
            }

            for (var i = 0; i < (schedule.Instalments?.Count ?? 0); i++)
            {
                var instalment = schedule.Instalments![i];
                Present(errors, $"paymentSchedule.instalments[{i}].percent", instalment?.Percent);
                Present(errors, $"paymentSchedule.instalments[{i}].condition", instalment?.Condition);
            }
        }

        if (PersonnelCost is { } personnel)
        {
            Present(errors, "personnelCost.minimumPersonnelShare", personnel.MinimumPersonnelShare);
            for (var i = 0; i < (personnel.PayFloors?.Count ?? 0); i++)
            {
                var floor = personnel.PayFloors![i];
                Present(errors, $"personnelCost.payFloors[{i}].level", floor?.Level);
                errors.Money($"personnelCost.payFloors[{i}].monthlyPay", floor?.MonthlyPay);
            }
        }

        if (BidSecurity is not null)
        {
            errors.Money("bidSecurity", BidSecurity);
        }

        if (SingleSourceJustification is { Length: > JustificationMaxLength })
        {
            errors.Add("singleSourceJustification", "max_length", JustificationMaxLength);
        }

        if (PredecessorContractId == Guid.Empty)
        {
            errors.Add("predecessorContractId", "required");
        }
    }

    /// <summary>The content as domain values; each factory refuses numbers its rule does not allow (422).</summary>
    public TenderContent ToContent(ProcurementMethodRules rules) => new(
        ProcurementMethod,
        EvaluationScheme is { } scheme && ProcurementMethod is { } method
            ? Domain.Rules.EvaluationScheme.Create(
                scheme.Criteria!.Select(c => new EvaluationCriterion(c.Name!, c.Kind!.Value, c.MaxPoints!.Value)), scheme.FixedPrice ?? false, method, rules)
            : null,
        StaffingRequirement is { } staffing
            ? Domain.Rules.StaffingRequirement.Create(staffing.CertifiedSocialWorkers!.Value, staffing.IntermediateOrAbove!.Value, staffing.Supervisors!.Value)
            : null,
        Eligibility?.Select(text => text!).ToList(),
        Kpis is null ? null : KpiList.Create(Kpis.Select(k => new Kpi(k.Name!, k.Unit!, k.Target!.Value))),
        PaymentSchedule is { } schedule
            ? Domain.Rules.PaymentSchedule.Create(schedule.Instalments!.Select(i => new Instalment(i.Percent!.Value, i.Condition!.Value)), rules)
            : null,
        PersonnelCost is { } personnel
            ? PersonnelCostRule.Create(
                personnel.MinimumPersonnelShare!.Value, (personnel.PayFloors ?? []).Select(f => new PayFloor(f.Level!.Value, f.MonthlyPay!.Value)))
            : null,
        BidSecurity,
        SingleSourceJustification,
        PredecessorContractId,
        ServiceDescription);

    /// <summary>Present at all: unlike <see cref="FieldErrors.Required{T}"/>, zero and an enum's first member are values here.</summary>
    private static void Present<T>(FieldErrors errors, string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(field, "required");
        }
    }
}

/// <summary>A cancellation: the reason is required and shown to bidders and auditors.</summary>
public sealed record CancelTenderRequest(string? Reason)
{
    public const int ReasonMaxLength = 1000;

    public void Validate() => new FieldErrors().Required("reason", Reason, ReasonMaxLength).ThrowIfAny();
}

public sealed record EvaluationSchemeView(IReadOnlyList<EvaluationCriterion> Criteria, bool FixedPrice);

public sealed record StaffingRequirementView(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors);

public sealed record PaymentScheduleView(IReadOnlyList<Instalment> Instalments);

public sealed record PersonnelCostView(decimal MinimumPersonnelShare, IReadOnlyList<PayFloor> PayFloors);

/// <summary>
/// A tender as the portal shows it: the deadline in UTC and in Asia/Shanghai wall time, and its full content. A draft
/// for the renewal of a contract carries the contract (<c>successorOfContractId</c>) and the tender it was pre-filled
/// from (<c>prefilledFromTenderId</c>).
/// </summary>
public sealed record TenderResponse(
    Guid Id, Guid ProgramId, Guid PurchasingUnitId, string Title, string? ServiceDescription, decimal BudgetCeiling,
    DateTimeOffset BidDeadline, DateTimeOffset BidDeadlineLocal, string TimeZone,
    DateOnly ServiceStart, DateOnly ServiceEnd, TenderStatus Status, DateTimeOffset? PublishedAt, int Version,
    ProcurementMethod? ProcurementMethod, EvaluationSchemeView? EvaluationScheme, StaffingRequirementView? StaffingRequirement,
    IReadOnlyList<string> Eligibility, IReadOnlyList<Kpi> Kpis, PaymentScheduleView? PaymentSchedule, PersonnelCostView? PersonnelCost,
    decimal? BidSecurity, DateTimeOffset? BiddingClosedAt, DateTimeOffset? CancelledAt, string? CancellationReason,
    string? SingleSourceJustification, Guid? PredecessorContractId,
    DateTimeOffset? EvaluationStartedAt, DateTimeOffset? DecidedAt, string? FailureReason, Guid? AwardedBidId, Guid? AwardedAgencyId, decimal? AwardedAmount,
    Guid? PrefilledFromTenderId, Guid? SuccessorOfContractId)
{
    public static TenderResponse From(Tender t) => new(
        t.Id, t.ProgramId, t.PurchasingUnitId, t.Title, t.ServiceDescription, t.BudgetCeiling, t.BidDeadline, t.BidDeadline.ToShanghai(), ShanghaiTime.TimeZoneId,
        t.ServiceStart, t.ServiceEnd, t.Status, t.PublishedAt, t.Version,
        t.Method,
        t.EvaluationScheme is { } s ? new EvaluationSchemeView(s.Criteria, s.FixedPrice) : null,
        t.StaffingRequirement is { } r ? new StaffingRequirementView(r.CertifiedSocialWorkers, r.IntermediateOrAbove, r.Supervisors) : null,
        t.Eligibility, t.Kpis.Items,
        t.PaymentSchedule is { } p ? new PaymentScheduleView(p.Instalments) : null,
        t.PersonnelCost is { } c ? new PersonnelCostView(c.MinimumPersonnelShare, c.PayFloors) : null,
        t.BidSecurity, t.BiddingClosedAt, t.CancelledAt, t.CancellationReason,
        t.SingleSourceJustification, t.PredecessorContractId,
        t.EvaluationStartedAt, t.DecidedAt, t.FailureReason, t.AwardedBidId, t.AwardedAgencyId, t.AwardedAmount,
        t.PrefilledFromTenderId, t.SuccessorOfContractId);
}
