using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.Performance;

public sealed class Contract_performance_rules
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Evaluator = Guid.NewGuid();

    private static ContractUnderEvaluation Contract(params KpiTerm[] kpis) => ContractUnderEvaluation.Attach(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
        kpis, Now.AddMonths(-6), PerformanceRules.Default);

    private static ContractUnderEvaluation ThreeKpis() => Contract(
        new KpiTerm("Service hours", "hours", 2400m), new KpiTerm("People served", "people", 300m), new KpiTerm("Satisfaction", "%", 90m));

    private static PerformanceEvaluation Submit(ContractUnderEvaluation contract, params (string, decimal, string)[] scores) =>
        PerformanceEvaluation.Submit(contract, PerformanceStage.MidTerm, Evaluator, "evaluator-user", scores, stageEvaluated: false, PerformanceRules.Default, Now);

    [Fact]
    public void The_indicator_system_comes_from_the_kpis_with_equal_weights_summing_to_100()
    {
        var contract = ThreeKpis();
        contract.Indicators.Select(i => i.Name).Should().Equal("Service hours", "People served", "Satisfaction");
        contract.Indicators.Select(i => i.Weight).Should().Equal(33.33m, 33.33m, 33.34m);
        contract.Indicators[0].Target.Should().Be(2400m);
    }

    [Fact]
    public void A_contract_without_kpis_is_evaluated_against_one_overall_indicator()
    {
        var contract = Contract();
        contract.Indicators.Should().ContainSingle().Which.Should().Be(
            new PerformanceIndicator(ContractUnderEvaluation.OverallIndicator, "score", 100m, 100m));
    }

    [Fact]
    public void The_purchaser_reweighs_by_name_until_an_evaluation_is_submitted()
    {
        var contract = ThreeKpis();
        contract.Reweigh([("Satisfaction", 20m), ("Service hours", 50m), ("People served", 30m)], anyEvaluationSubmitted: false, PerformanceRules.Default);
        contract.Indicators.Select(i => i.Weight).Should().Equal(50m, 30m, 20m);

        var locked = () => contract.Reweigh([("Satisfaction", 30m), ("Service hours", 40m), ("People served", 30m)], anyEvaluationSubmitted: true, PerformanceRules.Default);
        locked.Should().Throw<ConflictException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightsLocked);
    }

    [Fact]
    public void Reweighing_must_name_every_indicator_once_and_sum_to_100()
    {
        var contract = ThreeKpis();
        var missing = () => contract.Reweigh([("Service hours", 50m), ("People served", 50m)], false, PerformanceRules.Default);
        missing.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorsDoNotMatch);
        var twice = () => contract.Reweigh([("Service hours", 50m), ("Service hours", 30m), ("People served", 20m)], false, PerformanceRules.Default);
        twice.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorsDoNotMatch);
        var short_ = () => contract.Reweigh([("Service hours", 50m), ("People served", 30m), ("Satisfaction", 19.99m)], false, PerformanceRules.Default);
        short_.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.IndicatorWeightsSum);
        contract.Indicators.Select(i => i.Weight).Should().Equal(33.33m, 33.33m, 33.34m);
    }

    [Fact]
    public void Only_the_evaluator_assigned_to_the_stage_may_submit_it()
    {
        var contract = ThreeKpis();
        var unassigned = () => Submit(contract, ("Service hours", 90m, "ok"), ("People served", 90m, "ok"), ("Satisfaction", 90m, "ok"));
        unassigned.Should().Throw<NotPermittedException>().Which.Code.Should().Be(PerformanceCodes.EvaluatorNotAssigned);

        contract.Assign(PerformanceStage.Final, Evaluator, "p", stageEvaluated: false, Now);
        unassigned.Should().Throw<NotPermittedException>("assigned to Final, not to MidTerm");

        contract.Assign(PerformanceStage.MidTerm, Evaluator, "p", stageEvaluated: false, Now);
        unassigned.Should().NotThrow();
    }

    [Fact]
    public void An_evaluation_scores_every_indicator_and_grades_the_weighted_score()
    {
        var contract = ThreeKpis();
        contract.Assign(PerformanceStage.MidTerm, Evaluator, "p", false, Now);

        // (95 × 33.33 + 85 × 33.33 + 70 × 33.34) ÷ 100 = 83.332 → 83.33: Good.
        var evaluation = Submit(contract, ("Satisfaction", 70m, "Survey of 120 elders"), ("Service hours", 95m, "2280 of 2400 h"), ("People served", 85m, "255 of 300"));
        evaluation.Score.Should().Be(83.33m);
        evaluation.Grade.Should().Be(PerformanceGrade.Good);
        evaluation.Passed.Should().BeTrue();
        evaluation.Scores.Select(s => (s.Indicator, s.Weight, s.Score)).Should().Equal(
            ("Service hours", 33.33m, 95m), ("People served", 33.33m, 85m), ("Satisfaction", 33.34m, 70m));
        evaluation.AgencyId.Should().Be(contract.AgencyId);
    }

    [Fact]
    public void Scores_must_cover_the_indicators_exactly_and_lie_between_0_and_100()
    {
        var contract = ThreeKpis();
        contract.Assign(PerformanceStage.MidTerm, Evaluator, "p", false, Now);
        var missing = () => Submit(contract, ("Service hours", 90m, "ok"), ("People served", 90m, "ok"));
        missing.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.ScoresDoNotMatchIndicators);
        var over = () => Submit(contract, ("Service hours", 100.01m, "ok"), ("People served", 90m, "ok"), ("Satisfaction", 90m, "ok"));
        over.Should().Throw<RuleViolationException>().Which.Code.Should().Be(PerformanceCodes.ScoreOutOfRange);
        var top = () => Submit(contract, ("Service hours", 100m, "ok"), ("People served", 0m, "none"), ("Satisfaction", 90m, "ok"));
        top.Should().NotThrow();
    }

    [Fact]
    public void A_stage_is_evaluated_once_and_an_ended_contract_takes_no_more()
    {
        var contract = ThreeKpis();
        contract.Assign(PerformanceStage.MidTerm, Evaluator, "p", false, Now);
        var again = () => PerformanceEvaluation.Submit(contract, PerformanceStage.MidTerm, Evaluator, "u",
            [("Service hours", 90m, "ok"), ("People served", 90m, "ok"), ("Satisfaction", 90m, "ok")], stageEvaluated: true, PerformanceRules.Default, Now);
        again.Should().Throw<ConflictException>().Which.Code.Should().Be(PerformanceCodes.StageAlreadyEvaluated);
        var reassign = () => contract.Assign(PerformanceStage.MidTerm, Guid.NewGuid(), "p", stageEvaluated: true, Now);
        reassign.Should().Throw<ConflictException>().Which.Code.Should().Be(PerformanceCodes.StageAlreadyEvaluated);

        contract.Close("Terminated", Now);
        var ended = () => Submit(contract, ("Service hours", 90m, "ok"), ("People served", 90m, "ok"), ("Satisfaction", 90m, "ok"));
        ended.Should().Throw<ConflictException>().Which.Code.Should().Be(PerformanceCodes.ContractEnded);
    }
}
