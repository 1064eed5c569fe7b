namespace Procurement.Evaluation.Performance.Domain;

/// <summary>The problem codes of performance evaluations (DOMAIN.md §8; texts in <see cref="PerformanceTexts"/>).</summary>
public static class PerformanceCodes
{
    public const string IndicatorWeightsSum = "indicator_weights_sum";
    public const string IndicatorWeightRange = "indicator_weight_range";
    public const string IndicatorsDoNotMatch = "indicators_do_not_match";
    public const string IndicatorWeightsLocked = "indicator_weights_locked";
    public const string EvaluatorNotAssigned = "performance_evaluator_not_assigned";
    public const string StageAlreadyEvaluated = "performance_stage_already_evaluated";
    public const string ScoresDoNotMatchIndicators = "performance_scores_do_not_match_indicators";
    public const string ScoreOutOfRange = "performance_score_out_of_range";
    public const string ContractEnded = "performance_contract_ended";
}
