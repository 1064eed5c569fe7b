using Microsoft.Extensions.Logging;
using Procurement.Portal.Client;
using Procurement.Rules;
using PaymentCondition = Procurement.Portal.Client.PaymentCondition;
using PriceWeightBounds = Procurement.Rules.PriceWeightBounds;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>
/// The numbers of one procurement method the wizard checks live (DOMAIN.md §3, §6), as Tendering answers them
/// (<c>GET /api/tenders/method-rules</c>); <paramref name="Known"/> false while they are not loaded (then nothing that needs
/// a number is checked: the API stays the judge).
/// </summary>
public sealed record MethodNumbers(
    ProcurementMethod Method, int? MinimumBiddingDays, int? AmendmentMarginDays, decimal? PriceMinimumPoints, decimal? PriceMaximumPoints, bool Known = true)
{
    /// <summary>Scored by a panel (综合评分法): the method has price weight bounds (SingleSource is negotiated and has none).</summary>
    public bool IsScored => PriceMinimumPoints is not null;

    public static MethodNumbers From(MethodRuleResponse rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Method, rule.MinimumBiddingDays, rule.AmendmentMarginDays, rule.PriceMinimumPoints, rule.PriceMaximumPoints);
    }

    public static MethodNumbers Unknown(ProcurementMethod method) => new(method, null, null, null, null, Known: false);
}

/// <summary>One broken rule, as a resource key of <c>PurchaserText</c> and its arguments.</summary>
public sealed record RuleIssue(string Key, params object[] Arguments);

/// <summary>One criterion as the wizard edits it.</summary>
public sealed class CriterionDraft
{
    public string? Name { get; set; }

    public CriterionKind Kind { get; set; } = CriterionKind.Technical;

    public decimal MaxPoints { get; set; }
}

/// <summary>One instalment as the wizard edits it.</summary>
public sealed class InstalmentDraft
{
    public decimal Percent { get; set; }

    public PaymentCondition Condition { get; set; } = PaymentCondition.Activation;
}

/// <summary>
/// The rules the tender wizard checks as the purchaser types, a convenience before the API (which stays the judge: its
/// ProblemDetails appear beside the fields). The rules are <c>Procurement.Rules</c>' (the same functions Tendering calls);
/// the numbers are the platform's, read once per circuit from <c>GET /api/tenders/method-rules</c> (<see cref="LoadAsync"/>;
/// scoped, so one circuit reads them once). This class only maps findings to <c>PurchaserText</c> keys.
/// </summary>
public sealed class TenderRules(IMethodRulesClient client, ILogger<TenderRules> logger)
{
    public const decimal TotalPoints = EvaluationSchemeRules.TotalPoints;

    private IReadOnlyList<MethodNumbers>? _methods;
    private Task? _loading;
    private decimal? _minimumAdvancePercent;

    /// <summary>Each method's numbers; <see cref="MethodNumbers.Unknown"/> ones until <see cref="LoadAsync"/> has read them.</summary>
    public IReadOnlyList<MethodNumbers> Methods => _methods ?? [.. Enum.GetValues<ProcurementMethod>().Select(MethodNumbers.Unknown)];

    /// <summary>The advance's minimum percent of the platform (DOMAIN.md §9); null until loaded.</summary>
    public decimal? MinimumAdvancePercent => _minimumAdvancePercent;

    public MethodNumbers For(ProcurementMethod method) => Methods.FirstOrDefault(m => m.Method == method) ?? MethodNumbers.Unknown(method);

    /// <summary>The region the numbers were read for ("" for every region without its own table) and the day, if not today.</summary>
    public (string Region, DateOnly? On) LoadedFor { get; private set; } = ("", null);

    /// <summary>
    /// Reads the numbers once per circuit (later calls await the same read): those of the region last asked for, else every
    /// region's; a refused read leaves them unknown and is tried again next time.
    /// </summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) => _loading ??= ReadAsync(LoadedFor, cancellationToken);

    /// <summary>
    /// The numbers in force for <paramref name="region"/> (a program's region) on <paramref name="on"/> (null: today), the ones
    /// the platform checks a tender of that program against; read again only when the region or the day changes.
    /// </summary>
    public Task LoadAsync(string? region, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var wanted = ((region ?? "").Trim(), on);
        if (_loading is not null && wanted == LoadedFor)
        {
            return _loading;
        }

        LoadedFor = wanted;
        return _loading = ReadAsync(wanted, cancellationToken);
    }

    private async Task ReadAsync((string Region, DateOnly? On) wanted, CancellationToken cancellationToken)
    {
        try
        {
            var rules = await client.GetMethodRulesAsync(wanted.Region.Length == 0 ? null : wanted.Region, wanted.On, cancellationToken);
            if (wanted != LoadedFor)
            {
                return; // another region was asked for meanwhile: its read sets the numbers
            }

            _methods = [.. rules.Methods.Select(MethodNumbers.From)];
            _minimumAdvancePercent = rules.MinimumAdvancePercent;
        }
        catch (ApiException refused)
        {
            logger.LogWarning(refused, "The method rules could not be read ({Status}); the wizard checks no numbers until they are.", refused.StatusCode);
            _loading = null;
        }
    }

    /// <summary>The evaluation scheme's broken rules, in the order the API checks them; empty when it would pass.</summary>
    public IReadOnlyList<RuleIssue> CheckScheme(ProcurementMethod method, IReadOnlyList<CriterionDraft> criteria, bool fixedPrice)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var numbers = For(method);
        var bounds = !numbers.Known ? new PriceWeightBounds(0m, null)
            : numbers.PriceMinimumPoints is { } minimum ? new PriceWeightBounds(minimum, numbers.PriceMaximumPoints)
            : null;
        var findings = EvaluationSchemeRules.Check(
            [.. criteria.Select(c => new SchemeCriterion(c.Name, c.Kind == CriterionKind.Price, c.MaxPoints))], fixedPrice, bounds);
        return [.. findings.Select(f => f.Code switch
        {
            EvaluationSchemeRules.MethodNotScored => new RuleIssue("RuleMethodNotScored"),
            EvaluationSchemeRules.CriterionNameRequired => new RuleIssue("RuleCriterionNameRequired", f.Index!.Value + 1),
            EvaluationSchemeRules.CriterionNameDuplicate => new RuleIssue("RuleCriterionNameDuplicate", (criteria[f.Index!.Value].Name ?? "").Trim()),
            EvaluationSchemeRules.CriterionPointsInvalid => new RuleIssue("RuleCriterionPointsInvalid", f.Index!.Value + 1),
            EvaluationSchemeRules.PriceCriterionDuplicate => new RuleIssue("RulePriceDuplicate", (int)f.Value!.Value),
            EvaluationSchemeRules.FixedPriceScoresPrice => new RuleIssue("RuleFixedPriceScoresPrice"),
            EvaluationSchemeRules.PriceCriterionMissing => new RuleIssue("RulePriceMissing"),
            EvaluationSchemeRules.SchemeNot100 => new RuleIssue("RuleSchemeNot100", f.Value!.Value, f.Limit!.Value),
            EvaluationSchemeRules.PriceWeightBelowMinimum => new RuleIssue("RulePriceBelowMinimum", f.Value!.Value, f.Limit!.Value),
            _ => new RuleIssue("RulePriceAboveMaximum", f.Value!.Value, f.Limit!.Value),
        })];
    }

    public static decimal SchemeSum(IEnumerable<CriterionDraft> criteria) =>
        EvaluationSchemeRules.Sum(criteria.Select(c => new SchemeCriterion(c.Name, c.Kind == CriterionKind.Price, c.MaxPoints)));

    /// <summary>The payment schedule's broken rules (DOMAIN.md §9); empty when it would pass.</summary>
    public IReadOnlyList<RuleIssue> CheckSchedule(IReadOnlyList<InstalmentDraft> instalments)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        if (instalments.Count == 0)
        {
            return [new RuleIssue("RuleScheduleEmpty")];
        }

        var findings = PaymentScheduleRules.Check(
            [.. instalments.Select(i => new ScheduleLine(i.Percent, PaymentScheduleRules.ConditionOf(i.Condition)))], _minimumAdvancePercent ?? 0m);
        var issues = new List<RuleIssue>();
        foreach (var f in findings)
        {
            var issue = f.Code switch
            {
                PaymentScheduleRules.InstalmentPercentInvalid => new RuleIssue("RuleInstalmentPercentInvalid"),
                PaymentScheduleRules.PaymentScheduleNot100 => new RuleIssue("RuleScheduleNot100", f.Value!.Value),
                PaymentScheduleRules.AdvanceMissing => new RuleIssue("RuleAdvanceMissing"),
                PaymentScheduleRules.AdvanceBelowMinimum => new RuleIssue("RuleAdvanceBelowMinimum", f.Value!.Value, f.Limit!.Value),
                _ => new RuleIssue("RuleConditionsOutOfOrder", f.Index!.Value + 1),
            };

            // One line for all invalid percents, as the form shows them.
            if (!issues.Any(i => i.Key == issue.Key))
            {
                issues.Add(issue);
            }
        }

        return issues;
    }

    /// <summary>The earliest bid deadline of a tender published at <paramref name="publishedAt"/>: the method's days later, at the same Shanghai time.</summary>
    public DateTimeOffset EarliestDeadline(ProcurementMethod method, DateTimeOffset publishedAt) =>
        DeadlineRules.MinimumDeadline(publishedAt, For(method).MinimumBiddingDays);

    /// <summary>
    /// The deadline after an amendment (or an answer) published at <paramref name="amendedAt"/>: one that can change bids,
    /// inside the method's margin, moves the deadline (<see cref="DeadlineRules.AmendmentMovesDeadline"/>); otherwise it stays.
    /// </summary>
    public DateTimeOffset DeadlineAfterAmendment(ProcurementMethod method, DateTimeOffset amendedAt, DateTimeOffset deadline, bool changesBids)
    {
        if (!changesBids)
        {
            return deadline.ToUniversalTime();
        }

        DeadlineRules.AmendmentMovesDeadline(amendedAt, deadline, For(method).AmendmentMarginDays, out var moved);
        return moved;
    }

    /// <summary>From this instant an answer or amendment that can change bids moves the deadline (the margin before it); null without a margin.</summary>
    public DateTimeOffset? MarginStart(ProcurementMethod method, DateTimeOffset deadline) =>
        DeadlineRules.MarginStart(deadline, For(method).AmendmentMarginDays);

    /// <summary>A Shanghai wall-clock reading (as a date picker gives it) as a UTC instant.</summary>
    public static DateTimeOffset AtShanghai(DateTime wallClock) => ShanghaiDays.At(wallClock);

    /// <summary>The Shanghai wall-clock reading of an instant (what a date picker shows).</summary>
    public static DateTime ToShanghaiWallClock(DateTimeOffset instant) => ShanghaiDays.WallClock(instant);
}
