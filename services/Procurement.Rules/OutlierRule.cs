namespace Procurement.Rules;

/// <summary>One criterion a panel member scores by hand, with its maximum.</summary>
public sealed record ScoredCriterion(string Name, decimal MaxPoints);

/// <summary>An outlying score: the criterion, the score, the panel median it was compared with and the distance allowed.</summary>
public sealed record OutlierFinding(string Criterion, decimal Points, decimal Median, decimal Allowed);

/// <summary>
/// The score sheet's rules (DOMAIN.md §6): a score lies between 0 and the criterion's maximum; a score further from the
/// panel median than a share of the criterion's maximum (<see cref="DefaultShareOfMaximum"/>, 30 %, unless a deployment
/// sets its own) is an outlier and needs a written reason. The median of an even count is the mean of the middle two.
/// </summary>
public static class OutlierRule
{
    public const decimal DefaultShareOfMaximum = 0.30m;

    /// <summary>Whether <paramref name="points"/> lies within 0…<paramref name="maximum"/>.</summary>
    public static bool WithinRange(decimal points, decimal maximum) => points >= 0 && points <= maximum;

    /// <summary>The median; of an even count, the mean of the middle two.</summary>
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

    /// <summary>How far from the median a score of a criterion with this maximum may lie.</summary>
    public static decimal Allowed(decimal maximum, decimal shareOfMaximum) => shareOfMaximum * maximum;

    /// <summary>Whether <paramref name="points"/> is further from <paramref name="median"/> than the allowed share of <paramref name="maximum"/>.</summary>
    public static bool IsOutlier(decimal points, decimal median, decimal maximum, decimal shareOfMaximum) =>
        Math.Abs(points - median) > Allowed(maximum, shareOfMaximum);

    /// <summary>
    /// The criteria of <paramref name="sheet"/> that are outliers against the panel's sheets (<paramref name="sheet"/> among
    /// them), in the order of <paramref name="criteria"/>; a criterion the sheet or any panel sheet has no score for is skipped.
    /// </summary>
    public static IReadOnlyList<OutlierFinding> Outliers(
        IReadOnlyDictionary<string, decimal> sheet, IReadOnlyList<IReadOnlyDictionary<string, decimal>> panel,
        IEnumerable<ScoredCriterion> criteria, decimal shareOfMaximum)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(criteria);
        var outliers = new List<OutlierFinding>();
        foreach (var criterion in criteria)
        {
            if (!sheet.TryGetValue(criterion.Name, out var points) || !panel.All(s => s.ContainsKey(criterion.Name)))
            {
                continue;
            }

            var median = Median(panel.Select(s => s[criterion.Name]));
            if (IsOutlier(points, median, criterion.MaxPoints, shareOfMaximum))
            {
                outliers.Add(new OutlierFinding(criterion.Name, points, median, Allowed(criterion.MaxPoints, shareOfMaximum)));
            }
        }

        return outliers;
    }
}
