using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>The outcome of a compliance review: pass or fail, and every reason for a fail.</summary>
public sealed record ComplianceOutcome(bool Passed, IReadOnlyList<string> Reasons);

/// <summary>
/// 资格性 / 符合性审查 (DOMAIN.md §6): the staffing plan is checked against the tender's staffing terms by the platform
/// (a bid below them cannot pass, whatever the panel says); each eligibility requirement is judged by the panel;
/// the panel may reject for further written reasons (e.g. an abnormally low price it does not accept).
/// </summary>
public static class ComplianceReview
{
    /// <summary>The shortfalls of a staffing plan against the terms, one sentence each; empty when it meets them.</summary>
    public static IReadOnlyList<string> StaffingShortfalls(StaffingCounts required, StaffingCounts planned)
    {
        var reasons = new List<string>();
        if (planned.Certified < required.Certified)
        {
            reasons.Add($"Staffing: {planned.Certified} certified social workers planned, {required.Certified} required");
        }

        if (planned.IntermediateOrAbove < required.IntermediateOrAbove)
        {
            reasons.Add($"Staffing: {planned.IntermediateOrAbove} at intermediate level or above planned, {required.IntermediateOrAbove} required");
        }

        if (planned.Supervisors < required.Supervisors)
        {
            reasons.Add($"Staffing: {planned.Supervisors} supervisors planned, {required.Supervisors} required");
        }

        return reasons;
    }

    public static ComplianceOutcome Judge(
        StaffingCounts required, StaffingCounts planned, IReadOnlyList<string> requirements,
        IReadOnlyList<EligibilityJudgement> judgements, IReadOnlyList<string> rejections)
    {
        foreach (var judgement in judgements)
        {
            if (!requirements.Contains(judgement.Requirement, StringComparer.Ordinal))
            {
                throw new RuleViolationException(EvaluationCodes.EligibilityUnknown, "eligibility", "eligibility", judgement.Requirement);
            }

            if (!judgement.Met && string.IsNullOrWhiteSpace(judgement.Reason))
            {
                throw new RuleViolationException(EvaluationCodes.ReasonRequired, "eligibility", judgement.Requirement);
            }
        }

        var missing = requirements.FirstOrDefault(r => !judgements.Any(j => j.Requirement == r));
        if (missing is not null)
        {
            throw new RuleViolationException(EvaluationCodes.EligibilityNotJudged, "eligibility", missing);
        }

        var reasons = StaffingShortfalls(required, planned).ToList();
        reasons.AddRange(judgements.Where(j => !j.Met).Select(j => $"Eligibility: {j.Requirement}: {j.Reason!.Trim()}"));
        reasons.AddRange(rejections.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()));
        return new ComplianceOutcome(reasons.Count == 0, reasons);
    }
}
