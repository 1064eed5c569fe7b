using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Evaluation.BidEvaluation.Endpoints;

public sealed record EligibilityBody(string? Requirement, bool? Met, string? Reason);

/// <summary>A panel member's compliance verdict on one bid: each eligibility requirement judged, and any further reasons to reject.</summary>
public sealed record ComplianceRequest(IReadOnlyList<EligibilityBody>? Eligibility, IReadOnlyList<string>? Rejections)
{
    public (IReadOnlyList<EligibilityJudgement> Judgements, IReadOnlyList<string> Rejections) Validate()
    {
        var errors = new FieldErrors();
        var items = Eligibility ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            errors.Required($"eligibility[{i}].requirement", items[i].Requirement, 1000);
            if (items[i].Met is null)
            {
                errors.Add($"eligibility[{i}].met", "required");
            }
        }

        if ((Rejections ?? []).Any(r => r is { Length: > 1000 }))
        {
            errors.Add("rejections", "max_length", 1000);
        }

        errors.ThrowIfAny();
        return ([.. items.Select(i => new EligibilityJudgement(i.Requirement!.Trim(), i.Met!.Value, string.IsNullOrWhiteSpace(i.Reason) ? null : i.Reason.Trim()))],
            [.. (Rejections ?? []).Where(r => !string.IsNullOrWhiteSpace(r))]);
    }
}

public sealed record ScoreBody(string? Criterion, decimal? Points, string? Comment, string? OutlierReason);

/// <summary>One evaluator's sheet for one valid bid: a score and comment for each criterion the panel scores.</summary>
public sealed record ScoreSheetRequest(IReadOnlyList<ScoreBody>? Scores)
{
    public IReadOnlyList<CriterionScore> Validate()
    {
        var errors = new FieldErrors();
        var scores = Scores ?? [];
        if (scores.Count == 0)
        {
            errors.Add("scores", "required");
        }

        for (var i = 0; i < scores.Count; i++)
        {
            errors.Required($"scores[{i}].criterion", scores[i].Criterion);
            if (scores[i].Points is null)
            {
                errors.Add($"scores[{i}].points", "required");
            }
            else if (decimal.Round(scores[i].Points!.Value, 2) != scores[i].Points)
            {
                errors.Add($"scores[{i}].points", "two_decimals");
            }

            errors.Required($"scores[{i}].comment", scores[i].Comment, 2000);
            if (scores[i].OutlierReason is { Length: > 2000 })
            {
                errors.Add($"scores[{i}].outlierReason", "max_length", 2000);
            }
        }

        errors.ThrowIfAny();
        return [.. scores.Select(s => new CriterionScore(s.Criterion!.Trim(), s.Points!.Value, s.Comment!, string.IsNullOrWhiteSpace(s.OutlierReason) ? null : s.OutlierReason.Trim()))];
    }
}

public sealed record OutlierReasonBody(string? Criterion, string? Reason);

/// <summary>Written reasons for outlying scores of the caller's own sheet.</summary>
public sealed record OutlierReasonsRequest(IReadOnlyList<OutlierReasonBody>? Reasons)
{
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new FieldErrors();
        var reasons = Reasons ?? [];
        if (reasons.Count == 0)
        {
            errors.Add("reasons", "required");
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            errors.Required($"reasons[{i}].criterion", reasons[i].Criterion);
            errors.Required($"reasons[{i}].reason", reasons[i].Reason, 2000);
        }

        errors.ThrowIfAny();
        return reasons.GroupBy(r => r.Criterion!.Trim()).ToDictionary(g => g.Key, g => g.Last().Reason!);
    }
}

public sealed record BidReviewResponse(
    Guid BidId, Guid AgencyId, string AgencyName, decimal Price, StaffingCounts Staffing, string TechnicalProposal, bool AbnormallyLow,
    IReadOnlyList<string> AbnormallyLowReasons, string? AbnormallyLowExplanation, ComplianceVerdict Compliance, IReadOnlyList<string> ComplianceReasons,
    IReadOnlyList<EligibilityJudgement> Eligibility, DateTimeOffset? ReviewedAt)
{
    public static BidReviewResponse From(EvaluatedBid b) => new(
        b.BidId, b.AgencyId, b.AgencyName, b.Price, b.Staffing, b.TechnicalProposal, b.AbnormallyLow, b.AbnormallyLowReasons, b.AbnormallyLowExplanation,
        b.Compliance, b.ComplianceReasons, b.Eligibility, b.ReviewedAt);
}

public sealed record SheetResponse(Guid SheetId, Guid BidId, int Seat, bool Mine, SheetStatus Status, IReadOnlyList<CriterionScore> Scores, DateTimeOffset SubmittedAt);

public sealed record RankingResponse(
    int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, IReadOnlyDictionary<string, decimal> Means, decimal Total);

public sealed record PanelSummary(int Size, int Experts, int Representatives);

public sealed record SheetProgress(int Expected, int Submitted, int NeedingReasons);

/// <summary>
/// The evaluation as the purchaser, the panel and auditors read it; <see cref="MinimumPanelSize"/> and <see cref="OddPanelSize"/>
/// are the method's panel rule for this tender (null: the method has no panel), so a panel can be asked for by the rule;
/// <see cref="Eligibility"/> and <see cref="Staffing"/> are the terms each bid's compliance review judges against.
/// </summary>
public sealed record BidEvaluationResponse(
    Guid TenderId, string Title, string ProcurementMethod, EvaluationStage Stage, string? Outcome, DateTimeOffset? OpenedAt, DateTimeOffset? ConcludedAt,
    int MinimumValidBids, int? MinimumPanelSize, bool OddPanelSize, IReadOnlyList<Criterion> Criteria, bool FixedPrice, PanelSummary? Panel, IReadOnlyList<BidReviewResponse> Bids,
    SheetProgress? Sheets, IReadOnlyList<PastPerformanceResponse> PastPerformance, IReadOnlyList<RankingResponse>? Ranking,
    IReadOnlyList<string> Eligibility, StaffingCounts Staffing);

/// <summary>A past-performance criterion's computed points for one bid.</summary>
public sealed record ComputedPoints(string Criterion, decimal Points, decimal MaxPoints);

/// <summary>
/// One bid's past-performance score as the platform computed it from its agency's final performance grades: the grades that
/// counted (newest first, each with its share of the maximum), the averaged share, and the points per criterion. Empty grades
/// with <c>NoHistory</c>: the neutral share applied.
/// </summary>
public sealed record PastPerformanceResponse(
    Guid BidId, Guid AgencyId, string AgencyName, bool NoHistory, decimal Share, IReadOnlyList<ComputedPoints> Points, IReadOnlyList<CountedGrade> Grades)
{
    public static PastPerformanceResponse From(EvaluatedBid bid, PastPerformanceBasis basis, IEnumerable<Criterion> criteria) => new(
        bid.BidId, bid.AgencyId, bid.AgencyName, basis.NoHistory, decimal.Round(basis.Share, 4, MidpointRounding.AwayFromZero),
        [.. criteria.Select(c => new ComputedPoints(c.Name, basis.PointsFor(c), c.MaxPoints))], basis.Grades);
}

/// <summary>What an agency that bid reads once the evaluation is completed: the ranking, nothing of the panel.</summary>
public sealed record PublishedRankingResponse(Guid TenderId, string Title, EvaluationStage Stage, IReadOnlyList<RankingResponse> Ranking);
