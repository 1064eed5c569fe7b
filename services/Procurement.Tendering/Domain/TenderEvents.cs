using Procurement.Contracts.Tendering;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>A published tender as the event other services keep their copy from, with its program's region and service domain.</summary>
internal static class TenderEvents
{
    public static TenderPublished Published(Tender tender, ServiceProgram program, ProcurementMethodRules rules) => new(
        tender.Id, tender.ProgramId, tender.PurchasingUnitId, tender.Title, tender.BudgetCeiling, tender.BidDeadline,
        tender.ServiceStart, tender.ServiceEnd, tender.PublishedAt!.Value,
        tender.Method!.Value.ToString(),
        Staffing(tender), PersonnelCost(tender), Evaluation(tender), Kpis(tender), Payment(tender), [.. tender.Eligibility],
        tender.BidSecurity, Rules(tender, rules), tender.ServiceDescription, program.Region, program.ServiceDomain.ToString());

    /// <summary>An amendment, with the tender's whole terms after it.</summary>
    public static TenderAmended Amended(Tender tender, TenderAmendment amendment, ProcurementMethodRules rules) => new(
        tender.Id, amendment.Number, amendment.Description, amendment.ChangesBids, [.. amendment.ChangedFields],
        amendment.PreviousBidDeadline, amendment.NewBidDeadline, amendment.DeadlineMoved,
        tender.BudgetCeiling, tender.ServiceStart, tender.ServiceEnd,
        Staffing(tender), PersonnelCost(tender), Evaluation(tender), Kpis(tender), Payment(tender), [.. tender.Eligibility],
        tender.BidSecurity, amendment.AmendedAt, Rules(tender, rules), tender.ServiceDescription);

    /// <summary>The method's numbers for this tender, read from the one rule table.</summary>
    private static ProcurementRulesTerms Rules(Tender tender, ProcurementMethodRules rules)
    {
        var rule = rules[tender.Method!.Value];
        return new ProcurementRulesTerms(rule.ValidBidsNeeded(), rule.MinimumPanelSize(tender.BudgetCeiling), rule.Panel?.OddSize ?? false);
    }

    private static StaffingTerms Staffing(Tender tender)
    {
        var staffing = tender.StaffingRequirement!;
        return new StaffingTerms(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors);
    }

    private static PersonnelCostTerms? PersonnelCost(Tender tender) =>
        tender.PersonnelCost is { } personnel
            ? new PersonnelCostTerms(
                personnel.MinimumPersonnelShare, [.. personnel.PayFloors.Select(f => new PayFloorTerms(f.Level.ToString(), f.MonthlyPay))])
            : null;

    private static EvaluationTerms? Evaluation(Tender tender) =>
        tender.EvaluationScheme is { } scheme
            ? new EvaluationTerms([.. scheme.Criteria.Select(c => new CriterionTerms(c.Name, c.Kind.ToString(), c.MaxPoints))], scheme.FixedPrice)
            : null;

    private static KpiTerms[] Kpis(Tender tender) => [.. tender.Kpis.Items.Select(k => new KpiTerms(k.Name, k.Unit, k.Target))];

    private static InstalmentTerms[] Payment(Tender tender) =>
        [.. tender.PaymentSchedule!.Instalments.Select(i => new InstalmentTerms(i.Percent, i.Condition.ToString()))];
}
