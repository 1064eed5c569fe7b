using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>The texts of the expert pool, panel, compliance and scoring rules, in English and Chinese.</summary>
internal static class EvaluationTexts
{
    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        // Panel draw.
        [EvaluationCodes.TenderHasNoPanel] = ("This tender's procurement method is not evaluated by a panel.", "该项目的采购方式不组建评审小组。"),
        [EvaluationCodes.PanelTooSmall] = ("A panel of {0} is too small: this tender needs at least {1} members.", "评审小组 {0} 人过少：本项目至少需要 {1} 人。"),
        [EvaluationCodes.PanelSizeEven] = ("A panel of {0} is not allowed: the panel must have an odd number of members.", "评审小组不能为 {0} 人：成员人数须为单数。"),
        [EvaluationCodes.PanelTooFewExperts] = ("{0} experts on a panel of {1} is too few: experts must be at least {3}/{4} of the panel, i.e. {2}.",
            "{1} 人的评审小组中专家仅 {0} 人：专家不得少于成员总数的 {3}/{4}，即 {2} 人。"),
        [EvaluationCodes.PanelNotEnoughCandidates] = ("Only {0} experts in the pool can sit on this panel (right service domain, available, no conflict); {1} are needed.",
            "专家库中仅有 {0} 名专家可参加本次评审（服务领域相符、可参评、无利害关系），需要 {1} 名。"),
        [EvaluationCodes.PanelAlreadyDrawn] = ("A panel has already been drawn for this tender.", "本项目已抽取评审小组。"),
        [EvaluationCodes.PanelNotDrawn] = ("No panel has been drawn for this tender yet.", "本项目尚未抽取评审小组。"),
        [EvaluationCodes.ProgramDomainUnknown] = ("The service domain of this tender's program is not known to Evaluation yet; try again shortly.",
            "评审服务尚未获知本项目所属服务项目的服务领域，请稍后重试。"),
        [EvaluationCodes.NotPanelMember] = ("Only a member of this tender's evaluation panel may do this.", "只有本项目评审小组成员可以执行此操作。"),
        [EvaluationCodes.PanelHiddenFromAgencies] = ("The evaluation panel's members are not disclosed to agencies.", "评审小组成员名单不向投标机构公开。"),
        [EvaluationCodes.NoReplacementCandidate] = ("No other expert in the pool can replace you on the panel of tender {0}; ask the purchaser to redraw.",
            "专家库中已无其他专家可替换您参加项目 {0} 的评审，请联系采购人重新抽取。"),

        // Stages.
        [EvaluationCodes.BidsNotOpened] = ("The bids of this tender have not been opened yet.", "本项目尚未开标。"),
        [EvaluationCodes.EvaluationClosed] = ("The evaluation of this tender is over ({0}).", "本项目评审已结束（{0}）。"),
        [EvaluationCodes.ComplianceClosed] = ("The compliance review of this tender is finished; verdicts can no longer change.", "本项目资格性、符合性审查已结束，结论不可再修改。"),
        [EvaluationCodes.ScoringNotOpen] = ("Scoring starts once every opened bid has passed or failed the compliance review.", "所有开标投标的资格性、符合性审查完成后方可评分。"),

        // Compliance review.
        [EvaluationCodes.EligibilityNotJudged] = ("The eligibility requirement \"{0}\" has not been judged.", "资格要求“{0}”尚未评判。"),
        [EvaluationCodes.EligibilityUnknown] = ("{0}: \"{1}\" is not one of this tender's eligibility requirements.", "{0}：“{1}”不是本项目的资格要求。"),
        [EvaluationCodes.ReasonRequired] = ("{0} needs a written reason.", "{0}须填写书面理由。"),

        // Scoring.
        [EvaluationCodes.BidNotValid] = ("This bid failed the compliance review and is not scored.", "该投标未通过资格性、符合性审查，不予评分。"),
        [EvaluationCodes.BidNotReviewed] = ("This bid has not been through the compliance review yet; it has no score sheets.", "该投标尚未完成资格性、符合性审查，尚无评分表。"),
        [EvaluationCodes.SheetAlreadySubmitted] = ("You have already submitted your score sheet for this bid.", "您已提交该投标的评分表。"),
        [EvaluationCodes.ScoreOutOfRange] = ("The score {1} for \"{0}\" must be between 0 and {2}.", "“{0}”的得分 {1} 须在 0 至 {2} 之间。"),
        [EvaluationCodes.ScoreCriterionMissing] = ("The sheet has no score for \"{0}\".", "评分表缺少“{0}”的得分。"),
        [EvaluationCodes.ScoreCriterionUnknown] = ("\"{0}\" is not a criterion scored by the panel in this tender.", "“{0}”不是本项目由评审小组打分的评分因素。"),
        [EvaluationCodes.ScoreCriterionComputed] = ("\"{0}\" is computed from the agencies' performance grades and is not scored on a sheet.",
            "“{0}”由平台根据机构的绩效评估等级计算，不在评分表中打分。"),
        [EvaluationCodes.ScoreOutlierNeedsReason] = ("These scores differ from the panel median by more than {1} of the criterion's maximum and need a written reason: {0}.",
            "以下得分与评审小组中位数的差距超过该评分因素满分的 {1}，须填写书面理由：{0}。"),
        [EvaluationCodes.SubmitOwnSheetFirst] = ("Submit your own score sheet for this bid before reading the other members' sheets.",
            "请先提交您本人对该投标的评分表，再查看其他成员的评分表。"),

        // Expert pool.
        [EvaluationCodes.ExpertProfileMissing] = ("You are not registered in the expert pool; ask the platform administrator.", "您尚未登记在专家库中，请联系平台管理员。"),
        [EvaluationCodes.EvaluatorAlreadyAnExpert] = ("The evaluator user {0} already belongs to another expert.", "评审用户 {0} 已关联其他专家。"),
        [EvaluationCodes.EmploymentSpanReversed] = ("The employment at {0} ends ({2}) before it starts ({1}).", "在 {0} 的任职结束日期（{2}）早于开始日期（{1}）。"),
        [EvaluationCodes.ConflictTargetRequired] = ("A conflict is declared against exactly one agency or one tender.", "利害关系申报须且只能针对一个机构或一个项目。"),

        // Resource names for 404s.
        ["expert"] = ("Expert", "专家"),
        ["evaluation"] = ("Evaluation of tender", "项目评审"),
        ["evaluated_bid"] = ("Bid", "投标"),
        ["score_sheet"] = ("Score sheet", "评分表"),
    });
}
