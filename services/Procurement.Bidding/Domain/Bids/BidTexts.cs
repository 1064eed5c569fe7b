using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>The texts of the bid rules, in English and Chinese. Call <see cref="Register"/> once at startup.</summary>
public static class BidTexts
{
    public static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        // 422: content rules.
        [BidCodes.PriceNotPositive] = ("The price must be greater than zero; {0} is not.", "投标报价必须大于零，{0} 不符合要求。"),
        [BidCodes.AmountNotTwoDecimals] = ("{0} must have at most two decimal places (CNY); {1} has more.", "{0}最多保留两位小数（人民币元），{1} 超出。"),
        [BidCodes.PriceAboveCeiling] = ("The price {0} is above the tender's budget ceiling of {1}.", "投标报价 {0} 超过采购项目最高限价 {1}。"),
        [BidCodes.FixedPriceNotCeiling] = (
            "This tender is fixed-price: the bid price {0:0.00} CNY must equal the budget ceiling {1:0.00} CNY.",
            "本项目为固定价格：投标报价 {0:0.00} 元必须等于最高限价 {1:0.00} 元。"),
        [BidCodes.CostNegative] = ("{0} cannot be negative; it is {1}.", "{0}不能为负数，当前为 {1}。"),
        [BidCodes.CostBreakdownNotPrice] = ("The cost breakdown adds up to {0}, but the price is {1}; the two must be equal to the fen.",
            "费用明细合计 {0}，与投标报价 {1} 不一致；两者须精确到分相等。"),
        [BidCodes.TechnicalProposalRequired] = ("The bid needs a technical proposal.", "投标文件须包含技术方案。"),
        [BidCodes.StaffingWorkerNotOnRoster] = ("Worker {0} is not on your agency's roster.", "人员 {0} 不在本机构人员名册中。"),
        [BidCodes.StaffingWorkerInactive] = ("{0} has been taken off the active roster and cannot be planned.", "{0}已从在岗名册中停用，不能列入人员配置。"),
        [BidCodes.StaffingWorkerRepeated] = ("{0} is listed more than once in the staffing plan.", "{0}在人员配置中重复列出。"),
        [BidCodes.StaffingFteOutOfRange] = ("{0}'s FTE must be more than 0 and at most 1.0; it is {1}.", "{0}的投入比例（FTE）须大于 0 且不超过 1.0，当前为 {1}。"),
        [BidCodes.StaffingFtePrecision] = ("{0}'s FTE has at most two decimal places (e.g. 0.25); {1} has more.", "{0}的投入比例（FTE）最多两位小数（如 0.25），{1} 超出。"),
        [BidCodes.StaffingPayNotPositive] = ("{0}'s monthly pay must be greater than zero.", "{0}的月薪必须大于零。"),
        [BidCodes.StaffingRequirementNotMet] = (
            "The staffing plan does not meet the tender's staffing requirement: certified social workers {0} of {1} required, "
            + "intermediate level or above {2} of {3}, supervisors {4} of {5}.",
            "人员配置未达到采购项目的人员要求：持证社工 {0} 人（要求 {1} 人），中级及以上 {2} 人（要求 {3} 人），督导 {4} 人（要求 {5} 人）。"),
        [BidCodes.AbnormallyLowNeedsExplanation] = (
            "This bid is abnormally low ({0} reason(s): the personnel share under the tender's minimum, or {1} planned worker(s) paid below "
            + "the pay floor for their level). It may still be submitted, with a written explanation the evaluation panel can read.",
            "本投标属于异常低价（{0} 项原因：人员费用占比低于采购项目要求，或 {1} 名拟派人员的月薪低于其等级的薪酬下限）。"
            + "仍可提交，但须附书面说明供评审委员会审阅。"),
        [BidCodes.FteOverCommitment] = (
            "One person's time across active contracts and open bids may not exceed 1.0 FTE; this staffing plan would exceed it for {0} of your worker(s) (already committed + this plan = total (+ over)): {1}.",
            "同一人员在所有在履行合同和未开标投标中的投入合计不得超过 1.0 FTE；本人员配置将使贵机构 {0} 人超出（已投入 + 本次 = 合计（+ 超出））：{1}。"),

        // Abnormally-low reasons, shown to the agency and the panel.
        [BidCodes.PersonnelShareBelowMinimum] = ("Personnel costs are a share of {0} of the price, under the tender's minimum of {1}.",
            "人员费用占报价的比例为 {0}，低于采购项目要求的 {1}。"),
        [BidCodes.PayBelowFloor] = ("A planned worker's monthly pay of {0} is below the pay floor of {1} for their level and FTE.",
            "一名拟派人员的月薪 {0} 低于其等级及投入比例对应的薪酬下限 {1}。"),

        // 409: state.
        [BidCodes.BidWithdrawn] = ("This bid has been withdrawn; submit a new bid instead.", "该投标已撤回，请重新提交投标。"),
        [BidCodes.BidSealedUntilOpening] = ("Bids stay sealed until the opening at the deadline, {0}.", "投标在截止时间 {0} 开标前保持密封。"),
        [BidCodes.BiddingStillOpen] = ("Bids are opened at the deadline, {0}, not before.", "开标须在截止时间 {0} 之后进行。"),
        [BidCodes.BidNotOpenable] = ("Only a submitted (or confirmed) bid is opened; this one is {0}.", "只有已提交（或已确认）的投标才能开标，该投标状态为 {0}。"),

        [BidCodes.BidAlreadySubmitted] = ("Your agency already has a bid for this tender; revise it or withdraw it first.",
            "本机构已对该项目投标；请修改该投标或先撤回。"),
        [BidCodes.AgencyProfileRequiredToBid] = ("Register the agency profile (PUT /api/agencies/me) before bidding.",
            "请先登记机构信息（PUT /api/agencies/me），再投标。"),

        // 422
        [BidCodes.AgencySuspended] = ("The platform administrator suspended your agency's registration, so it cannot bid until reinstated. Reason: {0}",
            "平台管理员已暂停本机构的注册，恢复前不能投标。原因：{0}"),

        // 403
        [BidCodes.AgencyDebarred] = ("Your agency is barred from bidding today.", "本机构目前处于禁止参与政府采购期间，不能投标。"),
        [BidCodes.BidOwnerOnly] = ("Before the opening only the bidding agency may read its bid.", "开标前只有投标机构本身可以查看其投标内容。"),

        // Resource names for 404s.
        ["bid"] = ("Bid", "投标"),
        ["tender"] = ("Tender", "采购项目"),
        ["opening_record"] = ("Opening record", "开标记录"),
    };

    public static void Register() => ProblemMessages.Add(Texts);
}
