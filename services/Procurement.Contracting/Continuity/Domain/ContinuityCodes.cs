using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>The stable codes of continuity's refusals; each has an English and a Chinese text.</summary>
public static class ContinuityCodes
{
    public const string RangeOutsideSpan = "continuity_range_outside_span";
    public const string RangeTooLong = "continuity_range_too_long";
    public const string BridgeAlreadyDecided = "continuity_bridge_already_decided";
    public const string RenewalNotDue = "continuity_renewal_not_due";
    public const string RenewalAlreadyDecided = "continuity_renewal_already_decided";
    public const string DirectRenewalNotAllowed = "continuity_direct_renewal_not_allowed";

    /// <summary>Resource names for 404s.</summary>
    public const string Program = "continuity_program";
    public const string Purchaser = "continuity_purchaser";
    public const string BridgeProposal = "continuity_bridge_proposal";

    /// <summary>The longest timeline one request returns, in days (ten years and leap days).</summary>
    public const int LongestRangeDays = 3653;

    public static void Register() => ProblemMessages.Add(Texts);

    /// <summary>
    /// A 409: <paramref name="code"/> was already decided as <paramref name="decided"/>, named in both languages (the
    /// message's {0} is the English word, {1} the Chinese one, from <paramref name="wordPrefix"/> + the decision), and given
    /// as the extension <paramref name="extension"/>.
    /// </summary>
    public static ConflictException AlreadyDecided(string code, string wordPrefix, string decided, string extension)
    {
        var word = wordPrefix + decided;
        var conflict = new ConflictException(
            code,
            ProblemMessages.Get(System.Globalization.CultureInfo.InvariantCulture, word),
            ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), word));
        conflict.Extensions[extension] = decided;
        return conflict;
    }

    internal static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        [RangeOutsideSpan] = (
            "The range {0} to {1} is not within the program's active span, {2} to {3}.",
            "查询区间 {0} 至 {1} 不在服务项目的有效期 {2} 至 {3} 之内。"),
        [RangeTooLong] = ("A timeline covers at most {0} days; {1} to {2} is {3} days.", "时间轴最多覆盖 {0} 天；{1} 至 {2} 共 {3} 天。"),
        [Program] = ("Service program", "服务项目"),
        [Purchaser] = ("Purchasing unit", "采购单位"),
        [BridgeProposal] = ("Bridge extension proposal", "过渡期延续建议"),
        [BridgeAlreadyDecided] = ("The bridge extension proposal was already {0}.", "该过渡期延续建议已{1}。"),
        ["continuity_bridge_Approved"] = ("approved", "批准"),
        ["continuity_bridge_Declined"] = ("declined", "拒绝"),
        ["continuity_span_open"] = ("open", "长期"),
        [RenewalNotDue] = (
            "The renewal decision is taken from the renewal point, {0}; the contract is {1} and no RenewalDue was raised yet.",
            "续签决定自续签起始日 {0} 起作出；合同当前状态为 {1}，尚未发出续签提醒。"),
        [RenewalAlreadyDecided] = ("The renewal decision was already confirmed: {0}.", "续签决定已确认：{1}。"),
        [DirectRenewalNotAllowed] = (
            "path: a direct renewal needs a latest performance grade of {0} or better and fewer than {1} consecutive months with this agency; here: {2}. Confirm NewTender instead.",
            "path：直接续签须最近一次绩效等级为 {0} 或以上，且与该机构连续服务少于 {1} 个月；本合同：{3}。请改为确认重新招标（NewTender）。"),
        ["continuity_path_DirectRenewal"] = ("direct renewal", "直接续签"),
        ["continuity_path_NewTender"] = ("new tender", "重新招标"),
        ["continuity_obstacle_NoGrade"] = ("no performance grade yet", "尚无绩效等级"),
        ["continuity_obstacle_GradeBelowMinimum"] = ("the latest grade is below the minimum", "最近一次绩效等级低于要求"),
        ["continuity_obstacle_ConsecutiveCapReached"] = ("the consecutive-month cap is reached", "已达连续服务月数上限"),
    };
}
