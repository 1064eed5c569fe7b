using System.Security.Claims;
using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Continuity;

/// <summary>The lists a dashboard figure opens (each figure is the count of its list, gap days the sum of theirs).</summary>
public enum DashboardList
{
    GapsThisYear,
    GapsLastYear,
    AtRisk,
    Bridges,
    Late,
    RenewalsDue,
    BridgesProposed,
}

/// <summary>
/// The continuity dashboard's numbers, each from the rows it opens: gap days of this and last year (per program), the
/// programs at risk with the days left before their contract ends, bridges in force, late instalments, and what waits for
/// the purchaser — renewal decisions to confirm and bridge proposals to approve or decline, as the API lists them.
/// </summary>
public sealed class DashboardFigures
{
    public DashboardFigures(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        Today = view.Today;
        ThisYear = GapsOf(view, Today.Year);
        LastYear = GapsOf(view, Today.Year - 1);
        AtRisk = [.. view.AtRisk.OrderBy(r => r.End)];
        Bridges = [.. view.BridgesInForce.OrderBy(b => b.End)];
        Late = [.. view.LateInstalments.OrderBy(l => l.PayBy ?? l.DueOn)];
        RenewalsDue = [.. view.PendingDecisions.OrderBy(d => d.End)];
        BridgesProposed = [.. view.PendingBridges.OrderBy(b => b.End)];
    }

    public DashboardView View { get; }

    public DateOnly Today { get; }

    /// <summary>Programs with gap days this calendar year, and their days.</summary>
    public IReadOnlyList<(ProgramGapsView Program, int Days)> ThisYear { get; }

    public IReadOnlyList<(ProgramGapsView Program, int Days)> LastYear { get; }

    public IReadOnlyList<AtRiskView> AtRisk { get; }

    public IReadOnlyList<BridgeInForceView> Bridges { get; }

    public IReadOnlyList<LateInstalmentView> Late { get; }

    /// <summary>The renewal decisions waiting for the purchaser's confirmation.</summary>
    public IReadOnlyList<PendingDecisionView> RenewalsDue { get; }

    /// <summary>The bridge proposals waiting for the purchaser's approval.</summary>
    public IReadOnlyList<PendingBridgeView> BridgesProposed { get; }

    /// <summary>The figure shown for a list.</summary>
    public int Figure(DashboardList list) => list switch
    {
        DashboardList.GapsThisYear => ThisYear.Sum(p => p.Days),
        DashboardList.GapsLastYear => LastYear.Sum(p => p.Days),
        DashboardList.AtRisk => AtRisk.Count,
        DashboardList.Bridges => Bridges.Count,
        DashboardList.Late => Late.Count,
        DashboardList.RenewalsDue => RenewalsDue.Count,
        DashboardList.BridgesProposed => BridgesProposed.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Days from today to the contract's last day (0 on the last day, negative once it has passed).</summary>
    public int DaysLeft(DateOnly end) => end.DayNumber - Today.DayNumber;

    public string ProgramName(Guid programId) => View.Programs.FirstOrDefault(p => p.ProgramId == programId)?.Name ?? programId.ToString();

    private static List<(ProgramGapsView, int)> GapsOf(DashboardView view, int year) =>
        [.. view.Programs.Select(p => (p, p.Years.Where(y => y.Year == year).Sum(y => y.GapDays))).Where(p => p.Item2 > 0).OrderByDescending(p => p.Item2)];
}

/// <summary>Who may act on the continuity screens: the purchaser; an auditor reads only (and sees no button at all).</summary>
public static class ContinuityAccess
{
    public static bool CanAct(ClaimsPrincipal? user) =>
        user is not null && user.IsInRole(Roles.Purchaser) && !user.IsInRole(Roles.Auditor);
}
