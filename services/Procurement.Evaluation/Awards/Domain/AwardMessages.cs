using Procurement.ServiceDefaults.Problems;

namespace Procurement.Evaluation.Awards.Domain;

/// <summary>The texts of the award, challenge, calendar and performance rules, in English and Chinese.</summary>
internal static class AwardMessages
{
    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        // Calendar.
        [AwardCodes.CalendarYearNotConfigured] = ("{0} is not a configured year of the working-day calendar; configure the year first (PUT /api/evaluations/calendar/years/{0}).",
            "工作日历尚未配置 {0} 年，请先配置该年份（PUT /api/evaluations/calendar/years/{0}）。"),
        [AwardCodes.CalendarMakeUpDayNotWeekend] = ("{0} is a weekday; only a Saturday or Sunday can be a make-up working day.",
            "{0}是工作日（周一至周五），只有星期六或星期日才能设为调休上班日。"),
        [AwardCodes.CalendarYearOutOfRange] = ("The calendar keeps years between {1} and {2}; {0} is not one of them.", "工作日历只能配置 {1} 至 {2} 年，{0} 不在此范围内。"),
        [AwardCodes.WorkingDaysOutOfRange] = ("{0} must be between 0 and {1}.", "{0}须在 0 至 {1} 之间。"),
        ["calendar_day_kind"] = ("{0} must be Holiday or MakeUpWorkday.", "{0}必须为 Holiday（节假日）或 MakeUpWorkday（调休上班日）。"),

        // Award.
        [AwardCodes.AwardNotRecommended] = ("The award is already {0}; it can be confirmed only once, while it is a recommendation.",
            "该授标已{1}；只能在推荐状态下确认一次。"),
        [AwardCodes.AwardCancelled] = ("The tender was cancelled; its award is void.", "该采购项目已取消，授标无效。"),
        [AwardCodes.AwardBidNotRanked] = ("Bid {0} is not in the panel's ranking; only a ranked (valid) bid can be awarded.",
            "投标 {0} 不在评审排名中，只能授予排名内的有效投标。"),
        [AwardCodes.AwardReasonRequired] = ("The chosen bid is ranked {0}, not 1: give the written reason for not awarding the recommended bid.",
            "所选投标排名第 {0} 名而非第 1 名：请书面说明不授予推荐中标人的理由。"),
        [AwardCodes.AwardTenderTermsUnknown] = ("The tender's terms have not reached Evaluation yet; try again shortly.",
            "评审服务尚未收到该采购项目的条款，请稍后再试。"),

        // Challenges.
        [AwardCodes.ChallengeBeforePublication] = ("The result has not been published yet; a challenge can be lodged once it is.",
            "评审结果尚未公告，公告后方可提出质疑。"),
        [AwardCodes.ChallengeWindowClosed] = ("The challenge window's last day was {0}; it has closed and takes no more challenges.",
            "质疑期最后一日为 {0}，质疑期已结束，不能再提出质疑。"),
        [AwardCodes.ChallengeNotABidder] = ("Only an agency that bid on this tender can challenge its result.", "只有参与本项目投标的机构才能对结果提出质疑。"),
        [AwardCodes.ChallengeAlreadyAnswered] = ("This challenge has already been answered.", "该质疑已答复。"),

        // Performance.
        [AwardCodes.IndicatorWeightsSum] = ("The indicator weights sum to {0}; they must sum to exactly {1}.", "指标权重合计为 {0}，必须恰好等于 {1}。"),
        [AwardCodes.IndicatorWeightRange] = ("The weight {0} must be above 0 and at most {1}, with at most two decimals.",
            "权重 {0} 必须大于 0、不超过 {1}，且最多两位小数。"),
        [AwardCodes.IndicatorsDoNotMatch] = ("Give one weight for each indicator of the contract, once each: {0}.", "须为合同的每项指标各填写一次权重：{0}。"),
        [AwardCodes.IndicatorWeightsLocked] = ("An evaluation has been submitted; the indicator weights can no longer change.", "已提交绩效评估，指标权重不能再修改。"),
        [AwardCodes.EvaluatorNotAssigned] = ("Your organisation is not the evaluator assigned to the {0} evaluation of this contract.",
            "您所在单位不是本合同{1}评估的指定评估方。"),
        [AwardCodes.StageAlreadyEvaluated] = ("The {0} evaluation of this contract has already been submitted.", "本合同的{1}评估已提交。"),
        [AwardCodes.ScoresDoNotMatchIndicators] = ("Score each indicator of the contract once: {0}.", "须对合同的每项指标各评分一次：{0}。"),
        [AwardCodes.ScoreOutOfRange] = ("The score {1} for \"{0}\" must be between 0 and {2}, with at most two decimals.",
            "“{0}”的得分 {1} 须在 0 至 {2} 之间，且最多两位小数。"),
        [AwardCodes.ContractEnded] = ("The contract has ended ({0}); it takes no more evaluations or changes.", "合同已结束（{0}），不再接受评估或修改。"),

        // Resource names for 404s.
        ["award"] = ("Award of tender", "采购项目的授标"),
        ["challenge"] = ("Challenge", "质疑"),
        ["contract_under_evaluation"] = ("Contract", "合同"),
        ["calendar_day"] = ("Calendar day", "日历日期"),
    });

    /// <summary>A stage as the Chinese texts name it (the English texts use the enum name).</summary>
    public static string Chinese(PerformanceStage stage) => stage switch
    {
        PerformanceStage.MidTerm => "中期",
        PerformanceStage.Final => "终期",
        _ => stage.ToString(),
    };

    /// <summary>An award status as the Chinese texts name it.</summary>
    public static string Chinese(AwardStatus status) => status switch
    {
        AwardStatus.Recommended => "处于推荐状态",
        AwardStatus.Published => "公告",
        AwardStatus.Confirmed => "确认",
        AwardStatus.Cancelled => "取消",
        _ => status.ToString(),
    };
}
