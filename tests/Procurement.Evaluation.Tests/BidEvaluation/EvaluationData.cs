using Procurement.Evaluation.BidEvaluation.Domain;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>Tenders, bids and sheets for the domain tests.</summary>
internal static class EvaluationData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static readonly Criterion Price30 = new("Price", CriterionKind.Price, 30m);
    public static readonly Criterion Plan60 = new("Service plan", CriterionKind.Technical, 60m);

    /// <summary>A second hand-scored criterion (past performance is computed from grades, not scored on sheets).</summary>
    public static readonly Criterion Experience10 = new("Staff experience", CriterionKind.Technical, 10m);

    /// <summary>Computed from the agencies' final performance grades.</summary>
    public static readonly Criterion Past10 = new("Past performance", CriterionKind.PastPerformance, 10m);

    /// <summary>For tenders whose scheme has no past-performance criterion.</summary>
    public static readonly IReadOnlyDictionary<Guid, PastPerformanceBasis> NoPastPerformance = new Dictionary<Guid, PastPerformanceBasis>();

    public static EvaluatedTender Tender(
        IReadOnlyList<Criterion>? criteria = null, bool fixedPrice = false, int minimumValidBids = 3, StaffingCounts? staffing = null,
        IReadOnlyList<string>? eligibility = null) =>
        EvaluatedTender.Published(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Elder care, Street A", "CompetitiveConsultation",
            new TenderTerms(480_000m, staffing ?? new StaffingCounts(3, 1, 1), eligibility ?? ["Registered social organisation"],
                criteria ?? [Price30, Plan60, Experience10], fixedPrice, minimumValidBids, 3, true));

    /// <summary>A tender in scoring: opened with enough bids and the review concluded.</summary>
    public static EvaluatedTender Scoring(IReadOnlyList<Criterion>? criteria = null)
    {
        var tender = Tender(criteria);
        tender.Open(3, Now);
        tender.ConcludeCompliance(3, Now);
        return tender;
    }

    public static IReadOnlyList<CriterionScore> Scores(decimal plan, decimal past, string? planReason = null, string? pastReason = null) =>
    [
        new("Service plan", plan, "Clear weekly visit plan", planReason),
        new("Staff experience", past, "Well qualified team", pastReason),
    ];

    public static ScoreSheet Sheet(EvaluatedTender tender, Guid bidId, string evaluator, IReadOnlyList<ScoreSheet> others, decimal plan, decimal past, string? planReason = null) =>
        ScoreSheet.Submit(tender, bidId, evaluator, Scores(plan, past, planReason), others, EvaluationRules.Default, Now);
}
