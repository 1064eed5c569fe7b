using Procurement.ServiceDefaults.Texts;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>The texts of the tender rules, in English and Chinese. The module calls <see cref="Register"/> at startup.</summary>
internal static class RuleTexts
{
    public static void Register()
    {
        ProblemMessages.Add(Texts);
        FieldLabels.Add(Labels);
        ValueLabels.Add(new Dictionary<ProcurementMethod, (string En, string Zh)>
        {
            [ProcurementMethod.PublicTender] = ("public tender", "公开招标"),
            [ProcurementMethod.CompetitiveConsultation] = ("competitive consultation", "竞争性磋商"),
            [ProcurementMethod.SingleSource] = ("single source", "单一来源"),
        });
        ValueLabels.Add(new Dictionary<CertificateLevel, (string En, string Zh)>
        {
            [CertificateLevel.None] = ("social work assistant (no certificate)", "社工助理（未持证）"),
            [CertificateLevel.Assistant] = ("assistant social worker", "助理社会工作师"),
            [CertificateLevel.Intermediate] = ("social worker", "社会工作师"),
            [CertificateLevel.Senior] = ("senior social worker", "高级社会工作师"),
        });
    }

    /// <summary>The people's names of a rule table's fields (<c>methods[1].minimumValidBids</c> → 采购方式第2项的有效投标最低家数).</summary>
    internal static IReadOnlyDictionary<string, (string En, string Zh)> Labels { get; } = new Dictionary<string, (string En, string Zh)>
    {
        ["effectiveFrom"] = ("first day", "起始日期"),
        ["methods"] = ("procurement methods", "采购方式"),
        ["minimumBiddingDays"] = ("minimum bidding period", "最短投标期"),
        ["amendmentMarginDays"] = ("days an amendment must leave", "更正须留足天数"),
        ["minimumValidBids"] = ("minimum of valid bids", "有效投标最低家数"),
        ["regionalMinimumValidBids"] = ("regional minimum of valid bids", "地方放宽后的最低家数"),
        ["regionAdoptsAllowance"] = ("the region's allowance", "本地区采用放宽"),
        ["priceMinimumPoints"] = ("price points, minimum", "价格分下限"),
        ["priceMaximumPoints"] = ("price points, maximum", "价格分上限"),
        ["panelSteps"] = ("panel sizes", "评审小组人数档位"),
        ["budgetFrom"] = ("budget from", "预算起点"),
        ["minimumMembers"] = ("minimum members", "最少人数"),
        ["bidSecurityMaximumShare"] = ("bid security limit", "投标保证金上限"),
        ["performanceBondMaximumShare"] = ("performance bond limit", "履约保证金上限"),
        ["minimumAdvancePercent"] = ("advance minimum", "预付款下限"),
        // Pay scales (四岗十二档)
        ["posts"] = ("posts", "岗位"),
        ["post"] = ("post", "岗位"),
        ["grades"] = ("monthly pay of the grades", "各档月薪"),
    };

    internal static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        [RuleCodes.MethodTwice] = ("{0}: the method {1} appears more than once in the table.", "{0}：采购方式“{1}”在表中出现了多次。"),
        [RuleCodes.MethodMissing] = ("The table has no numbers for the method {1}; every method needs its row.", "表中缺少采购方式“{1}”的参数；每种采购方式都须有一行。"),
        [RuleCodes.MarginAboveBiddingDays] = (
            "{0} ({1} days) may not be longer than the minimum bidding period ({2} days).", "{0}（{1} 日）不得长于最短投标期（{2} 日）。"),
        [RuleCodes.AllowanceNotBelowMinimum] = (
            "{0} ({1}) must be at least 1 and below the minimum of valid bids ({2}).", "{0}（{1}）须不少于 1 且少于有效投标最低家数（{2}）。"),
        [RuleCodes.NoAllowanceToAdopt] = (
            "{0}: there is no regional allowance to adopt for this method; set the regional minimum first.", "{0}：该采购方式没有可采用的地方放宽家数，请先填写地方最低家数。"),
        [RuleCodes.PanelAndPriceTogether] = (
            "{0}: a method scored by a panel needs both the price weight bounds and the panel sizes; a method without a panel has neither.",
            "{0}：由评审小组评分的采购方式须同时设置价格分权重范围和评审小组人数；不设评审小组的方式两者都不设。"),
        [RuleCodes.PanelStepsNotRising] = (
            "{0}: the panel's budget steps start at 0 and rise from step to step.", "{0}：评审小组人数的预算档须从 0 起，并逐档递增。"),
        [RuleCodes.PanelStepEven] = ("{0} is {1}: this method's panel has an odd number of members.", "{0}为 {1}：该采购方式的评审小组人数须为单数。"),
        [RuleCodes.OutOfRange] = ("{0} is {1}; it must be between {2} and {3}.", "{0}为 {1}，须在 {2} 至 {3} 之间。"),
        [RuleCodes.BidPeriodTooShort] = (
            "The bid deadline {2} must be at least {0} days after publication: {1} Beijing time or later.",
            "投标截止时间 {2} 距发布不得少于 {0} 日，即不早于北京时间 {1}。"),
        [RuleCodes.MethodHasNoPanel] = (
            "This procurement method has no evaluation panel.",
            "该采购方式不设评审小组。"),
        [RuleCodes.PanelTooSmall] = (
            "A panel of {0} is too small: this tender needs at least {1} members.",
            "评审小组 {0} 人过少：本项目至少需要 {1} 人。"),
        [RuleCodes.PanelSizeEven] = (
            "A panel of {0} is not allowed: the panel must have an odd number of members.",
            "评审小组不能为 {0} 人：成员人数须为单数。"),
        [RuleCodes.BidSecurityAboveMaximum] = (
            "The bid security {0:0.00} CNY exceeds {2:0.##}% of the budget ceiling ({1:0.00} CNY).",
            "投标保证金 {0:0.00} 元超过最高限价的 {2:0.##}%（{1:0.00} 元）。"),
        [RuleCodes.PerformanceBondAboveMaximum] = (
            "The performance bond {0:0.00} CNY exceeds {2:0.##}% of the contract amount ({1:0.00} CNY).",
            "履约保证金 {0:0.00} 元超过合同金额的 {2:0.##}%（{1:0.00} 元）。"),

        [RuleCodes.MethodNotScored] = (
            "Single-source procurement is negotiated, not scored: it takes no evaluation scheme.",
            "单一来源采购通过协商确定成交价格，不进行评分，不适用评分办法。"),
        [RuleCodes.CriterionNameRequired] = (
            "Every evaluation criterion needs a name.",
            "每项评分因素都需要名称。"),
        [RuleCodes.CriterionPointsInvalid] = (
            "The maximum points of \"{0}\" ({1}) must be above zero with at most two decimals.",
            "评分因素“{0}”的分值（{1}）必须大于零且最多两位小数。"),
        [RuleCodes.CriterionNameDuplicate] = (
            "The criterion \"{0}\" appears more than once.",
            "评分因素“{0}”重复。"),
        [RuleCodes.PriceCriterionDuplicate] = (
            "A scheme has at most one price criterion; this one has {0}.",
            "评分办法至多包含一项价格分，当前有 {0} 项。"),
        [RuleCodes.FixedPriceScoresPrice] = (
            "A fixed-price tender does not score price: remove the price criterion \"{0}\".",
            "固定价格项目不评价格分：请删除价格因素“{0}”。"),
        [RuleCodes.PriceCriterionMissing] = (
            "The scheme needs a price criterion, unless the tender is fixed-price.",
            "评分办法必须包含价格分，固定价格项目除外。"),
        [RuleCodes.SchemeNot100] = (
            "The criteria add up to {0} points; they must add up to exactly {1}.",
            "各评分因素分值合计为 {0} 分，必须恰好为 {1} 分。"),
        [RuleCodes.PriceWeightBelowMinimum] = (
            "The price weight of {0}% is below the minimum of {1}% for this procurement method.",
            "价格分权重 {0}% 低于该采购方式的下限 {1}%。"),
        [RuleCodes.PriceWeightAboveMaximum] = (
            "The price weight of {0}% is above the maximum of {1}% for this procurement method.",
            "价格分权重 {0}% 高于该采购方式的上限 {1}%。"),
        [RuleCodes.StaffingCountNegative] = (
            "A staffing count cannot be negative ({0}).",
            "人员要求的人数不能为负数（{0}）。"),
        [RuleCodes.StaffingIntermediateExceedsCertified] = (
            "{0} intermediate-or-above workers cannot be more than the {1} certified workers they are part of.",
            "中级及以上社会工作者 {0} 人不能多于其所属的持证社会工作者 {1} 人。"),

        [RuleCodes.InstalmentPercentInvalid] = (
            "An instalment percentage ({0}) must be above zero with at most two decimals.",
            "每期拨付比例（{0}）必须大于零且最多两位小数。"),
        [RuleCodes.PaymentScheduleNot100] = (
            "The instalments add up to {0}%; they must add up to exactly {1}%.",
            "各期拨付比例合计为 {0}%，必须恰好为 {1}%。"),
        [RuleCodes.AdvanceMissing] = (
            "The first instalment must be the advance, due at activation or at the start of a bridge extension, not at {0}.",
            "第一期必须是预付款，在合同生效或过渡期开始时拨付，而不是 {0}。"),
        [RuleCodes.AdvanceBelowMinimum] = (
            "The advance of {0}% is below the minimum of {1}%.",
            "预付款比例 {0}% 低于下限 {1}%。"),
        [RuleCodes.PaymentConditionsOutOfOrder] = (
            "Instalments follow the contract: one advance, then at most one after the mid-term and one after the final evaluation, in that order ({0} is out of place).",
            "拨付须按合同进程：一期预付款，其后中期评估通过与终期评估通过各至多一期，且依次排列（{0} 位置不符）。"),

        [RuleCodes.KpiNameRequired] = (
            "Every KPI needs a name.",
            "每项绩效指标都需要名称。"),
        [RuleCodes.KpiUnitRequired] = (
            "The KPI \"{0}\" needs a unit.",
            "绩效指标“{0}”需要计量单位。"),
        [RuleCodes.KpiTargetNegative] = (
            "The target of the KPI \"{0}\" cannot be negative ({1}).",
            "绩效指标“{0}”的目标值不能为负数（{1}）。"),
        [RuleCodes.KpiDuplicate] = (
            "The KPI \"{0}\" appears more than once.",
            "绩效指标“{0}”重复。"),

        [RuleCodes.PersonnelShareInvalid] = (
            "The minimum personnel share {0} must be above 0 and at most 1, in whole percent (e.g. 0.60).",
            "人员费用最低占比 {0} 必须大于 0 且不超过 1，精确到百分之一（如 0.60）。"),
        [RuleCodes.PayFloorInvalid] = (
            "The pay floor for {0} ({1}) must be above zero with at most two decimals.",
            "{0}的最低月薪（{1}）必须大于零且最多两位小数。"),
        [RuleCodes.PayFloorDuplicate] = (
            "The pay floor for {0} is set more than once.",
            "{0}的最低月薪重复设置。"),
        [RuleCodes.PayScalePostTwice] = ("{0}: the post {1} appears more than once in the scale.", "{0}：岗位“{1}”在薪酬表中出现了多次。"),
        [RuleCodes.PayScalePostMissing] = ("The scale has no pay for the post {1}; every post needs its row.", "薪酬表缺少岗位“{1}”的月薪；每个岗位都须有一行。"),
        [RuleCodes.PayScaleGradeCount] = ("{0}: a post has {1} grades; this one has {2}.", "{0}：每个岗位须有 {1} 档，此处为 {2} 档。"),
        [RuleCodes.PayScalePayInvalid] = (
            "{0} is {1}: a monthly pay is above zero, at most {2}, in whole fen.", "{0}为 {1}：月薪须大于零、不超过 {2}，精确到分。"),
        [RuleCodes.PayScaleGradesNotRising] = (
            "{0} is {1}: each grade pays more than the one below it ({2}).", "{0}为 {1}：每一档须高于下一档（{2}）。"),
        [RuleCodes.PayFloorBelowScale] = (
            "The pay floor for {0} ({1}) is below the pay scale of {3} for the tender's region and service year: at least {2}.",
            "{0}的最低月薪（{1}）低于本项目所在地区、服务年度（{3} 年）的薪酬指导标准，不得低于 {2}。"),
    };
}
