using System.Globalization;
using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>One evaluator's score for one criterion, with the comment every score carries, and a reason when it is an outlier.</summary>
public sealed record CriterionScore(string Criterion, decimal Points, string Comment, string? OutlierReason);

public enum SheetStatus
{
    /// <summary>Counted in the ranking.</summary>
    Accepted,

    /// <summary>Re-checked against the whole panel's median, a score became an outlier without a reason: the ranking waits for one.</summary>
    NeedsReason,
}

/// <summary>An outlier found by the check: which criterion, the score, the median it was compared to.</summary>
public sealed record Outlier(string Criterion, decimal Points, decimal Median, decimal Allowed);

/// <summary>
/// One panel member's score sheet for one valid bid (DOMAIN.md §6). Scores are between 0 and each criterion's maximum,
/// each with a comment; an outlier needs a written reason before the sheet counts.
/// </summary>
/// <remarks>
/// <para><b>How the median is taken while sheets are still coming in.</b> When a sheet is submitted it is compared with
/// the median of the sheets for that bid submitted so far, itself included (the first sheet is its own median and is
/// never an outlier). An outlier without a reason refuses the submission (422, naming the criteria). When the panel's
/// last sheet for the bid arrives, every sheet for the bid is checked again against the whole panel's median; a sheet
/// that is now an outlier without a reason becomes <see cref="SheetStatus.NeedsReason"/>, and the ranking waits until
/// its evaluator gives the reasons (which are checked against that final median). The median of an even number of
/// scores is the mean of the middle two.</para>
/// </remarks>
public sealed class ScoreSheet
{
    private ScoreSheet()
    {
        EvaluatorUserId = "";
        Scores = [];
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid BidId { get; private set; }

    public string EvaluatorUserId { get; private set; }

    public IReadOnlyList<CriterionScore> Scores { get; private set; }

    public SheetStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public int Version { get; private set; }

    public decimal PointsFor(string criterion) => Scores.First(s => s.Criterion == criterion).Points;

    /// <summary>
    /// A new sheet, checked for shape and range against the tender's panel criteria and for outliers against
    /// <paramref name="others"/> (the sheets for the bid submitted before it).
    /// </summary>
    public static ScoreSheet Submit(
        EvaluatedTender tender, Guid bidId, string evaluator, IReadOnlyList<CriterionScore> scores, IReadOnlyList<ScoreSheet> others,
        EvaluationRules rules, DateTimeOffset at)
    {
        var computed = scores.FirstOrDefault(s => tender.PastPerformanceCriteria.Any(c => c.Name == s.Criterion));
        if (computed is not null)
        {
            throw new RuleViolationException(EvaluationCodes.ScoreCriterionComputed, "scores", computed.Criterion);
        }

        var criteria = tender.PanelCriteria.ToList();
        CheckShape(criteria, scores);
        var sheet = new ScoreSheet
        {
            Id = Guid.CreateVersion7(),
            TenderId = tender.TenderId,
            BidId = bidId,
            EvaluatorUserId = evaluator,
            Scores = [.. criteria.Select(c => scores.First(s => s.Criterion == c.Name) with { Comment = scores.First(s => s.Criterion == c.Name).Comment.Trim() })],
            Status = SheetStatus.Accepted,
            SubmittedAt = at,
            Version = 1,
        };
        ThrowIfUnreasoned(OutlierCheck.Unreasoned(sheet, [.. others, sheet], criteria, rules), rules);
        return sheet;
    }

    /// <summary>Adds written reasons to outlying scores; the sheet counts again once no outlier lacks one.</summary>
    public void GiveReasons(IReadOnlyDictionary<string, string> reasons, IReadOnlyList<ScoreSheet> panelSheets, IReadOnlyList<Criterion> criteria, EvaluationRules rules)
    {
        foreach (var criterion in reasons.Keys.Where(k => !Scores.Any(s => s.Criterion == k)))
        {
            throw new RuleViolationException(EvaluationCodes.ScoreCriterionUnknown, "reasons", criterion);
        }

        Scores = [.. Scores.Select(s => reasons.TryGetValue(s.Criterion, out var reason) && !string.IsNullOrWhiteSpace(reason)
            ? s with { OutlierReason = reason.Trim() }
            : s)];
        ThrowIfUnreasoned(OutlierCheck.Unreasoned(this, panelSheets, criteria, rules), rules);
        Status = SheetStatus.Accepted;
        Version++;
    }

    /// <summary>Checks again against the whole panel's median (the last sheet arrived).</summary>
    public void Recheck(IReadOnlyList<ScoreSheet> panelSheets, IReadOnlyList<Criterion> criteria, EvaluationRules rules)
    {
        var status = OutlierCheck.Unreasoned(this, panelSheets, criteria, rules).Count == 0 ? SheetStatus.Accepted : SheetStatus.NeedsReason;
        if (status != Status)
        {
            Status = status;
            Version++;
        }
    }

    private static void CheckShape(IReadOnlyList<Criterion> criteria, IReadOnlyList<CriterionScore> scores)
    {
        foreach (var score in scores)
        {
            var criterion = criteria.FirstOrDefault(c => c.Name == score.Criterion)
                ?? throw new RuleViolationException(EvaluationCodes.ScoreCriterionUnknown, "scores", score.Criterion);
            if (!OutlierRule.WithinRange(score.Points, criterion.MaxPoints))
            {
                throw new RuleViolationException(EvaluationCodes.ScoreOutOfRange, "scores", criterion.Name, score.Points, criterion.MaxPoints);
            }

            if (string.IsNullOrWhiteSpace(score.Comment))
            {
                throw new RuleViolationException(EvaluationCodes.ReasonRequired, "scores", $"\"{criterion.Name}\" (comment)");
            }
        }

        var missing = criteria.FirstOrDefault(c => scores.Count(s => s.Criterion == c.Name) != 1);
        if (missing is not null)
        {
            throw new RuleViolationException(EvaluationCodes.ScoreCriterionMissing, "scores", missing.Name);
        }
    }

    private static void ThrowIfUnreasoned(IReadOnlyList<Outlier> outliers, EvaluationRules rules)
    {
        if (outliers.Count == 0)
        {
            return;
        }

        var list = string.Join("; ", outliers.Select(o => string.Create(
            CultureInfo.InvariantCulture, $"\"{o.Criterion}\" {o.Points} (median {o.Median}, allowed ±{o.Allowed})")));
        var refusal = new RuleViolationException(
            EvaluationCodes.ScoreOutlierNeedsReason, "scores", list, string.Create(CultureInfo.InvariantCulture, $"{rules.OutlierShareOfMaximum * 100m:0.##}%"));
        refusal.Extensions["outliers"] = outliers;
        throw refusal;
    }
}

/// <summary>The outlier rule: a score further from the panel median than the rule's share of the criterion's maximum.</summary>
public static class OutlierCheck
{
    /// <summary>The median; of an even count, the mean of the middle two.</summary>
    public static decimal Median(IEnumerable<decimal> values) => OutlierRule.Median(values);

    /// <summary>The outliers of <paramref name="sheet"/> against <paramref name="panelSheets"/> (it among them): <see cref="OutlierRule.Outliers"/>.</summary>
    public static IReadOnlyList<Outlier> Outliers(ScoreSheet sheet, IReadOnlyList<ScoreSheet> panelSheets, IReadOnlyList<Criterion> criteria, EvaluationRules rules) =>
        [.. OutlierRule.Outliers(
                Points(sheet), [.. panelSheets.Select(Points)], criteria.Select(c => new ScoredCriterion(c.Name, c.MaxPoints)), rules.OutlierShareOfMaximum)
            .Select(o => new Outlier(o.Criterion, o.Points, o.Median, o.Allowed))];

    /// <summary>The outliers that carry no written reason.</summary>
    public static IReadOnlyList<Outlier> Unreasoned(ScoreSheet sheet, IReadOnlyList<ScoreSheet> panelSheets, IReadOnlyList<Criterion> criteria, EvaluationRules rules) =>
        [.. Outliers(sheet, panelSheets, criteria, rules)
            .Where(o => string.IsNullOrWhiteSpace(sheet.Scores.First(s => s.Criterion == o.Criterion).OutlierReason))];

    private static Dictionary<string, decimal> Points(ScoreSheet sheet) =>
        sheet.Scores.GroupBy(s => s.Criterion, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Points, StringComparer.Ordinal);
}
