using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests;

/// <summary>A complete, valid tender content, for tests that need one and change one part.</summary>
internal static class StandardContent
{
    public static readonly ProcurementMethodRules Rules = ProcurementMethodRules.Default;

    public static EvaluationScheme Scheme(ProcurementMethod method = ProcurementMethod.PublicTender, decimal pricePoints = 30m) =>
        EvaluationScheme.Create(
            [
                new EvaluationCriterion("Price", CriterionKind.Price, pricePoints),
                new EvaluationCriterion("Service plan", CriterionKind.Technical, 100m - pricePoints - 10m),
                new EvaluationCriterion("Past performance", CriterionKind.PastPerformance, 10m),
            ],
            fixedPrice: false, method, Rules);

    public static TenderContent For(ProcurementMethod method = ProcurementMethod.PublicTender) => new(
        method,
        method == ProcurementMethod.SingleSource ? null : Scheme(method),
        StaffingRequirement.Create(3, 1, 1),
        ["Registered social organisation", "No serious violation in the last three years"],
        KpiList.Create([new Kpi("Service hours", "hours", 2400m), new Kpi("Elders served", "people", 300m)]),
        PaymentSchedule.Default,
        PersonnelCostRule.Create(0.60m, [new PayFloor(CertificateLevel.Assistant, 4500m), new PayFloor(CertificateLevel.Intermediate, 5500m)]),
        BidSecurity: 9600.00m,
        SingleSourceJustification: method == ProcurementMethod.SingleSource
            ? "The only registered agency licensed for community correction work in the district (Justice Bureau notice 2026-14)."
            : null,
        ServiceDescription: "Home visits and psychological support for elders living alone on Street X.");
}
