using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>One KPI as the wizard edits it.</summary>
public sealed class KpiDraft
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public decimal Target { get; set; }
}

/// <summary>
/// What the tender wizard holds while the purchaser fills it in, step by step, and the request it becomes. A draft may
/// be saved incomplete (the API keeps drafts); publishing asks for all of it.
/// </summary>
public sealed class TenderDraft
{
    public Guid? Id { get; set; }

    public int? Version { get; set; }

    public ProcurementMethod Method { get; set; } = ProcurementMethod.PublicTender;

    public string? SingleSourceJustification { get; set; }

    public Guid? ProgramId { get; set; }

    public string? Title { get; set; }

    /// <summary>服务内容/项目概况: required to publish, at most <see cref="ServiceDescriptionMaxLength"/> characters.</summary>
    public string? ServiceDescription { get; set; }

    /// <summary>Tendering's limit (Tender.ServiceDescriptionMaxLength): one character more is refused with 422 naming <c>serviceDescription</c>.</summary>
    public const int ServiceDescriptionMaxLength = 4000;

    /// <summary>How many characters the description has, as Tendering counts them (trimmed).</summary>
    public int ServiceDescriptionLength => (ServiceDescription ?? "").Trim().Length;

    /// <summary>The description is over Tendering's limit: the wizard says so before the API does.</summary>
    public bool ServiceDescriptionTooLong => ServiceDescriptionLength > ServiceDescriptionMaxLength;

    public decimal BudgetCeiling { get; set; }

    public DateTime? ServiceStart { get; set; }

    public DateTime? ServiceEnd { get; set; }

    /// <summary>The bid deadline as Shanghai clocks show it.</summary>
    public DateTime? BidDeadline { get; set; }

    public decimal? BidSecurity { get; set; }

    public int CertifiedSocialWorkers { get; set; } = 3;

    public int IntermediateOrAbove { get; set; } = 1;

    public int Supervisors { get; set; } = 1;

    public List<string> Eligibility { get; set; } = [];

    public List<KpiDraft> Kpis { get; set; } = [];

    public List<InstalmentDraft> Instalments { get; set; } =
    [
        new() { Percent = 30m, Condition = PaymentCondition.Activation },
        new() { Percent = 40m, Condition = PaymentCondition.MidTermPassed },
        new() { Percent = 30m, Condition = PaymentCondition.FinalPassed },
    ];

    public bool FixedPrice { get; set; }

    public List<CriterionDraft> Criteria { get; set; } =
    [
        new() { Kind = CriterionKind.Price, MaxPoints = 30m },
        new() { Kind = CriterionKind.Technical, MaxPoints = 50m },
        new() { Kind = CriterionKind.PastPerformance, MaxPoints = 20m },
    ];

    public bool IsScored => Method != ProcurementMethod.SingleSource;

    public TenderRequest ToRequest() => new()
    {
        ProgramId = ProgramId,
        Title = Title,
        ServiceDescription = string.IsNullOrWhiteSpace(ServiceDescription) ? null : ServiceDescription,
        BudgetCeiling = BudgetCeiling,
        BidDeadline = BidDeadline is { } deadline ? TenderRules.AtShanghai(deadline) : null,
        ServiceStart = ServiceStart is { } start ? DateOnly.FromDateTime(start) : null,
        ServiceEnd = ServiceEnd is { } end ? DateOnly.FromDateTime(end) : null,
        ProcurementMethod = Method,
        SingleSourceJustification = Method == ProcurementMethod.SingleSource && !string.IsNullOrWhiteSpace(SingleSourceJustification)
            ? SingleSourceJustification : null,
        EvaluationScheme = IsScored
            ? new EvaluationSchemeBody
            {
                FixedPrice = FixedPrice,
                Criteria = [.. Criteria.Select(c => new CriterionBody { Name = c.Name, Kind = c.Kind, MaxPoints = c.MaxPoints })],
            }
            : null,
        StaffingRequirement = new StaffingRequirementBody
        {
            CertifiedSocialWorkers = CertifiedSocialWorkers, IntermediateOrAbove = IntermediateOrAbove, Supervisors = Supervisors,
        },
        Eligibility = [.. Eligibility],
        Kpis = [.. Kpis.Select(k => new KpiBody { Name = k.Name, Unit = k.Unit, Target = k.Target })],
        PaymentSchedule = new PaymentScheduleBody
        {
            Instalments = [.. Instalments.Select(i => new InstalmentBody { Percent = i.Percent, Condition = i.Condition })],
        },
        BidSecurity = BidSecurity is > 0 ? BidSecurity : null,
        Version = Version,
    };

    /// <summary>A saved draft, to go on editing it.</summary>
    public static TenderDraft From(TenderResponse tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return new TenderDraft
        {
            Id = tender.Id,
            Version = tender.Version,
            Method = tender.ProcurementMethod ?? ProcurementMethod.PublicTender,
            SingleSourceJustification = tender.SingleSourceJustification,
            ProgramId = tender.ProgramId,
            Title = tender.Title,
            ServiceDescription = tender.ServiceDescription,
            BudgetCeiling = tender.BudgetCeiling,
            ServiceStart = tender.ServiceStart.ToDateTime(TimeOnly.MinValue),
            ServiceEnd = tender.ServiceEnd.ToDateTime(TimeOnly.MinValue),
            BidDeadline = TenderRules.ToShanghaiWallClock(tender.BidDeadline),
            BidSecurity = tender.BidSecurity,
            CertifiedSocialWorkers = tender.StaffingRequirement?.CertifiedSocialWorkers ?? 3,
            IntermediateOrAbove = tender.StaffingRequirement?.IntermediateOrAbove ?? 1,
            Supervisors = tender.StaffingRequirement?.Supervisors ?? 1,
            Eligibility = [.. tender.Eligibility],
            Kpis = [.. tender.Kpis.Select(k => new KpiDraft { Name = k.Name, Unit = k.Unit, Target = k.Target })],
            Instalments = tender.PaymentSchedule is { } schedule
                ? [.. schedule.Instalments.Select(i => new InstalmentDraft { Percent = i.Percent, Condition = i.Condition })]
                : new TenderDraft().Instalments,
            FixedPrice = tender.EvaluationScheme?.FixedPrice ?? false,
            Criteria = tender.EvaluationScheme is { } scheme
                ? [.. scheme.Criteria.Select(c => new CriterionDraft { Name = c.Name, Kind = c.Kind, MaxPoints = c.MaxPoints })]
                : new TenderDraft().Criteria,
        };
    }
}

/// <summary>The wizard's steps, and the step where the API's refusal of a field is shown.</summary>
public static class WizardSteps
{
    public const int Method = 0;
    public const int Content = 1;
    public const int Staffing = 2;
    public const int Kpis = 3;
    public const int Payment = 4;
    public const int Scheme = 5;
    public const int Dates = 6;

    public static IReadOnlyList<string> TitleKeys { get; } =
        ["StepMethod", "StepContent", "StepStaffing", "StepKpis", "StepPayment", "StepScheme", "StepDates"];

    /// <summary>The step that shows a field the API named (<c>kpis[0].target</c> is on the KPI step); null when none does.</summary>
    public static int? Of(string? field)
    {
        var root = (field ?? "").Split('.', '[')[0];
        return root switch
        {
            "procurementMethod" or "singleSourceJustification" => Method,
            "programId" or "title" or "serviceDescription" or "budgetCeiling" or "serviceStart" or "serviceEnd" or "bidSecurity" => Content,
            "staffingRequirement" or "eligibility" => Staffing,
            "kpis" => Kpis,
            "paymentSchedule" => Payment,
            "evaluationScheme" => Scheme,
            "bidDeadline" => Dates,
            _ => null,
        };
    }
}
