using Procurement.ServiceDefaults.Problems;

namespace Procurement.Tendering.Domain;

/// <summary>The texts of Tendering's rules, in English and Chinese.</summary>
internal static class TenderingMessages
{
    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        ["program_span_reversed"] = ("The program's active span ends ({1}) before it starts ({0}).", "项目有效期的结束日期（{1}）早于开始日期（{0}）。"),
        ["budget_ceiling_invalid"] = ("The budget ceiling {0} must be above zero with at most two decimals.", "最高限价 {0} 必须大于零且最多两位小数。"),
        ["service_period_reversed"] = ("The service period ends ({1}) before it starts ({0}).", "服务期的结束日期（{1}）早于开始日期（{0}）。"),
        ["service_period_outside_program"] = ("The service period must lie within the program's active span ({0} – {1}).", "服务期必须在项目有效期（{0} – {1}）之内。"),
        ["tender_not_draft"] = ("Only a draft tender can be published; this one is {0}.", "只有草稿状态的采购项目可以发布；当前状态为 {0}。"),
        ["bid_deadline_passed"] = ("The bid deadline {0} has already passed.", "投标截止时间 {0} 已过。"),
        ["bid_deadline_after_service_start"] = ("The bid deadline {0} must fall before the service starts on {1}.", "投标截止时间 {0} 必须早于服务开始日期 {1}。"),
        ["program"] = ("Service program", "服务项目"),
        ["tender"] = ("Tender", "采购项目"),
    });
}
