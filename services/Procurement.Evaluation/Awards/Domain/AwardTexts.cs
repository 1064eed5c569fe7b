using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Awards.Domain;

/// <summary>The texts of the award, challenge and calendar rules, in English and Chinese.</summary>
internal static class AwardTexts
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

        // Resource names for 404s.
        ["award"] = ("Award of tender", "采购项目的授标"),
        ["challenge"] = ("Challenge", "质疑"),
        ["calendar_day"] = ("Calendar day", "日历日期"),
    });

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
