using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Admin;

/// <summary>One step of a panel's size as the form edits it: from this budget (CNY) at least so many members.</summary>
public sealed class PanelStepDraft
{
    public decimal? BudgetFrom { get; set; }

    public int? MinimumMembers { get; set; }
}

/// <summary>One method's numbers as the form edits them; an empty box is "none" (no bidding period, no cap…).</summary>
public sealed class MethodEntryDraft
{
    public ProcurementMethod Method { get; init; }

    public int? MinimumBiddingDays { get; set; }

    public int? AmendmentMarginDays { get; set; }

    public int? MinimumValidBids { get; set; }

    public int? RegionalMinimumValidBids { get; set; }

    public bool RegionAdoptsAllowance { get; set; }

    public decimal? PriceMinimumPoints { get; set; }

    public decimal? PriceMaximumPoints { get; set; }

    public List<PanelStepDraft> PanelSteps { get; } = [];

    public bool PanelOddSize { get; set; }
}

/// <summary>
/// A new rule table as the administrator fills it in on <c>/admin/method-rules</c>: started from the built-in numbers,
/// shares shown in percent (2 % rather than 0.02), sent as <c>POST /api/tenders/method-rules/tables</c>; the API checks it.
/// </summary>
public sealed class MethodRulesDraft
{
    public string? Region { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public string? Note { get; set; }

    public List<MethodEntryDraft> Methods { get; } = [];

    public decimal? BidSecurityPercent { get; set; }

    public decimal? PerformanceBondPercent { get; set; }

    public decimal? MinimumAdvancePercent { get; set; }

    /// <summary>A draft holding <paramref name="content"/>'s numbers, from <paramref name="today"/> on, for every region.</summary>
    public static MethodRulesDraft From(MethodRuleTableContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        var draft = new MethodRulesDraft
        {
            EffectiveFrom = today,
            BidSecurityPercent = content.BidSecurityMaximumShare * 100m,
            PerformanceBondPercent = content.PerformanceBondMaximumShare * 100m,
            MinimumAdvancePercent = content.MinimumAdvancePercent,
        };
        foreach (var entry in content.Methods)
        {
            var method = new MethodEntryDraft
            {
                Method = entry.Method,
                MinimumBiddingDays = entry.MinimumBiddingDays,
                AmendmentMarginDays = entry.AmendmentMarginDays,
                MinimumValidBids = entry.MinimumValidBids,
                RegionalMinimumValidBids = entry.RegionalMinimumValidBids,
                RegionAdoptsAllowance = entry.RegionAdoptsAllowance,
                PriceMinimumPoints = entry.PriceMinimumPoints,
                PriceMaximumPoints = entry.PriceMaximumPoints,
                PanelOddSize = entry.PanelOddSize,
            };
            method.PanelSteps.AddRange((entry.PanelSteps ?? []).Select(step => new PanelStepDraft { BudgetFrom = step.BudgetFrom, MinimumMembers = step.MinimumMembers }));
            draft.Methods.Add(method);
        }

        return draft;
    }

    /// <summary>The API's body: the same order of methods, so the API's <c>methods[i]</c> fields name the form's columns.</summary>
    public MethodRuleTableRequest ToRequest() => new()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(),
        EffectiveFrom = EffectiveFrom,
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        BidSecurityMaximumShare = BidSecurityPercent / 100m,
        PerformanceBondMaximumShare = PerformanceBondPercent / 100m,
        MinimumAdvancePercent = MinimumAdvancePercent,
        Methods = [.. Methods.Select(method => new MethodRuleEntry
        {
            Method = method.Method,
            MinimumBiddingDays = method.MinimumBiddingDays,
            AmendmentMarginDays = method.AmendmentMarginDays,
            MinimumValidBids = method.MinimumValidBids ?? 0,
            RegionalMinimumValidBids = method.RegionalMinimumValidBids,
            RegionAdoptsAllowance = method.RegionAdoptsAllowance,
            PriceMinimumPoints = method.PriceMinimumPoints,
            PriceMaximumPoints = method.PriceMaximumPoints,
            PanelSteps = method.PanelSteps.Count == 0 ? null
                : [.. method.PanelSteps.Select(step => new PanelStepEntry { BudgetFrom = step.BudgetFrom ?? 0m, MinimumMembers = step.MinimumMembers ?? 0 })],
            PanelOddSize = method.PanelOddSize,
        })],
    };
}
