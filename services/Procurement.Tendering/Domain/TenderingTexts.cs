using Procurement.ServiceDefaults.Texts;

namespace Procurement.Tendering.Domain;

/// <summary>The texts of Tendering's rules, in English and Chinese.</summary>
internal static class TenderingTexts
{
    public static void Register() => ProblemMessages.Add(Texts);

    internal static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        ["program_span_reversed"] = ("The program's active span ends ({1}) before it starts ({0}).", "项目有效期的结束日期（{1}）早于开始日期（{0}）。"),
        ["budget_ceiling_invalid"] = ("The budget ceiling {0} must be above zero with at most two decimals.", "最高限价 {0} 必须大于零且最多两位小数。"),
        ["service_period_reversed"] = ("The service period ends ({1}) before it starts ({0}).", "服务期的结束日期（{1}）早于开始日期（{0}）。"),
        ["service_period_outside_program"] = ("The service period must lie within the program's active span ({0} – {1}).", "服务期必须在项目有效期（{0} – {1}）之内。"),
        ["tender_not_draft"] = ("Only a draft tender can be published; this one is {0}.", "只有草稿状态的采购项目可以发布；当前状态为 {0}。"),
        ["bid_deadline_passed"] = ("The bid deadline {0} has already passed.", "投标截止时间 {0} 已过。"),
        ["bid_deadline_after_service_start"] = ("The bid deadline {0} must fall before the service starts on {1}.", "投标截止时间 {0} 必须早于服务开始日期 {1}。"),
        ["tender_not_editable"] = ("Only a draft tender can be edited; this one is {0}. A published tender changes by amendment.", "只有草稿状态的采购项目可以修改；当前状态为 {0}。已发布的项目只能通过更正公告变更。"),
        ["tender_program_fixed"] = ("A tender stays with the service program it was drafted for.", "采购项目不能改换所属的服务项目。"),
        ["service_description_too_long"] = ("The service description may have at most {0} characters; it has {1}.", "服务内容（项目概况）最多 {0} 个字符，当前 {1} 个。"),
        ["eligibility_blank"] = ("An eligibility requirement cannot be blank.", "资格要求不能为空。"),
        ["evaluation_scheme_needs_method"] = ("Choose the procurement method before the evaluation scheme: its price weight depends on it.", "请先选择采购方式再设置评分办法：价格分权重取决于采购方式。"),
        ["bid_security_invalid"] = ("The bid security {0} must be above zero with at most two decimals.", "投标保证金 {0} 必须大于零且最多两位小数。"),
        ["single_source_justification_required"] = (
            "A single-source tender (单一来源) is allowed only as a direct renewal of a contract (predecessorContractId) or with a written "
            + "justification auditors can read (singleSourceJustification).",
            "单一来源采购仅限于合同直接续签（填写 predecessorContractId）或附有可供审计查阅的书面理由（填写 singleSourceJustification）。"),
        ["tender_incomplete"] = ("The tender cannot be published until it has: {0}.", "采购项目尚缺以下内容，不能发布：{0}。"),
        ["required_to_publish"] = ("{0} is required to publish the tender.", "发布采购项目须填写 {0}。"),
        ["tender_not_published"] = ("Only a tender open for bids can close; this one is {0}.", "只有正在接受投标的采购项目可以截标；当前状态为 {0}。"),
        ["bid_deadline_not_reached"] = ("Bidding closes at the deadline {0}, not before.", "投标须至截止时间 {0} 方可截止，不得提前。"),
        ["tender_not_cancellable"] = ("A tender that is {0} can no longer be cancelled.", "状态为 {0} 的采购项目不能再终止。"),
        ["cancellation_reason_required"] = ("Say why the tender is cancelled.", "终止采购项目须说明理由。"),
        ["question_text_required"] = ("Write the question.", "请填写问题内容。"),
        ["answer_text_required"] = ("Write the answer.", "请填写答复内容。"),
        ["question_already_answered"] = ("The question has already been answered; publish a further clarification as an amendment.", "该问题已答复；如需进一步澄清，请发布更正公告。"),
        ["amendment_description_required"] = ("Describe what the amendment changes.", "请说明更正的内容。"),
        ["amendment_changes_nothing"] = ("An amendment must change at least one part of the tender.", "更正公告至少须变更采购项目的一项内容。"),
        ["amendment_deadline_below_minimum"] = ("The bid deadline may not be set below the method's minimum of {0} days from publication: not before {1} (asked: {2}).", "投标截止时间不得早于自发布之日起的法定最短期限 {0} 日：不得早于 {1}（所设：{2}）。"),
        ["amendment_deadline_after_service_start"] = ("After this change the bid deadline would be {0}, not before the service starts on {1}; move the service start or change less.", "变更后投标截止时间为 {0}，不早于服务开始日期 {1}；请推迟服务开始日期或调整变更内容。"),
        ["document_too_large"] = ("The document is {0} bytes; at most {1} bytes (20 MB) are accepted.", "文件大小为 {0} 字节；最大允许 {1} 字节（20 MB）。"),
        ["document_type_unsupported"] = ("Only PDF, DOCX and XLSX documents are accepted, not \"{0}\".", "仅接受 PDF、DOCX 和 XLSX 文件，不接受“{0}”。"),
        ["document_type_mismatch"] = ("The file \"{0}\" is named as {1} but its content is not a {1} document.", "文件“{0}”的扩展名为 {1}，但其内容不是 {1} 文件。"),
        ["document_empty"] = ("The upload holds no file.", "上传内容中没有文件。"),
        ["tender_documents_closed"] = ("Documents can be added only to a draft or published tender; this one is {0}.", "只有草稿或已发布状态的采购项目可以添加文件；当前状态为 {0}。"),
        ["question"] = ("Question", "问题"),
        ["document"] = ("Document", "文件"),
        ["program_span_excludes_tenders"] = ("The new span would leave {0} tender(s) of the program outside it (service from {1} to {2}).", "新的有效期将使本项目下 {0} 个采购项目的服务期（{1} 至 {2}）超出范围。"),
        ["program"] = ("Service program", "服务项目"),
        ["tender"] = ("Tender", "采购项目"),
        ["ocds_record"] = ("Open-data record (ocid)", "开放数据记录 (ocid)"),
        ["ocds_year"] = ("Open-data file of the year (a year without releases has none)", "开放数据年度文件（无发布记录的年份没有文件）"),
        ["ocds_extension_file"] = ("File of the open data's evaluator extension", "开放数据评估方扩展的文件"),
    };
}
