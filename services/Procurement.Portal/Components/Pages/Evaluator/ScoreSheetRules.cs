using System.Globalization;
using System.Text.Json;
using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Evaluator;

/// <summary>One criterion the evaluator scores on the sheet, with its maximum.</summary>
public sealed record SheetCriterion(string Name, decimal MaxPoints);

/// <summary>An outlying score as the API reported it: the panel median it was compared with and the distance allowed.</summary>
public sealed record SheetOutlier(string Criterion, decimal Points, decimal Median, decimal Allowed);

/// <summary>
/// The score sheet's rules as the portal checks them while the evaluator types, mirroring the Evaluation service
/// (<c>Procurement.Evaluation.BidEvaluation.Domain.ScoreSheet</c>, <c>OutlierCheck</c> and <c>EvaluationRules.IsOutlier</c>):
/// a score lies between 0 and the criterion's maximum with two decimals; a score further from the panel median than
/// <see cref="OutlierShareOfMaximum"/> of the criterion's maximum needs a written reason. The API stays the judge: the
/// median is only known once the API compared the sheet with the others (its 422 names each outlier with the median).
/// </summary>
public static class ScoreSheetRules
{
    /// <summary>The share of a criterion's maximum a score may lie from the median (<c>EvaluationRules.OutlierShareOfMaximum</c>, 30%).</summary>
    public const decimal OutlierShareOfMaximum = 0.30m;

    /// <summary>The criteria a panel member scores by hand: every one but price and past performance (<c>EvaluatedTender.PanelCriteria</c>).</summary>
    public static IReadOnlyList<SheetCriterion> PanelCriteria(IEnumerable<Criterion> criteria) =>
        [.. criteria.Where(c => c.Kind is not (CriterionKind.Price or CriterionKind.PastPerformance)).Select(c => new SheetCriterion(c.Name, c.MaxPoints))];

    /// <summary>Points as an evaluator writes them: 30, 25.5 (the API keeps two decimals: 30.00).</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The sheet's total: the sum of the scores given so far (an empty input counts nothing).</summary>
    public static decimal Total(IEnumerable<decimal?> points) => points.Sum(p => p ?? 0m);

    /// <summary>Whether <paramref name="points"/> is within 0…maximum with at most two decimals.</summary>
    public static bool InRange(decimal? points, decimal maximum) =>
        points is { } p && p >= 0 && p <= maximum && decimal.Round(p, 2) == p;

    /// <summary>The median; of an even count, the mean of the middle two (<c>OutlierCheck.Median</c>).</summary>
    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>Whether a score is further from the median than the allowed share of the maximum (<c>EvaluationRules.IsOutlier</c>).</summary>
    public static bool IsOutlier(decimal points, decimal median, decimal maximum) =>
        Math.Abs(points - median) > OutlierShareOfMaximum * maximum;

    /// <summary>
    /// The criteria of <paramref name="mine"/> that are outliers against the panel's sheets (mine among them), as the API
    /// re-checks a sheet once every member scored the bid (<c>OutlierCheck.Outliers</c>).
    /// </summary>
    public static IReadOnlyList<SheetOutlier> Outliers(
        IReadOnlyDictionary<string, decimal> mine, IReadOnlyList<IReadOnlyDictionary<string, decimal>> panel, IReadOnlyList<SheetCriterion> criteria) =>
        [.. criteria
            .Where(c => mine.ContainsKey(c.Name) && panel.All(s => s.ContainsKey(c.Name)))
            .Select(c =>
            {
                var median = Median(panel.Select(s => s[c.Name]));
                return IsOutlier(mine[c.Name], median, c.MaxPoints) ? new SheetOutlier(c.Name, mine[c.Name], median, OutlierShareOfMaximum * c.MaxPoints) : null;
            })
            .OfType<SheetOutlier>()];

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
