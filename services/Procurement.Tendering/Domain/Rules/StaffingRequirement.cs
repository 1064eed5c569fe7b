using Procurement.Rules.Refusals;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// The staff a tender asks for (DOMAIN.md §3), e.g. at least 3 certified social workers, of whom at
/// least 1 at intermediate level (社会工作师) or above, and at least 1 supervisor (督导).
/// </summary>
/// <remarks>
/// Intermediate-or-above workers are certified workers, so that count cannot exceed the certified
/// count. Supervisors are not bounded by the certified count: the roster's supervisor flag is
/// independent of the certificate (an experienced 督导 may hold none), so a tender may ask for a
/// supervisor on top of its certified workers.
/// </remarks>
public sealed record StaffingRequirement
{
    private StaffingRequirement(int certifiedSocialWorkers, int intermediateOrAbove, int supervisors)
    {
        CertifiedSocialWorkers = certifiedSocialWorkers;
        IntermediateOrAbove = intermediateOrAbove;
        Supervisors = supervisors;
    }

    public static StaffingRequirement None { get; } = new(0, 0, 0);

    /// <summary>At least this many workers with any certificate (助理社会工作师 and up).</summary>
    public int CertifiedSocialWorkers { get; }

    /// <summary>Of the certified workers, at least this many at 社会工作师 or 高级社会工作师.</summary>
    public int IntermediateOrAbove { get; }

    public int Supervisors { get; }

    public static StaffingRequirement Create(int certifiedSocialWorkers, int intermediateOrAbove, int supervisors)
    {
        const string field = "staffingRequirement";
        NotNegative(certifiedSocialWorkers, $"{field}.certifiedSocialWorkers");
        NotNegative(intermediateOrAbove, $"{field}.intermediateOrAbove");
        NotNegative(supervisors, $"{field}.supervisors");
        if (intermediateOrAbove > certifiedSocialWorkers)
        {
            throw new RuleViolationException(
                RuleCodes.StaffingIntermediateExceedsCertified, $"{field}.intermediateOrAbove", intermediateOrAbove, certifiedSocialWorkers);
        }

        return new StaffingRequirement(certifiedSocialWorkers, intermediateOrAbove, supervisors);
    }

    /// <summary>Whether a staffing plan with these counts meets the requirement.</summary>
    public bool IsMetBy(int certified, int intermediateOrAbove, int supervisors) =>
        certified >= CertifiedSocialWorkers && intermediateOrAbove >= IntermediateOrAbove && supervisors >= Supervisors;

    private static void NotNegative(int count, string field)
    {
        if (count < 0)
        {
            throw new RuleViolationException(RuleCodes.StaffingCountNegative, field, count);
        }
    }
}
