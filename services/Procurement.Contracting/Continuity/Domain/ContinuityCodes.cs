using Procurement.ServiceDefaults.Problems;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>The stable codes of continuity's refusals; each has an English and a Chinese text.</summary>
public static class ContinuityCodes
{
    public const string RangeOutsideSpan = "continuity_range_outside_span";
    public const string RangeTooLong = "continuity_range_too_long";
    public const string BridgeAlreadyDecided = "continuity_bridge_already_decided";

    /// <summary>Resource names for 404s.</summary>
    public const string Program = "continuity_program";
    public const string Purchaser = "continuity_purchaser";
    public const string BridgeProposal = "continuity_bridge_proposal";

    /// <summary>The longest timeline one request returns, in days (ten years and leap days).</summary>
    public const int LongestRangeDays = 3653;

    public static void Register() => ProblemMessages.Add(Texts);

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
    };
}
