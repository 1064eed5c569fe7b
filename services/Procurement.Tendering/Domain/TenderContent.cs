using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>
/// What a tender asks of its bidders and promises its contractor (DOMAIN.md §3, §5), each part already
/// valid on its own. A draft may leave parts out; <see cref="Tender.Publish"/> requires them.
/// </summary>
/// <param name="Method">The procurement method; its rules come from the table.</param>
/// <param name="EvaluationScheme">综合评分法; none for a method not scored by a panel (SingleSource).</param>
/// <param name="StaffingRequirement">The staff a bid must plan.</param>
/// <param name="Eligibility">Short texts an agency must meet to bid (资格要求).</param>
/// <param name="Kpis">The indicators the contract will carry.</param>
/// <param name="PaymentSchedule">The instalments the contract will pay.</param>
/// <param name="PersonnelCost">The optional personnel-first rule.</param>
/// <param name="BidSecurity">The optional bid security (投标保证金), CNY.</param>
/// <param name="SingleSourceJustification">For SingleSource, why there is no competition (auditors read it).</param>
/// <param name="PredecessorContractId">The contract a direct renewal continues; SingleSource then needs no justification.</param>
/// <param name="ServiceDescription">服务内容/项目概况: the service bought, as agencies read it (required to publish).</param>
public sealed record TenderContent(
    ProcurementMethod? Method = null,
    EvaluationScheme? EvaluationScheme = null,
    StaffingRequirement? StaffingRequirement = null,
    IReadOnlyList<string>? Eligibility = null,
    KpiList? Kpis = null,
    PaymentSchedule? PaymentSchedule = null,
    PersonnelCostRule? PersonnelCost = null,
    decimal? BidSecurity = null,
    string? SingleSourceJustification = null,
    Guid? PredecessorContractId = null,
    string? ServiceDescription = null)
{
    public static TenderContent Empty { get; } = new();
}
