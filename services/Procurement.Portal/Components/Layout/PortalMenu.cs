using AntDesign;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Layout;

/// <summary>One entry of the side menu: where it goes, its text's resource key, and the roles that see it.</summary>
public sealed record PortalMenuEntry(string Key, string Href, string TextKey, string Icon, IReadOnlyList<string> Roles)
{
    public bool IsFor(IEnumerable<string> roles) => Roles.Count == 0 || roles.Any(Roles.Contains);
}

/// <summary>
/// The side menu, per role: a person sees only the entries of their roles (a page outside them answers 403 anyway).
/// Each journey's pages live under their role's prefix (<c>/purchaser</c>, <c>/agency</c>, <c>/evaluator</c>).
/// </summary>
public static class PortalMenu
{
    public static IReadOnlyList<PortalMenuEntry> Entries { get; } =
    [
        new("home", "/", "MenuHome", IconType.Outline.Home, []),
        new("programs", "/purchaser/programs", "MenuPrograms", IconType.Outline.Appstore, [Roles.Purchaser, Roles.Auditor]),
        new("tenders", "/purchaser/tenders", "MenuTenders", IconType.Outline.FileText, [Roles.Purchaser, Roles.Auditor]),
        new("agency-profile", "/agency/profile", "MenuAgencyProfile", IconType.Outline.Idcard, [Roles.Agency]),
        new("agency-staff", "/agency/staff", "MenuAgencyStaff", IconType.Outline.Team, [Roles.Agency]),
        new("open-tenders", "/agency/tenders", "MenuOpenTenders", IconType.Outline.Search, [Roles.Agency]),
        new("my-bids", "/agency/bids", "MenuMyBids", IconType.Outline.Audit, [Roles.Agency]),
        new("panels", "/evaluator/panels", "MenuPanels", IconType.Outline.Solution, [Roles.Evaluator]),
        new("notifications", "/notifications", "MenuNotifications", IconType.Outline.Bell, [Roles.Agency]),
        new("organisations", "/admin/organisations", "MenuOrganisations", IconType.Outline.Bank, [Roles.Admin]),
        new("users", "/users", "MenuUsers", IconType.Outline.User, [Roles.Admin, Roles.OrganisationAdmin]),
        new("security-log", "/security-log", "MenuSecurityLog", IconType.Outline.SafetyCertificate, [Roles.Admin, Roles.Auditor]),
        new("contracts", "/contracts", "MenuContracts", IconType.Outline.Container, [Roles.Purchaser, Roles.Agency, Roles.Treasury, Roles.Auditor]),
        new("payments", "/payments", "MenuPayments", IconType.Outline.PayCircle, [Roles.Purchaser, Roles.Agency, Roles.Treasury, Roles.Auditor]),
        new("appropriations", "/appropriations", "MenuAppropriations", IconType.Outline.Wallet, [Roles.Purchaser, Roles.Treasury, Roles.Auditor]),
        new("performance", "/performance", "MenuPerformance", IconType.Outline.LineChart, [Roles.Purchaser, Roles.Agency, Roles.Evaluator, Roles.Auditor]),
        new("continuity", "/continuity", "MenuContinuity", IconType.Outline.Dashboard, [Roles.Purchaser, Roles.Auditor]),
        new("timeline", "/continuity/timeline", "MenuTimeline", IconType.Outline.FieldTime, [Roles.Purchaser, Roles.Auditor]),
        new("audit-chain", "/auditor/audit-chain", "MenuAuditChain", IconType.Outline.Safety, [Roles.Auditor]),
        new("panel-replay", "/auditor/panel-replay", "MenuPanelReplay", IconType.Outline.Reconciliation, [Roles.Auditor]),
        new("experts", "/admin/experts", "MenuExperts", IconType.Outline.Solution, [Roles.Admin]),
        new("calendar", "/admin/calendar", "MenuCalendar", IconType.Outline.Calendar, [Roles.Admin]),
        new("method-rules", "/admin/method-rules", "MenuMethodRules", IconType.Outline.Control, [Roles.Admin, Roles.Auditor]),
        new("pay-scales", "/admin/pay-scales", "MenuPayScales", IconType.Outline.Table, [Roles.Admin, Roles.Auditor]),
        new("workforce", "/workforce", "MenuWorkforce", IconType.Outline.Team, [Roles.Purchaser, Roles.Auditor, Roles.Admin]),
    ];

    public static IReadOnlyList<PortalMenuEntry> For(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return [.. Entries.Where(e => e.IsFor(list))];
    }
}
