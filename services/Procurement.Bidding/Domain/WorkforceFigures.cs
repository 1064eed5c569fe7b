using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Domain;

/// <summary>What the figures need of one active worker on a roster: their level, role, the year's training and their committed time.</summary>
/// <param name="ContractFte">The FTE the person gives to active contracts (the register, every agency's).</param>
/// <param name="OpenBidFte">The FTE the person is planned for in open bids (the register, every agency's).</param>
public sealed record WorkerFacts(Guid AgencyId, CertificateLevel Level, bool IsSupervisor, int TrainingHours, decimal ContractFte, decimal OpenBidFte);

/// <summary>
/// The workforce counts of a set of workers (an agency's, a region's, everyone's): workers by certificate level, supervisors, the
/// FTE they give to active contracts and are planned for in open bids, and the year's continuing education of the certified
/// ones against <see cref="WorkforceFigures.YearlyTrainingHours"/>.
/// </summary>
public sealed record WorkforceCounts(
    int Workers, int Uncertified, int Assistant, int Intermediate, int Senior, int Supervisors, decimal FteOnContracts, decimal FteInOpenBids,
    int CertifiedTrainingHours, int CertifiedMeetingTraining, int CertifiedShortOfTraining)
{
    public int Certified => Assistant + Intermediate + Senior;

    public static WorkforceCounts Of(IEnumerable<WorkerFacts> workers)
    {
        var list = workers.ToList();
        var certified = list.Where(w => w.Level != CertificateLevel.None).ToList();
        var meeting = certified.Count(w => w.TrainingHours >= WorkforceFigures.YearlyTrainingHours);
        return new WorkforceCounts(
            list.Count,
            list.Count(w => w.Level == CertificateLevel.None),
            list.Count(w => w.Level == CertificateLevel.Assistant),
            list.Count(w => w.Level == CertificateLevel.Intermediate),
            list.Count(w => w.Level == CertificateLevel.Senior),
            list.Count(w => w.IsSupervisor),
            list.Sum(w => w.ContractFte),
            list.Sum(w => w.OpenBidFte),
            certified.Sum(w => w.TrainingHours),
            meeting,
            certified.Count - meeting);
    }
}

/// <summary>One agency's figures, with the region it is registered in (its credit code's administrative division code).</summary>
public sealed record AgencyWorkforce(Guid AgencyId, string AgencyName, string RegionCode, WorkforceCounts Counts);

/// <summary>One region's figures: the agencies registered there, summed.</summary>
public sealed record RegionWorkforce(string RegionCode, int Agencies, WorkforceCounts Counts);

/// <summary>The workforce report of one year: by region, by agency, and in total.</summary>
public sealed record WorkforceReport(
    int Year, int YearlyTrainingHours, IReadOnlyList<RegionWorkforce> Regions, IReadOnlyList<AgencyWorkforce> Agencies, WorkforceCounts Total);

/// <summary>
/// The workforce figures a civil-affairs bureau reports on (issue 16 item 9, DOMAIN.md §4 and §12): per agency and per region,
/// the active workers on the rosters by certificate level, the supervisors, the FTE committed, and the year's training hours of
/// the certified workers against the 120 hours a year each owes. An agency's region is where it is registered: characters 3–8
/// of its unified social credit code (登记管理机关行政区划码), the one region every agency has.
/// </summary>
/// <remarks>
/// The committed FTE comes from the double-counting register, which counts a person's time across every agency: a person on two
/// agencies' rosters shows their whole commitment under each of them, as each agency's plans must reckon with it.
/// </remarks>
public static class WorkforceFigures
{
    /// <summary>Continuing education each certified worker owes a year (DOMAIN.md §12).</summary>
    public const int YearlyTrainingHours = 120;

    public static WorkforceReport Of(int year, IEnumerable<Agency> agencies, IEnumerable<WorkerFacts> workers)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var byAgency = workers.ToLookup(w => w.AgencyId);
        var rows = agencies
            .Select(a => new AgencyWorkforce(a.Id, a.Name, a.UnifiedSocialCreditCode.RegionCode, WorkforceCounts.Of(byAgency[a.Id])))
            .OrderBy(a => a.RegionCode, StringComparer.Ordinal).ThenBy(a => a.AgencyName, StringComparer.Ordinal)
            .ToList();
        var regions = rows
            .GroupBy(a => a.RegionCode, StringComparer.Ordinal)
            .Select(g => new RegionWorkforce(g.Key, g.Count(), WorkforceCounts.Of(g.SelectMany(a => byAgency[a.AgencyId]))))
            .ToList();
        return new WorkforceReport(year, YearlyTrainingHours, regions, rows, WorkforceCounts.Of(rows.SelectMany(a => byAgency[a.AgencyId])));
    }
}
