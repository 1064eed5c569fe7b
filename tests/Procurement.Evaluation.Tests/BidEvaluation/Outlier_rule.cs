using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Outlier_rule
{
    private static readonly EvaluationRules Rules = EvaluationRules.Default;

    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two(double[] values, double median) =>
        OutlierCheck.Median(values.Select(v => (decimal)v)).Should().Be((decimal)median);

    [Fact]
    public void Exactly_thirty_percent_of_the_maximum_from_the_median_is_not_an_outlier_and_a_hundredth_more_is()
    {
        // Maximum 60: 30% is 18 points. Median 40: 22 and 58 are at the edge; 21.99 and 58.01 beyond it.
        Rules.IsOutlier(58m, 40m, 60m).Should().BeFalse();
        Rules.IsOutlier(22m, 40m, 60m).Should().BeFalse();
        Rules.IsOutlier(58.01m, 40m, 60m).Should().BeTrue();
        Rules.IsOutlier(21.99m, 40m, 60m).Should().BeTrue();
    }

    [Fact]
    public void The_share_is_a_number_of_the_rule_table()
    {
        new EvaluationRules { OutlierShareOfMaximum = 0.40m }.IsOutlier(58.01m, 40m, 60m).Should().BeFalse();
    }

    [Fact]
    public void The_first_sheet_is_its_own_median_and_never_an_outlier()
    {
        var tender = EvaluationData.Scoring();
        var sheet = EvaluationData.Sheet(tender, Guid.NewGuid(), "e1", [], 0m, 0m);
        sheet.Status.Should().Be(SheetStatus.Accepted);
    }

    [Fact]
    public void A_sheet_outlying_the_median_so_far_is_refused_until_it_carries_a_reason()
    {
        var tender = EvaluationData.Scoring();
        var bid = Guid.NewGuid();
        var first = EvaluationData.Sheet(tender, bid, "e1", [], 40m, 8m);
        var second = EvaluationData.Sheet(tender, bid, "e2", [first], 40m, 8m);

        // Sheets so far: 40, 40 and this one → median 40; 58.01 is more than 18 from it.
        var outlying = () => EvaluationData.Sheet(tender, bid, "e3", [first, second], 58.01m, 8m);
        var refusal = outlying.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(EvaluationCodes.ScoreOutlierNeedsReason);
        refusal.Extensions["outliers"].As<IReadOnlyList<Outlier>>().Should().Equal(new Outlier("Service plan", 58.01m, 40m, 18m));

        EvaluationData.Sheet(tender, bid, "e3", [first, second], 58.01m, 8m, planReason: "The plan's case management is exceptional")
            .Status.Should().Be(SheetStatus.Accepted);
        EvaluationData.Sheet(tender, bid, "e3", [first, second], 58m, 8m).Status.Should().Be(SheetStatus.Accepted, "exactly 18 from the median is allowed");
    }

    [Fact]
    public void When_the_last_sheet_arrives_earlier_sheets_are_checked_against_the_whole_panel_median()
    {
        var tender = EvaluationData.Scoring();
        var bid = Guid.NewGuid();
        var criteria = tender.PanelCriteria.ToList();
        // e1 scores 20 first (its own median). Then e2 and e3 score 50: the panel median is 50, and e1 is 30 away (> 18).
        var e1 = EvaluationData.Sheet(tender, bid, "e1", [], 20m, 8m);
        var e2 = EvaluationData.Sheet(tender, bid, "e2", [e1], 50m, 8m);
        var e3 = EvaluationData.Sheet(tender, bid, "e3", [e1, e2], 50m, 8m);
        List<ScoreSheet> all = [e1, e2, e3];
        foreach (var sheet in all)
        {
            sheet.Recheck(all, criteria, Rules);
        }

        e1.Status.Should().Be(SheetStatus.NeedsReason);
        e2.Status.Should().Be(SheetStatus.Accepted);

        var noReason = () => e1.GiveReasons(new Dictionary<string, string> { ["Staff experience"] = "n/a" }, all, criteria, Rules);
        noReason.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreOutlierNeedsReason);

        e1.GiveReasons(new Dictionary<string, string> { ["Service plan"] = "The plan has no staffing for weekends" }, all, criteria, Rules);
        e1.Status.Should().Be(SheetStatus.Accepted);
    }

    [Fact]
    public void A_sheet_scores_every_panel_criterion_once_within_its_range_with_a_comment()
    {
        var tender = EvaluationData.Scoring();
        var bid = Guid.NewGuid();
        Action Submit(IReadOnlyList<CriterionScore> scores) => () => ScoreSheet.Submit(tender, bid, "e1", scores, [], Rules, EvaluationData.Now);

        Submit([new("Service plan", 60m, "ok", null), new("Staff experience", 10m, "ok", null)]).Should().NotThrow("the maximum is allowed");
        Submit([new("Service plan", 0m, "ok", null), new("Staff experience", 0m, "ok", null)]).Should().NotThrow("zero is allowed");
        Submit([new("Service plan", 60.01m, "ok", null), new("Staff experience", 10m, "ok", null)])
            .Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreOutOfRange);
        Submit([new("Service plan", -0.01m, "ok", null), new("Staff experience", 10m, "ok", null)])
            .Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreOutOfRange);
        Submit([new("Service plan", 30m, "ok", null)])
            .Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreCriterionMissing);
        Submit([new("Service plan", 30m, "ok", null), new("Staff experience", 5m, "ok", null), new("Price", 30m, "ok", null)])
            .Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreCriterionUnknown, "price is scored by formula");
        Submit([new("Service plan", 30m, " ", null), new("Staff experience", 5m, "ok", null)])
            .Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ReasonRequired);
    }
}
