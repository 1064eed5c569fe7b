using CsCheck;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.Performance;

public sealed class Performance_rules
{
    private static readonly PerformanceRules Rules = PerformanceRules.Default;

    [Theory]
    [InlineData("0", PerformanceGrade.Fail, false)]
    [InlineData("59.99", PerformanceGrade.Fail, false)]
    [InlineData("60", PerformanceGrade.Pass, true)]
    [InlineData("79.99", PerformanceGrade.Pass, true)]
    [InlineData("80", PerformanceGrade.Good, true)]
    [InlineData("89.99", PerformanceGrade.Good, true)]
    [InlineData("90", PerformanceGrade.Excellent, true)]
    [InlineData("100", PerformanceGrade.Excellent, true)]
    public void Grades_change_exactly_at_60_80_and_90(string score, PerformanceGrade grade, bool passed)
    {
        var band = Rules.GradeFor(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
        band.Grade.Should().Be(grade);
        band.Passed.Should().Be(passed);
    }

    [Fact]
    public void The_grade_table_needs_a_band_starting_at_zero()
    {
        var gap = () => new PerformanceRules([new GradeBand(60m, PerformanceGrade.Pass, true)], 100m, 100m);
        gap.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(1, new[] { "100" })]
    [InlineData(2, new[] { "50", "50" })]
    [InlineData(3, new[] { "33.33", "33.33", "33.34" })]
    [InlineData(6, new[] { "16.66", "16.66", "16.66", "16.66", "16.66", "16.70" })]
    [InlineData(7, new[] { "14.28", "14.28", "14.28", "14.28", "14.28", "14.28", "14.32" })]
    public void Equal_weights_give_the_remainder_to_the_last_indicator(int count, string[] expected)
    {
        Rules.EqualWeights(count).Should().Equal(expected.Select(e => decimal.Parse(e, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Equal_weights_always_sum_to_exactly_100_with_two_decimals_and_differ_by_less_than_the_count_in_fen()
    {
        Gen.Int[1, 200].Sample(count =>
        {
            var weights = Rules.EqualWeights(count);
            weights.Should().HaveCount(count);
            weights.Sum().Should().Be(100m);
            weights.Should().OnlyContain(w => w > 0m && decimal.Round(w, 2) == w);
            (weights.Max() - weights.Min()).Should().BeLessThan(0.01m * count);
        });
    }

    [Fact]
    public void Weights_summing_to_99_99_or_100_01_are_refused_and_100_is_accepted()
    {
        var low = () => Rules.CheckWeights([50m, 49.99m]);
        low.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightsSum);
        var high = () => Rules.CheckWeights([50m, 50.01m]);
        high.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightsSum);
        var exact = () => Rules.CheckWeights([50m, 49.99m, 0.01m]);
        exact.Should().NotThrow();
    }

    [Fact]
    public void A_weight_of_zero_or_with_three_decimals_is_refused()
    {
        var zero = () => Rules.CheckWeights([100m, 0m]);
        zero.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightRange);
        var fine = () => Rules.CheckWeights([33.335m, 33.335m, 33.33m]);
        fine.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightRange);
    }

    [Fact]
    public void The_weighted_score_is_rounded_once_to_two_decimals_half_away_from_zero()
    {
        // (95 × 33.33 + 85 × 33.33 + 70 × 33.34) ÷ 100 = (3166.35 + 2833.05 + 2333.80) ÷ 100 = 83.332 → 83.33.
        Rules.WeightedScore([(95m, 33.33m), (85m, 33.33m), (70m, 33.34m)]).Should().Be(83.33m);
        // (80.01 × 50 + 80.00 × 50) ÷ 100 = 80.005 → 80.01 (half away from zero).
        Rules.WeightedScore([(80.01m, 50m), (80.00m, 50m)]).Should().Be(80.01m);
        // (59.99 × 60 + 59.99 × 40) ÷ 100 = 59.99: a Fail, a fen short of a Pass.
        Rules.WeightedScore([(59.99m, 60m), (59.99m, 40m)]).Should().Be(59.99m);
    }

    [Theory]
    [InlineData("-0.01", false)]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("100.01", false)]
    [InlineData("72.505", false)]
    public void Indicator_scores_lie_between_0_and_100_with_two_decimals(string score, bool accepted)
    {
        Rules.IsScoreInRange(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(accepted);
    }
}
