using Procurement.Portal.Client;
using Procurement.Portal.Localization;

namespace Procurement.Portal.Components.Pages.Agency;

/// <summary>
/// The open-tenders list's search and filters, over what <c>GET /api/bids/open-tenders</c> answers: text in the title or the
/// service description, method, region and service domain of the tender's program, deadline and budget. A tender published
/// before the platform carried its region and domain has neither, and shows only while no region or domain is chosen.
/// </summary>
public sealed class OpenTenderFilter
{
    /// <summary>The service domains of a program (Tendering's ServiceDomain), in its order.</summary>
    public static IReadOnlyList<string> Domains { get; } =
    [
        "Elderly", "ChildrenAndYouth", "Family", "Disability", "CommunityCorrection", "DrugRehabilitation", "SocialAssistance",
        "Medical", "CommunityBuilding", "Other",
    ];

    /// <summary>Looked for in the title and the service description.</summary>
    public string Title { get; set; } = "";

    /// <summary>PublicTender, CompetitiveConsultation or SingleSource; empty for any.</summary>
    public string Method { get; set; } = "";

    /// <summary>A region as the tenders name it; empty for any.</summary>
    public string? Region { get; set; }

    /// <summary>A service domain's name (<see cref="Domains"/>); empty for any.</summary>
    public string? ServiceDomain { get; set; }

    /// <summary>Only tenders whose deadline falls on or before this day (Asia/Shanghai).</summary>
    public DateOnly? DeadlineBy { get; set; }

    public decimal? MinimumBudget { get; set; }

    /// <summary>The regions the list offers: those of the tenders at hand, each once, in order.</summary>
    public static IReadOnlyList<string> Regions(IEnumerable<OpenTenderResponse> tenders) =>
        [.. tenders.Select(t => t.Region?.Trim() ?? "").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IEnumerable<OpenTenderResponse> Apply(IEnumerable<OpenTenderResponse> tenders) => tenders
        .Where(t => Title.Trim().Length == 0 || Mentions(t, Title.Trim()))
        .Where(t => Method.Length == 0 || t.ProcurementMethod == Method)
        .Where(t => string.IsNullOrEmpty(Region) || string.Equals(t.Region?.Trim(), Region, StringComparison.Ordinal))
        .Where(t => string.IsNullOrEmpty(ServiceDomain) || t.ServiceDomain == ServiceDomain)
        .Where(t => DeadlineBy is not { } by || Format.ShanghaiDay(t.BidDeadline) <= by)
        .Where(t => MinimumBudget is not { } min || t.BudgetCeiling >= min)
        .OrderBy(t => t.BidDeadline);

    private static bool Mentions(OpenTenderResponse tender, string text) =>
        tender.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (tender.ServiceDescription?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}
