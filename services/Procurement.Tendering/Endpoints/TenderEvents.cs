using Procurement.Contracts.Tendering;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Endpoints;

/// <summary>A published tender as the event other services keep their copy from.</summary>
internal static class TenderEvents
{
    public static TenderPublished Published(Tender tender)
    {
        var staffing = tender.StaffingRequirement!;
        return new TenderPublished(
            tender.Id, tender.ProgramId, tender.PurchasingUnitId, tender.Title, tender.BudgetCeiling, tender.BidDeadline,
            tender.ServiceStart, tender.ServiceEnd, tender.PublishedAt!.Value,
            tender.Method!.Value.ToString(),
            new StaffingTerms(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors),
            tender.PersonnelCost is { } personnel
                ? new PersonnelCostTerms(
                    personnel.MinimumPersonnelShare, [.. personnel.PayFloors.Select(f => new PayFloorTerms(f.Level.ToString(), f.MonthlyPay))])
                : null,
            tender.EvaluationScheme is { } scheme
                ? new EvaluationTerms([.. scheme.Criteria.Select(c => new CriterionTerms(c.Name, c.Kind.ToString(), c.MaxPoints))], scheme.FixedPrice)
                : null,
            [.. tender.Kpis.Items.Select(k => new KpiTerms(k.Name, k.Unit, k.Target))],
            [.. tender.PaymentSchedule!.Instalments.Select(i => new InstalmentTerms(i.Percent, i.Condition.ToString()))],
            [.. tender.Eligibility],
            tender.BidSecurity);
    }
}
