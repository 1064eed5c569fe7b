using System.Security.Claims;
using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Performance;

/// <summary>
/// What the caller may do on a contract's performance page, as the API decides it: the purchaser of the contract sets
/// weights while none is locked and assigns an evaluator to a stage not yet evaluated; the evaluator organisation
/// assigned to a stage scores it once. An auditor or the agency only reads (and sees no button at all).
/// </summary>
public sealed class PerformanceActions(ContractPerformanceResponse performance, ClaimsPrincipal? user)
{
    public static readonly PerformanceStage[] Stages = [PerformanceStage.MidTerm, PerformanceStage.Final];

    private readonly bool _purchaser = user is not null && user.IsInRole(Roles.Purchaser) && !user.IsInRole(Roles.Auditor)
        && Organisation(user) == performance.PurchasingUnitId;

    private readonly Guid? _evaluatorOrganisation = user is not null && user.IsInRole(Roles.Evaluator) && !user.IsInRole(Roles.Auditor) ? Organisation(user) : null;

    public bool CanReweigh => _purchaser && !performance.WeightsLocked && performance.Outcome is null;

    public bool Evaluated(PerformanceStage stage) => performance.Evaluations.Any(e => e.Stage == stage);

    public Guid? EvaluatorOf(PerformanceStage stage) => performance.Evaluators.FirstOrDefault(a => a.Stage == stage)?.EvaluatorOrganisationId;

    public bool CanAssign(PerformanceStage stage) => _purchaser && !Evaluated(stage) && performance.Outcome is null;

    public bool CanScore(PerformanceStage stage) =>
        _evaluatorOrganisation is { } mine && EvaluatorOf(stage) == mine && !Evaluated(stage);

    /// <summary>The weighted score of the given scores (each 0–100) with the indicators' weights (summing to 100), and its grade.</summary>
    public static (decimal Score, PerformanceGrade Grade)? Preview(IEnumerable<IndicatorResponse> indicators, IReadOnlyDictionary<string, decimal?> scores)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(scores);
        decimal total = 0;
        foreach (var indicator in indicators)
        {
            if (!scores.TryGetValue(indicator.Name, out var score) || score is null)
            {
                return null;
            }

            total += score.Value * indicator.Weight / 100m;
        }

        total = Math.Round(total, 2, MidpointRounding.AwayFromZero);
        return (total, Grade(total));
    }

    /// <summary>DOMAIN.md §8: Excellent ≥ 90, Good ≥ 80, Pass ≥ 60, Fail below.</summary>
    public static PerformanceGrade Grade(decimal score) => score switch
    {
        >= 90m => PerformanceGrade.Excellent,
        >= 80m => PerformanceGrade.Good,
        >= 60m => PerformanceGrade.Pass,
        _ => PerformanceGrade.Fail,
    };

    private static Guid? Organisation(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ProcurementClaims.OrganisationId)?.Value, out var id) ? id : null;
}
