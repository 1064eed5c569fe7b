namespace Procurement.Contracts.Tendering;

/// <summary>
/// The service domains of DOMAIN.md §3. Events carry them as the names here; Tendering's programs and every public filter
/// by domain (tenders, contracts) take these values.
/// </summary>
public enum ServiceDomain
{
    Elderly,
    ChildrenAndYouth,
    Family,
    Disability,
    CommunityCorrection,
    DrugRehabilitation,
    SocialAssistance,
    Medical,
    CommunityBuilding,
    Other,
}

/// <summary>
/// A purchaser defined a standing service program (服务项目) that later tenders and contracts fund.
/// Published by Tendering.
/// </summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="PurchasingUnitId">The organisation (购买主体) that owns the program.</param>
/// <param name="Name">The program's name, e.g. "Home-care social work for elders, Street X".</param>
/// <param name="Region">The administrative region the service covers.</param>
/// <param name="ServiceDomain">The service domain (elderly, children and youth, …) as its enum name.</param>
/// <param name="ActiveFrom">The first day the public need is to be served.</param>
/// <param name="ActiveUntil">The last day of the program's active span, if it has one.</param>
/// <param name="OccurredAt">When the program was created (UTC).</param>
public sealed record ServiceProgramCreated(
    Guid ProgramId,
    Guid PurchasingUnitId,
    string Name,
    string Region,
    string ServiceDomain,
    DateOnly ActiveFrom,
    DateOnly? ActiveUntil,
    DateTimeOffset OccurredAt);

/// <summary>
/// A tender (采购项目) was published and is open for sealed bids until <paramref name="BidDeadline"/>.
/// Published by Tendering; Bidding keeps its own copy of what a bid is checked against.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="ProgramId">The service program the tender funds.</param>
/// <param name="PurchasingUnitId">The purchasing organisation.</param>
/// <param name="Title">The tender's title.</param>
/// <param name="BudgetCeiling">The budget ceiling (最高限价) in CNY, two decimals.</param>
/// <param name="BidDeadline">The instant bidding closes (UTC; shown to people in Asia/Shanghai).</param>
/// <param name="ServiceStart">The first day of the service period.</param>
/// <param name="ServiceEnd">The last day of the service period.</param>
/// <param name="PublishedAt">When the tender was published (UTC).</param>
/// <param name="ProcurementMethod">
/// <c>PublicTender</c> (公开招标), <c>CompetitiveConsultation</c> (竞争性磋商) or <c>SingleSource</c> (单一来源).
/// </param>
/// <param name="Staffing">The staff every bid's staffing plan must meet.</param>
/// <param name="PersonnelCost">The personnel-first rule a bid is flagged against; null when the tender sets none.</param>
/// <param name="Evaluation">The evaluation scheme; null for a method not scored by a panel (<c>SingleSource</c>).</param>
/// <param name="Kpis">The indicators the contract will carry.</param>
/// <param name="PaymentSchedule">The instalments the contract will pay, in order; percentages sum to 100.</param>
/// <param name="Eligibility">The eligibility requirements (资格要求), as the purchaser wrote them.</param>
/// <param name="BidSecurity">The bid security (投标保证金) in CNY; null when none is required.</param>
/// <param name="Rules">The numbers of the method's rule that later stages apply (Tendering's rule table is their one home).</param>
/// <param name="ServiceDescription">服务内容/项目概况: the service bought, as agencies read it; null in a message sent before tenders carried one.</param>
/// <param name="Region">The program's region; null in a message sent before the event carried it.</param>
/// <param name="ServiceDomain">The program's service domain as its enum name (<c>Elderly</c>, …); null in a message sent before the event carried it.</param>
public sealed record TenderPublished(
    Guid TenderId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    string Title,
    decimal BudgetCeiling,
    DateTimeOffset BidDeadline,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    DateTimeOffset PublishedAt,
    string ProcurementMethod,
    StaffingTerms Staffing,
    PersonnelCostTerms? PersonnelCost,
    EvaluationTerms? Evaluation,
    IReadOnlyList<KpiTerms> Kpis,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    IReadOnlyList<string> Eligibility,
    decimal? BidSecurity,
    ProcurementRulesTerms Rules,
    string? ServiceDescription = null,
    string? Region = null,
    string? ServiceDomain = null);

/// <summary>
/// What the procurement method's rule (DOMAIN.md §3, §6) says for this tender, from Tendering's one rule table,
/// so Evaluation applies the same numbers without keeping a copy of the table.
/// </summary>
/// <param name="MinimumValidBids">Fewer valid bids than this and the tender fails (流标).</param>
/// <param name="MinimumPanelSize">The smallest evaluation panel for this method and budget; null when the method has no panel.</param>
/// <param name="OddPanelSize">Whether the panel must have an odd number of members.</param>
public sealed record ProcurementRulesTerms(int MinimumValidBids, int? MinimumPanelSize, bool OddPanelSize);

/// <summary>The staff a bid must plan (DOMAIN.md §3).</summary>
/// <param name="CertifiedSocialWorkers">At least this many workers with any certificate (助理社会工作师 and up).</param>
/// <param name="IntermediateOrAbove">Of those, at least this many at 社会工作师 or 高级社会工作师.</param>
/// <param name="Supervisors">At least this many supervisors (督导).</param>
public sealed record StaffingTerms(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors);

/// <summary>Personnel first (DOMAIN.md §5): a bid under the share or any floor is flagged abnormally low.</summary>
/// <param name="MinimumPersonnelShare">The least fraction of the price spent on personnel, e.g. 0.60.</param>
/// <param name="PayFloors">The lowest monthly pay per certificate level.</param>
public sealed record PersonnelCostTerms(decimal MinimumPersonnelShare, IReadOnlyList<PayFloorTerms> PayFloors);

/// <summary>The lowest monthly pay a bid may plan for a worker of one certificate level.</summary>
/// <param name="CertificateLevel"><c>None</c>, <c>Assistant</c>, <c>Intermediate</c> or <c>Senior</c>.</param>
/// <param name="MonthlyPay">CNY per month, two decimals.</param>
public sealed record PayFloorTerms(string CertificateLevel, decimal MonthlyPay);

/// <summary>The evaluation scheme (综合评分法): criteria whose maximum points sum to 100.</summary>
/// <param name="Criteria">The criteria in the purchaser's order.</param>
/// <param name="FixedPrice">Price is not scored, and every bid's price must equal the budget ceiling.</param>
public sealed record EvaluationTerms(IReadOnlyList<CriterionTerms> Criteria, bool FixedPrice);

/// <summary>One evaluation criterion.</summary>
/// <param name="Name">The criterion's name.</param>
/// <param name="Kind"><c>Price</c> (scored by formula), <c>Technical</c>, <c>PastPerformance</c> or <c>Other</c>.</param>
/// <param name="MaxPoints">Its maximum points, which are its weight in percent.</param>
public sealed record CriterionTerms(string Name, string Kind, decimal MaxPoints);

/// <summary>An indicator the contract will carry.</summary>
/// <param name="Name">The indicator, e.g. "Service hours".</param>
/// <param name="Unit">Its unit, e.g. "hours".</param>
/// <param name="Target">The target over the service period.</param>
public sealed record KpiTerms(string Name, string Unit, decimal Target);

/// <summary>One instalment of the payment schedule.</summary>
/// <param name="Percent">Percent of the contract amount, two decimals at most.</param>
/// <param name="Condition"><c>Activation</c>, <c>MidTermPassed</c>, <c>FinalPassed</c> or <c>BridgeStart</c>.</param>
public sealed record InstalmentTerms(decimal Percent, string Condition);

/// <summary>
/// A tender was cancelled before award, with its reason. Published by Tendering; Bidding stops taking
/// bids for it. A draft cancelled before publication raises it too: every status change is an event.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="Reason">Why, as the purchaser wrote it.</param>
/// <param name="CancelledAt">When (UTC).</param>
public sealed record TenderCancelled(Guid TenderId, string Reason, DateTimeOffset CancelledAt);

/// <summary>
/// The bid deadline passed and the clock closed bidding (never a person). Published by Tendering;
/// Bidding takes no more bids for the tender.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="ClosedAt">When the closing ran (UTC), at or after the deadline.</param>
public sealed record BidWindowClosed(Guid TenderId, DateTimeOffset ClosedAt);

/// <summary>
/// A tender moved along its statuses after bidding (DOMAIN.md §3: every status change is an integration event):
/// <c>Evaluating</c> when its bids were opened, <c>Failed</c> (流标) when too few were valid, <c>Awarded</c> when the
/// award was confirmed. Published by Tendering. Publication, closing and cancellation have their own events.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why, in a sentence for people (e.g. the failure's reason); null when the status says it all.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record TenderStatusChanged(Guid TenderId, string From, string To, string? Reason, DateTimeOffset OccurredAt);
