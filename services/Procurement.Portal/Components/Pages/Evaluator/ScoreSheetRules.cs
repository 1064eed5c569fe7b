using System.Globalization;
using System.Text.Json;
using Procurement.Portal.Client;
using Procurement.Rules;

namespace Procurement.Portal.Components.Pages.Evaluator;

/// <summary>One criterion the evaluator scores on the sheet, with its maximum.</summary>
public sealed record SheetCriterion(string Name, decimal MaxPoints);

/// <summary>An outlying score as the API reported it: the panel median it was compared with and the distance allowed.</summary>
public sealed record SheetOutlier(string Criterion, decimal Points, decimal Median, decimal Allowed);

/// <summary>
/// The score sheet's rules as the portal checks them while the evaluator types: <see cref="OutlierRule"/>'s, the same
/// the Evaluation service applies (a score lies between 0 and the criterion's maximum, with two decimals here as the API
/// keeps them; a score further from the panel median than <see cref="OutlierShareOfMaximum"/> of the maximum needs a written
/// reason). The API stays the judge: the median is only known once the API compared the sheet with the others (its 422
/// names each outlier with the median). This class maps the API's answers to what the sheet shows.
/// </summary>
public static class ScoreSheetRules
{
    /// <summary>The share of a criterion's maximum a score may lie from the median (the platform's default, 30%).</summary>
    public const decimal OutlierShareOfMaximum = OutlierRule.DefaultShareOfMaximum;

    /// <summary>The criteria a panel member scores by hand: every one but price and past performance (<c>EvaluatedTender.PanelCriteria</c>).</summary>
    public static IReadOnlyList<SheetCriterion> PanelCriteria(IEnumerable<Criterion> criteria) =>
        [.. criteria.Where(c => c.Kind is not (CriterionKind.Price or CriterionKind.PastPerformance)).Select(c => new SheetCriterion(c.Name, c.MaxPoints))];

    /// <summary>Points as an evaluator writes them: 30, 25.5 (the API keeps two decimals: 30.00).</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The sheet's total: the sum of the scores given so far (an empty input counts nothing).</summary>
    public static decimal Total(IEnumerable<decimal?> points) => points.Sum(p => p ?? 0m);

    /// <summary>Whether <paramref name="points"/> is within 0…maximum with at most two decimals.</summary>
    public static bool InRange(decimal? points, decimal maximum) =>
        points is { } p && OutlierRule.WithinRange(p, maximum) && decimal.Round(p, 2) == p;

    /// <summary>The median; of an even count, the mean of the middle two.</summary>
    public static decimal Median(IEnumerable<decimal> values) => OutlierRule.Median(values);

    /// <summary>Whether a score is further from the median than the allowed share of the maximum.</summary>
    public static bool IsOutlier(decimal points, decimal median, decimal maximum) =>
        OutlierRule.IsOutlier(points, median, maximum, OutlierShareOfMaximum);

    /// <summary>
    /// The criteria of <paramref name="mine"/> that are outliers against the panel's sheets (mine among them), as the API
    /// re-checks a sheet once every member scored the bid.
    /// </summary>
    public static IReadOnlyList<SheetOutlier> Outliers(
        IReadOnlyDictionary<string, decimal> mine, IReadOnlyList<IReadOnlyDictionary<string, decimal>> panel, IReadOnlyList<SheetCriterion> criteria) =>
        [.. OutlierRule.Outliers(mine, panel, criteria.Select(c => new ScoredCriterion(c.Name, c.MaxPoints)), OutlierShareOfMaximum)
            .Select(o => new SheetOutlier(o.Criterion, o.Points, o.Median, o.Allowed))];

    /// <summary>Whether the reason box of a criterion the API reported as an outlier is still needed for the score now typed.</summary>
    public static bool StillOutlying(SheetOutlier reported, decimal? points) =>
        points is { } p && Math.Abs(p - reported.Median) > reported.Allowed;

    /// <summary>The outliers a 422 <c>score_outlier_needs_reason</c> names in its <c>outliers</c> extension; empty for any other refusal.</summary>
    public static IReadOnlyList<SheetOutlier> OutliersOf(ProblemDetails? problem)
    {
        if (problem?.AdditionalProperties is not { } extensions || !extensions.TryGetValue("outliers", out var value) || value is not System.Text.Json.JsonElement { ValueKind: JsonValueKind.Array } list)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(o => new SheetOutlier(
            o.GetProperty("criterion").GetString() ?? "",
            o.GetProperty("points").GetDecimal(),
            o.GetProperty("median").GetDecimal(),
            o.GetProperty("allowed").GetDecimal()))];
    }

    /// <summary>
    /// The refusal of a sheet by criterion: each field message of a 400 (<c>scores[i].points</c>, <c>scores[i].comment</c>)
    /// beside the i-th criterion, and a 422's detail beside the criterion it names (not for outliers, whose reason boxes say it).
    /// </summary>
    public static Dictionary<string, string> MessagesByCriterion(ProblemDetails? problem, IReadOnlyList<SheetCriterion> sent, bool outliers)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, texts) in problem?.Errors ?? new Dictionary<string, ICollection<string>>())
        {
            if (CriterionOf(field, problem, sent) is { } criterion)
            {
                messages[criterion] = string.Join(" ", messages.TryGetValue(criterion, out var before) ? [before, .. texts] : texts);
            }
        }

        if (!outliers && problem?.Field is { } named && problem.Detail is { } detail && CriterionOf(named, problem, sent) is { } about)
        {
            messages[about] = detail;
        }

        return messages;
    }

    /// <summary>
    /// The criterion a refusal of the whole sheet is about, so its message stands beside that input: a 400 names
    /// <c>scores[i].points</c> (the i-th criterion sent), a 422 on <c>scores</c> quotes the criterion's name in its detail.
    /// </summary>
    public static string? CriterionOf(string field, ProblemDetails? problem, IReadOnlyList<SheetCriterion> sent)
    {
        if (field.StartsWith("scores[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 7 and var end
            && int.TryParse(field.AsSpan(7, end - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sent.Count)
        {
            return sent[index].Name;
        }

        if (field == "scores" && problem?.Detail is { } detail)
        {
            return sent.FirstOrDefault(c => detail.Contains($"“{c.Name}”", StringComparison.Ordinal) || detail.Contains($"\"{c.Name}\"", StringComparison.Ordinal))?.Name;
        }

        return null;
    }
}
