using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>The two paths of the renewal decision (DOMAIN.md §2).</summary>
public enum RenewalPath
{
    /// <summary>Renew directly (续签) through the lifecycle's <c>Renew</c>.</summary>
    DirectRenewal,

    /// <summary>Tendering drafts a new tender pre-filled from the last one.</summary>
    NewTender,
}

/// <summary>Why the platform proposes a new tender rather than a direct renewal.</summary>
public enum RenewalObstacle
{
    /// <summary>The contract has no performance grade yet.</summary>
    NoGrade,

    /// <summary>The latest grade is below the minimum for a direct renewal.</summary>
    GradeBelowMinimum,

    /// <summary>The program has run the cap's months (36) with this agency by the contract's end.</summary>
    ConsecutiveCapReached,
}

/// <summary>
/// The platform's proposal at the renewal point, for the purchaser to confirm (DOMAIN.md §2): a direct renewal when the
/// latest performance grade is the minimum (<c>Good</c>) or better and the program will have run fewer than the cap's
/// months (36, <see cref="ContractRules.ConsecutiveCapMonths"/>) with this agency by the contract's end; otherwise a new tender.
/// </summary>
/// <param name="Path">The proposed path.</param>
/// <param name="LatestGrade">The grade of the most recent evaluation (mid-term or final); null when there is none.</param>
/// <param name="ConsecutiveSince">The first day of the unbroken run with this agency.</param>
/// <param name="ConsecutiveMonths">Its length in months to the contract's end (<see cref="ContractRules.PeriodMonths"/>).</param>
/// <param name="Obstacles">What stands in the way of a direct renewal; empty when it is proposed.</param>
public sealed record RenewalProposal(
    RenewalPath Path, string? LatestGrade, DateOnly ConsecutiveSince, decimal ConsecutiveMonths, IReadOnlyList<RenewalObstacle> Obstacles)
{
    /// <summary>The grades of DOMAIN.md §10, lowest first.</summary>
    public static IReadOnlyList<string> GradeLadder { get; } = ["Fail", "Pass", "Good", "Excellent"];

    /// <summary>The proposal for <paramref name="contract"/>, whose consecutive run with its agency began on <paramref name="consecutiveSince"/>.</summary>
    public static RenewalProposal For(Contract contract, DateOnly consecutiveSince, ContractRules contractRules, ContinuityRules rules)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(contractRules);
        ArgumentNullException.ThrowIfNull(rules);
        var latest = contract.Evaluations.OrderByDescending(e => e.EvaluatedAt).FirstOrDefault()?.Grade;
        var months = contractRules.PeriodMonths(consecutiveSince, contract.End);
        var obstacles = new List<RenewalObstacle>();
        if (latest is null)
        {
            obstacles.Add(RenewalObstacle.NoGrade);
        }
        else if (GradeIndex(latest) < GradeIndex(rules.DirectRenewalMinimumGrade))
        {
            obstacles.Add(RenewalObstacle.GradeBelowMinimum);
        }

        if (months >= contractRules.ConsecutiveCapMonths)
        {
            obstacles.Add(RenewalObstacle.ConsecutiveCapReached);
        }

        return new RenewalProposal(obstacles.Count == 0 ? RenewalPath.DirectRenewal : RenewalPath.NewTender, latest, consecutiveSince, months, obstacles);
    }

    // A grade the ladder does not know ranks below every known one.
    private static int GradeIndex(string grade) => GradeLadder.ToList().IndexOf(grade);
}
