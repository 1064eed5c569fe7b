using Procurement.Portal.Client;
using Procurement.Portal.Localization;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>The numbers of one procurement method the wizard checks live (DOMAIN.md §3, §6).</summary>
public sealed record MethodNumbers(
    ProcurementMethod Method, int? MinimumBiddingDays, int? AmendmentMarginDays, decimal? PriceMinimumPoints, decimal? PriceMaximumPoints)
{
    /// <summary>Scored by a panel (综合评分法): SingleSource is negotiated and takes no scheme.</summary>
    public bool IsScored => PriceMinimumPoints is not null;
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
/// The rules the tender wizard checks as the purchaser types, a convenience before the API (which stays the judge:
/// its ProblemDetails appear beside the fields). The portal may not reference a service project, so the numbers are
/// mirrored here, in this one class, from the platform's own rule code:
/// <c>Procurement.Tendering.Domain.Rules.ProcurementMethodRules.DefaultMethods</c> (days, margins, price weight bounds),
/// <c>EvaluationScheme.Create</c> (sum 100, one price criterion, fixed price), <c>PaymentSchedule.Create</c> (sum 100,
/// the advance first and at least 10 %), <c>ShanghaiDays</c> (N days are Shanghai calendar days at the same wall-clock
/// time) and <c>ProcurementMethodRule.AmendmentMovesDeadline</c>. Change them there and here together.
/// </summary>
public static class TenderRules
{
    public const decimal TotalPoints = 100m;

    public const decimal MinimumAdvancePercent = 10m;

    public static IReadOnlyList<MethodNumbers> Methods { get; } =
    [
        new(ProcurementMethod.PublicTender, MinimumBiddingDays: 20, AmendmentMarginDays: 15, PriceMinimumPoints: 10m, PriceMaximumPoints: null),
        new(ProcurementMethod.CompetitiveConsultation, MinimumBiddingDays: 10, AmendmentMarginDays: 5, PriceMinimumPoints: 10m, PriceMaximumPoints: 30m),
        new(ProcurementMethod.SingleSource, MinimumBiddingDays: null, AmendmentMarginDays: null, PriceMinimumPoints: null, PriceMaximumPoints: null),
    ];

    public static MethodNumbers For(ProcurementMethod method) => Methods.Single(m => m.Method == method);

    /// <summary>The evaluation scheme's broken rules, in the order the API checks them; empty when it would pass.</summary>
    public static IReadOnlyList<RuleIssue> CheckScheme(ProcurementMethod method, IReadOnlyList<CriterionDraft> criteria, bool fixedPrice)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var numbers = For(method);
        if (!numbers.IsScored)
        {
            return [new RuleIssue("RuleMethodNotScored")];
        }

        var issues = new List<RuleIssue>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < criteria.Count; i++)
        {
            var name = (criteria[i].Name ?? "").Trim();
            if (name.Length == 0)
            {
                issues.Add(new RuleIssue("RuleCriterionNameRequired", i + 1));
            }
            else if (!names.Add(name))
            {
                issues.Add(new RuleIssue("RuleCriterionNameDuplicate", name));
            }

            if (criteria[i].MaxPoints <= 0 || decimal.Round(criteria[i].MaxPoints, 2) != criteria[i].MaxPoints)
            {
                issues.Add(new RuleIssue("RuleCriterionPointsInvalid", i + 1));
            }
        }

        var prices = criteria.Where(c => c.Kind == CriterionKind.Price).ToList();
        if (prices.Count > 1)
        {
            issues.Add(new RuleIssue("RulePriceDuplicate", prices.Count));
        }

        if (fixedPrice && prices.Count > 0)
        {
            issues.Add(new RuleIssue("RuleFixedPriceScoresPrice"));
        }

        if (!fixedPrice && prices.Count == 0)
        {
            issues.Add(new RuleIssue("RulePriceMissing"));
        }

        var sum = SchemeSum(criteria);
        if (sum != TotalPoints)
        {
            issues.Add(new RuleIssue("RuleSchemeNot100", sum, TotalPoints));
        }

        if (prices.Count == 1)
        {
            var points = prices[0].MaxPoints;
            if (points < numbers.PriceMinimumPoints)
            {
                issues.Add(new RuleIssue("RulePriceBelowMinimum", points, numbers.PriceMinimumPoints!.Value));
            }

            if (numbers.PriceMaximumPoints is { } maximum && points > maximum)
            {
                issues.Add(new RuleIssue("RulePriceAboveMaximum", points, maximum));
            }
        }

        return issues;
    }

    public static decimal SchemeSum(IEnumerable<CriterionDraft> criteria) => criteria.Sum(c => c.MaxPoints);

    /// <summary>The payment schedule's broken rules (DOMAIN.md §9); empty when it would pass.</summary>
    public static IReadOnlyList<RuleIssue> CheckSchedule(IReadOnlyList<InstalmentDraft> instalments)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        if (instalments.Count == 0)
        {
            return [new RuleIssue("RuleScheduleEmpty")];
        }

        var issues = new List<RuleIssue>();
        if (instalments.Any(i => i.Percent <= 0 || decimal.Round(i.Percent, 2) != i.Percent))
        {
            issues.Add(new RuleIssue("RuleInstalmentPercentInvalid"));
        }

        var sum = instalments.Sum(i => i.Percent);
        if (sum != 100m)
        {
            issues.Add(new RuleIssue("RuleScheduleNot100", sum));
        }

        if (Stage(instalments[0].Condition) != 0)
        {
            issues.Add(new RuleIssue("RuleAdvanceMissing"));
        }
        else if (instalments[0].Percent < MinimumAdvancePercent)
        {
            issues.Add(new RuleIssue("RuleAdvanceBelowMinimum", instalments[0].Percent, MinimumAdvancePercent));
        }

        for (var i = 1; i < instalments.Count; i++)
        {
            if (Stage(instalments[i].Condition) <= Stage(instalments[i - 1].Condition))
            {
                issues.Add(new RuleIssue("RuleConditionsOutOfOrder", i + 1));
                break;
            }
        }

        return issues;
    }

    /// <summary>The earliest bid deadline of a tender published at <paramref name="publishedAt"/>: the method's days later, at the same Shanghai time.</summary>
    public static DateTimeOffset EarliestDeadline(ProcurementMethod method, DateTimeOffset publishedAt) =>
        For(method).MinimumBiddingDays is { } days ? AddShanghaiDays(publishedAt, days) : publishedAt.ToUniversalTime();

    /// <summary>
    /// The deadline after an amendment (or an answer) published at <paramref name="amendedAt"/>: one that can change bids,
    /// inside the method's margin, moves the deadline to the first instant at the old deadline's Shanghai time of day that
    /// restores the margin; otherwise the deadline stays.
    /// </summary>
    public static DateTimeOffset DeadlineAfterAmendment(ProcurementMethod method, DateTimeOffset amendedAt, DateTimeOffset deadline, bool changesBids)
    {
        if (!changesBids || For(method).AmendmentMarginDays is not { } margin)
        {
            return deadline.ToUniversalTime();
        }

        var restoredAt = AddShanghaiDays(amendedAt, margin);
        if (deadline >= restoredAt)
        {
            return deadline.ToUniversalTime();
        }

        var day = DateOnly.FromDateTime(ToShanghai(restoredAt).DateTime);
        var sameTime = AtShanghai(day.ToDateTime(TimeOnly.MinValue).Add(ToShanghai(deadline).TimeOfDay));
        return sameTime >= restoredAt ? sameTime : AddShanghaiDays(sameTime, 1);
    }

    /// <summary>From this instant an answer or amendment that can change bids moves the deadline (the margin before it); null without a margin.</summary>
    public static DateTimeOffset? MarginStart(ProcurementMethod method, DateTimeOffset deadline) =>
        For(method).AmendmentMarginDays is { } margin ? AddShanghaiDays(deadline, -margin) : null;

    /// <summary>A Shanghai wall-clock reading (as a date picker gives it) as a UTC instant.</summary>
    public static DateTimeOffset AtShanghai(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Format.Shanghai.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The Shanghai wall-clock reading of an instant (what a date picker shows).</summary>
    public static DateTime ToShanghaiWallClock(DateTimeOffset instant) => ToShanghai(instant).DateTime;

    private static DateTimeOffset ToShanghai(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Format.Shanghai);

    private static DateTimeOffset AddShanghaiDays(DateTimeOffset instant, int days) => AtShanghai(ToShanghai(instant).DateTime.AddDays(days));

    private static int Stage(PaymentCondition condition) => condition switch
    {
        PaymentCondition.Activation or PaymentCondition.BridgeStart => 0,
        PaymentCondition.MidTermPassed => 1,
        _ => 2,
    };
}
