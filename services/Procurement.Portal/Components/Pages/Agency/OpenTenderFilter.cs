using Procurement.Portal.Client;
using Procurement.Portal.Localization;

namespace Procurement.Portal.Components.Pages.Agency;

/// <summary>
/// The open-tenders list's search and filters, over what <c>GET /api/bids/open-tenders</c> answers (title, method, deadline,
/// budget): the open-tenders answer carries neither region nor service domain, so those are not offered.
/// </summary>
public sealed class OpenTenderFilter
{
    public string Title { get; set; } = "";

    /// <summary>PublicTender, CompetitiveConsultation or SingleSource; empty for any.</summary>
    public string Method { get; set; } = "";

    /// <summary>Only tenders whose deadline falls on or before this day (Asia/Shanghai).</summary>
    public DateOnly? DeadlineBy { get; set; }

    public decimal? MinimumBudget { get; set; }

    public IEnumerable<OpenTenderResponse> Apply(IEnumerable<OpenTenderResponse> tenders) => tenders
        .Where(t => Title.Trim().Length == 0 || t.Title.Contains(Title.Trim(), StringComparison.OrdinalIgnoreCase))
        .Where(t => Method.Length == 0 || t.ProcurementMethod == Method)
        .Where(t => DeadlineBy is not { } by || Format.ShanghaiDay(t.BidDeadline) <= by)
        .Where(t => MinimumBudget is not { } min || t.BudgetCeiling >= min)
        .OrderBy(t => t.BidDeadline);
}
