using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Performance.Domain;

/// <summary>The texts of the performance-evaluation rules, in English and Chinese.</summary>
internal static class PerformanceTexts
{
    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        [PerformanceCodes.IndicatorWeightsSum] = ("The indicator weights sum to {0}; they must sum to exactly {1}.", "指标权重合计为 {0}，必须恰好等于 {1}。"),
        [PerformanceCodes.IndicatorWeightRange] = ("The weight {0} must be above 0 and at most {1}, with at most two decimals.",
            "权重 {0} 必须大于 0、不超过 {1}，且最多两位小数。"),
        [PerformanceCodes.IndicatorsDoNotMatch] = ("Give one weight for each indicator of the contract, once each: {0}.", "须为合同的每项指标各填写一次权重：{0}。"),
        [PerformanceCodes.IndicatorWeightsLocked] = ("An evaluation has been submitted; the indicator weights can no longer change.", "已提交绩效评估，指标权重不能再修改。"),
        [PerformanceCodes.EvaluatorNotAssigned] = ("Your organisation is not the evaluator assigned to the {0} evaluation of this contract.",
            "您所在单位不是本合同{1}评估的指定评估方。"),
        [PerformanceCodes.StageAlreadyEvaluated] = ("The {0} evaluation of this contract has already been submitted.", "本合同的{1}评估已提交。"),
        [PerformanceCodes.ScoresDoNotMatchIndicators] = ("Score each indicator of the contract once: {0}.", "须对合同的每项指标各评分一次：{0}。"),
        [PerformanceCodes.ScoreOutOfRange] = ("The score {1} for \"{0}\" must be between 0 and {2}, with at most two decimals.",
            "“{0}”的得分 {1} 须在 0 至 {2} 之间，且最多两位小数。"),
        [PerformanceCodes.ContractEnded] = ("The contract has ended ({0}); it takes no more evaluations or changes.", "合同已结束（{0}），不再接受评估或修改。"),

        // Resource names for 404s.
        ["contract_under_evaluation"] = ("Contract", "合同"),
    });

    /// <summary>A stage as the Chinese texts name it (the English texts use the enum name).</summary>
    public static string Chinese(PerformanceStage stage) => stage switch
    {
        PerformanceStage.MidTerm => "中期",
        PerformanceStage.Final => "终期",
        _ => stage.ToString(),
    };
}
