using Procurement.Rules.Refusals;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>One step of a panel rule as the administrator keeps it: from this budget (CNY, inclusive) at least so many members.</summary>
public sealed record PanelStepEntry(decimal BudgetFrom, int MinimumMembers);

/// <summary>
/// One procurement method's numbers in a rule table. <paramref name="RegionalMinimumValidBids"/> is the lower minimum the
/// law lets a region adopt (政府购买服务: 2 for a consultation); <paramref name="RegionAdoptsAllowance"/> says this table's
/// region has adopted it, so a tender under it proceeds with that many valid bids. Price bounds and panel come together:
/// both null for a method no panel scores (单一来源).
/// </summary>
public sealed record MethodRuleEntry(
    ProcurementMethod Method,
    int? MinimumBiddingDays,
    int? AmendmentMarginDays,
    int MinimumValidBids,
    int? RegionalMinimumValidBids,
    bool RegionAdoptsAllowance,
    decimal? PriceMinimumPoints,
    decimal? PriceMaximumPoints,
    IReadOnlyList<PanelStepEntry>? PanelSteps,
    bool PanelOddSize)
{
    public static MethodRuleEntry From(ProcurementMethodRule rule) => new(
        rule.Method, rule.MinimumBiddingDays, rule.AmendmentMarginDays, rule.MinimumValidBids, rule.RegionalMinimumValidBids,
        rule.RegionAdoptsAllowance, rule.PriceWeight?.MinimumPoints, rule.PriceWeight?.MaximumPoints,
        rule.Panel?.Steps.Select(step => new PanelStepEntry(step.BudgetFrom, step.MinimumMembers)).ToList(), rule.Panel?.OddSize ?? false);

    public ProcurementMethodRule ToRule() => new(
        Method, MinimumBiddingDays, AmendmentMarginDays, MinimumValidBids, RegionalMinimumValidBids,
        PriceMinimumPoints is { } minimum ? new PriceWeightBounds(minimum, PriceMaximumPoints) : null,
        PanelSteps is { Count: > 0 } steps ? new PanelRule([.. steps.Select(step => new PanelSizeStep(step.BudgetFrom, step.MinimumMembers))], PanelOddSize) : null,
        RegionAdoptsAllowance);
}

/// <summary>The whole rulebook's numbers as kept in one table: every method once, and the limits every method shares.</summary>
public sealed record MethodRuleTableContent(
    IReadOnlyList<MethodRuleEntry> Methods, decimal BidSecurityMaximumShare, decimal PerformanceBondMaximumShare, decimal MinimumAdvancePercent)
{
    public static MethodRuleTableContent From(ProcurementMethodRules rules) => new(
        [.. Enum.GetValues<ProcurementMethod>().Select(method => MethodRuleEntry.From(rules[method]))],
        rules.BidSecurityMaximumShare, rules.PerformanceBondMaximumShare, rules.MinimumAdvancePercent);

    /// <summary>
    /// The refusals of this content, each naming its field under <c>methods[i]</c> (the API's body): every method exactly
    /// once; days 1–365 with the amendment margin below the bidding days; valid bids 1–20 with a regional allowance below
    /// them (and adopted only where there is one); price points 0–100 with the minimum not above the maximum; a panel's
    /// steps rising from a budget of 0 with 1–99 members, odd where the size must be odd; shares within 0–1 and the
    /// advance within 0–100 %.
    /// </summary>
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        var seen = new HashSet<ProcurementMethod>();
        for (var i = 0; i < Methods.Count; i++)
        {
            var entry = Methods[i];
            var field = $"methods[{i}]";
            if (entry is null)
            {
                errors.Add(field, "required");
                continue;
            }

            if (!Enum.IsDefined(entry.Method) || !seen.Add(entry.Method))
            {
                errors.Add($"{field}.method", RuleCodes.MethodTwice, entry.Method);
            }

            Range(errors, $"{field}.minimumBiddingDays", entry.MinimumBiddingDays, 1, 365);
            Range(errors, $"{field}.amendmentMarginDays", entry.AmendmentMarginDays, 1, 365);
            if (entry is { AmendmentMarginDays: { } margin, MinimumBiddingDays: { } days } && margin > days)
            {
                errors.Add($"{field}.amendmentMarginDays", RuleCodes.MarginAboveBiddingDays, margin, days);
            }

            Range(errors, $"{field}.minimumValidBids", entry.MinimumValidBids, 1, 20);
            if (entry.RegionalMinimumValidBids is { } regional && (regional < 1 || regional >= entry.MinimumValidBids))
            {
                errors.Add($"{field}.regionalMinimumValidBids", RuleCodes.AllowanceNotBelowMinimum, regional, entry.MinimumValidBids);
            }

            if (entry.RegionAdoptsAllowance && entry.RegionalMinimumValidBids is null)
            {
                errors.Add($"{field}.regionAdoptsAllowance", RuleCodes.NoAllowanceToAdopt);
            }

            CheckScoring(errors, field, entry);
        }

        foreach (var missing in Enum.GetValues<ProcurementMethod>().Where(method => !seen.Contains(method)))
        {
            errors.Add("methods", RuleCodes.MethodMissing, missing);
        }

        Range(errors, "bidSecurityMaximumShare", BidSecurityMaximumShare, 0m, 1m);
        Range(errors, "performanceBondMaximumShare", PerformanceBondMaximumShare, 0m, 1m);
        Range(errors, "minimumAdvancePercent", MinimumAdvancePercent, 0m, 100m);
        return errors;
    }

    /// <summary>The rulebook these numbers make, labelled with the table they came from.</summary>
    public ProcurementMethodRules ToRules(MethodRuleTableLabel? label) => new(
        Methods.Select(entry => entry.ToRule()), BidSecurityMaximumShare, PerformanceBondMaximumShare, MinimumAdvancePercent, label);

    private static void CheckScoring(FieldErrors errors, string field, MethodRuleEntry entry)
    {
        var hasPanel = entry.PanelSteps is { Count: > 0 };
        if (entry.PriceMinimumPoints is null != !hasPanel)
        {
            errors.Add($"{field}.panelSteps", RuleCodes.PanelAndPriceTogether);
            return;
        }

        if (entry.PriceMinimumPoints is not { } minimum)
        {
            if (entry.PriceMaximumPoints is not null)
            {
                errors.Add($"{field}.priceMaximumPoints", RuleCodes.PanelAndPriceTogether);
            }

            return;
        }

        Range(errors, $"{field}.priceMinimumPoints", minimum, 0m, 100m);
        Range(errors, $"{field}.priceMaximumPoints", entry.PriceMaximumPoints, minimum, 100m);
        var steps = entry.PanelSteps!;
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            var stepField = $"{field}.panelSteps[{s}]";
            if (step is null)
            {
                errors.Add(stepField, "required");
                continue;
            }

            var rises = s == 0 ? step.BudgetFrom == 0m : step.BudgetFrom > steps[s - 1]?.BudgetFrom;
            if (!rises)
            {
                errors.Add($"{stepField}.budgetFrom", RuleCodes.PanelStepsNotRising);
            }

            Range(errors, $"{stepField}.minimumMembers", step.MinimumMembers, 1, 99);
            if (entry.PanelOddSize && step.MinimumMembers % 2 == 0)
            {
                errors.Add($"{stepField}.minimumMembers", RuleCodes.PanelStepEven, step.MinimumMembers);
            }
        }
    }

    private static void Range<T>(FieldErrors errors, string field, T? value, T minimum, T maximum)
        where T : struct, IComparable<T>
    {
        if (value is { } actual && (actual.CompareTo(minimum) < 0 || actual.CompareTo(maximum) > 0))
        {
            errors.Add(field, RuleCodes.OutOfRange, actual, minimum, maximum);
        }
    }
}

/// <summary>Which kept table a rulebook came from; none for the built-in national table.</summary>
public sealed record MethodRuleTableLabel(Guid TableId, string Region, DateOnly EffectiveFrom);

/// <summary>
/// A procurement-method rule table as the administrator keeps it (DOMAIN.md §1: "per region, per year"): a region's (or,
/// with an empty region, every region's) numbers from a date on. Tables are never changed or deleted: a correction is a
/// new table, so the history of who set which number when is the list of tables itself, and a tender keeps the table it was
/// published under (<see cref="Tender.RuleTableId"/>). Of several tables for one region and date, the last recorded one holds.
/// </summary>
public sealed class MethodRuleTable
{
    public const int RegionMaxLength = 100;

    public const int NoteMaxLength = 1000;

    private MethodRuleTable()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The region the table holds for (a program's region, as typed there); empty: every region without its own table.</summary>
    public string Region { get; private set; } = "";

    /// <summary>The first day (Beijing) the table holds.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public MethodRuleTableContent Content { get; private set; } = null!;

    /// <summary>Why the table was set (the notice or decision it follows), as the administrator wrote it.</summary>
    public string? Note { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public MethodRuleTableLabel Label => new(Id, Region, EffectiveFrom);

    public ProcurementMethodRules Rules => Content.ToRules(Label);

    /// <summary>
    /// A new table from <paramref name="effectiveFrom"/> on; not before today in Beijing, so no tender published on an earlier
    /// day could have been checked against other numbers than the ones it keeps.
    /// </summary>
    public static MethodRuleTable Record(
        string? region, DateOnly effectiveFrom, MethodRuleTableContent content, string? note, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = content.Check();
        var today = ServiceDefaults.Time.ShanghaiTime.ShanghaiDate(now);
        if (effectiveFrom < today)
        {
            errors.Add("effectiveFrom", "not_before", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var (trimmed, text) = RegionAndNote(errors, region, note);
        errors.ThrowIfAnyRuleBroken();
        return new MethodRuleTable
        {
            Id = Guid.CreateVersion7(),
            Region = trimmed,
            EffectiveFrom = effectiveFrom,
            Content = content,
            Note = text,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// The region and note of kept rule data (a method rule table, a pay scale), trimmed: a region of at most
    /// <see cref="RegionMaxLength"/> characters (empty: every region), a note of at most <see cref="NoteMaxLength"/> (blank: none).
    /// </summary>
    internal static (string Region, string? Note) RegionAndNote(FieldErrors errors, string? region, string? note)
    {
        var trimmed = (region ?? "").Trim();
        if (trimmed.Length > RegionMaxLength)
        {
            errors.Add("region", "max_length", RegionMaxLength);
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text?.Length > NoteMaxLength)
        {
            errors.Add("note", "max_length", NoteMaxLength);
        }

        return (trimmed, text);
    }
}
