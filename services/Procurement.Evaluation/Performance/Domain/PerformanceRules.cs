using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Performance.Domain;

public enum PerformanceStage
{
    MidTerm,
    Final,
}

public enum PerformanceGrade
{
    Excellent,
    Good,
    Pass,
    Fail,
}

/// <summary>One band of the grade table: scores at or above <paramref name="MinimumScore"/> (and below the next band) get <paramref name="Grade"/>.</summary>
public sealed record GradeBand(decimal MinimumScore, PerformanceGrade Grade, bool Passed);

/// <summary>
/// The numbers of performance evaluation (DOMAIN.md §8) in one table: the grade bands, the score range and the
/// total the indicator weights must reach.
/// </summary>
public sealed class PerformanceRules
{
    private readonly IReadOnlyList<GradeBand> _bands;

    public PerformanceRules(IEnumerable<GradeBand> bands, decimal maximumScore, decimal totalWeight)
    {
        ArgumentNullException.ThrowIfNull(bands);
        _bands = [.. bands.OrderByDescending(b => b.MinimumScore)];
        if (_bands.Count == 0 || _bands[^1].MinimumScore != 0m)
        {
            throw new ArgumentException("The grade table must have a band that starts at 0.", nameof(bands));
        }

        MaximumScore = maximumScore;
        TotalWeight = totalWeight;
    }

    /// <summary>Excellent ≥ 90, Good 80–89.99, Pass 60–79.99, Fail &lt; 60; scores 0–100; weights sum to 100.</summary>
    public static PerformanceRules Default { get; } = new(
        [
            new GradeBand(90m, PerformanceGrade.Excellent, Passed: true),
            new GradeBand(80m, PerformanceGrade.Good, Passed: true),
            new GradeBand(60m, PerformanceGrade.Pass, Passed: true),
            new GradeBand(0m, PerformanceGrade.Fail, Passed: false),
        ],
        maximumScore: 100m,
        totalWeight: 100m);

    public IReadOnlyList<GradeBand> Bands => _bands;

    public decimal MaximumScore { get; }

    public decimal TotalWeight { get; }

    public GradeBand GradeFor(decimal score) => _bands.First(b => score >= b.MinimumScore);

    /// <summary>Σ score × weight ÷ total weight, two decimals, half away from zero.</summary>
    public decimal WeightedScore(IEnumerable<(decimal Score, decimal Weight)> scores) =>
        decimal.Round(scores.Sum(s => s.Score * s.Weight) / TotalWeight, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Equal weights for <paramref name="count"/> indicators, two decimals: each gets the total divided by the
    /// count rounded down, and the last takes the remainder, so the sum is exactly the total (3 → 33.33, 33.33, 33.34).
    /// </summary>
    public IReadOnlyList<decimal> EqualWeights(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var each = decimal.Round(TotalWeight / count, 2, MidpointRounding.ToZero);
        return [.. Enumerable.Repeat(each, count - 1), TotalWeight - (each * (count - 1))];
    }

    /// <summary>Weights above 0, at most the total, two decimals, and summing exactly to the total.</summary>
    public void CheckWeights(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        for (var i = 0; i < weights.Count; i++)
        {
            var weight = weights[i];
            if (weight <= 0m || weight > TotalWeight || decimal.Round(weight, 2) != weight)
            {
                throw new RuleViolationException(PerformanceCodes.IndicatorWeightRange, $"indicators[{i}].weight", weight, TotalWeight);
            }
        }

        var sum = weights.Sum();
        if (sum != TotalWeight)
        {
            throw new RuleViolationException(PerformanceCodes.IndicatorWeightsSum, "indicators", sum, TotalWeight);
        }
    }

    public bool IsScoreInRange(decimal score) => score >= 0m && score <= MaximumScore && decimal.Round(score, 2) == score;
}
