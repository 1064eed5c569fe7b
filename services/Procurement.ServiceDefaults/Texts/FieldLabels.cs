using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Procurement.ServiceDefaults.Texts;

/// <summary>
/// A request field named in a message: the JSON path the caller sent (<c>contacts[0].phone</c>), shown to people by its
/// label in their language (联系人第1项的电话 / phone of contacts item 1) rather than as the raw path. The field's key in
/// a ProblemDetails <c>errors</c> map stays the path, so a form still puts the message beside the right input.
/// </summary>
public sealed record FieldName(string Path)
{
    public override string ToString() => Path;
}

/// <summary>
/// The people's names of request fields, by the last segment of the path (the JSON property name). A name not listed
/// shows as it was sent, so nothing is ever lost; modules may add their own with <see cref="Add"/>.
/// </summary>
public static partial class FieldLabels
{
    private static readonly ConcurrentDictionary<string, (string En, string Zh)> Labels = new(StringComparer.OrdinalIgnoreCase);

    static FieldLabels()
    {
        Add(new Dictionary<string, (string En, string Zh)>
        {
            ["abnormallyLowExplanation"] = ("explanation of the low price", "异常低价说明"),
            ["activeFrom"] = ("active from", "生效日期"),
            ["activeUntil"] = ("active until", "截止日期"),
            ["address"] = ("address", "地址"),
            ["amount"] = ("amount", "金额"),
            ["amountPaid"] = ("amount paid", "已付金额"),
            ["answer"] = ("answer", "答复"),
            ["available"] = ("availability", "是否可用"),
            ["bidDeadline"] = ("bid deadline", "投标截止时间"),
            ["bidSecurity"] = ("bid security", "投标保证金"),
            ["body"] = ("request body", "请求体"),
            ["budgetCeiling"] = ("budget ceiling", "预算上限"),
            ["certificateLevel"] = ("certificate level", "证书等级"),
            ["certificateNumber"] = ("certificate number", "证书编号"),
            ["comment"] = ("comment", "评语"),
            ["condition"] = ("payment condition", "付款条件"),
            ["contacts"] = ("contacts", "联系人"),
            ["content"] = ("content", "内容"),
            ["costs"] = ("cost breakdown", "成本明细"),
            ["criteria"] = ("criteria", "评分项"),
            ["criterion"] = ("criterion", "评分项"),
            ["culture"] = ("language", "语言"),
            ["decision"] = ("decision", "决定"),
            ["description"] = ("description", "说明"),
            ["eligibility"] = ("eligibility requirements", "资格要求"),
            ["email"] = ("e-mail", "电子邮箱"),
            ["employment"] = ("employment history", "从业经历"),
            ["end"] = ("end date", "结束日期"),
            ["evaluationScheme"] = ("evaluation scheme", "评分办法"),
            ["evaluatorOrganisationId"] = ("evaluation organisation", "评估机构"),
            ["evaluatorUserId"] = ("evaluator", "评估人员"),
            ["file"] = ("file", "文件"),
            ["fiscalYear"] = ("fiscal year", "预算年度"),
            ["from"] = ("from", "起始日期"),
            ["hours"] = ("hours", "学时"),
            ["idNumber"] = ("ID number", "身份证号"),
            ["indicator"] = ("indicator", "指标"),
            ["indicators"] = ("indicators", "指标"),
            ["instalments"] = ("instalments", "付款期次"),
            ["kind"] = ("kind", "类型"),
            ["legalRepresentative"] = ("legal representative", "法定代表人"),
            ["kpis"] = ("performance indicators", "绩效指标"),
            ["maxPoints"] = ("maximum points", "满分"),
            ["met"] = ("met", "是否满足"),
            ["monthlyPay"] = ("monthly pay", "月薪"),
            ["months"] = ("months", "月数"),
            ["name"] = ("name", "名称"),
            ["note"] = ("note", "备注"),
            ["organisationId"] = ("organisation", "单位"),
            ["organisationName"] = ("organisation name", "单位名称"),
            ["outlierReason"] = ("reason for the outlying score", "偏离评分理由"),
            ["payFloors"] = ("pay floors", "薪酬下限"),
            ["paymentSchedule"] = ("payment schedule", "付款计划"),
            ["percent"] = ("percentage", "比例"),
            ["phone"] = ("phone", "电话"),
            ["points"] = ("points", "分值"),
            ["predecessorContractId"] = ("preceding contract", "前序合同"),
            ["price"] = ("price", "报价"),
            ["procurementMethod"] = ("procurement method", "采购方式"),
            ["programId"] = ("service program", "服务项目"),
            ["provisional"] = ("provisional", "暂定"),
            ["purchasingUnitId"] = ("purchasing unit", "采购单位"),
            ["question"] = ("question", "问题"),
            ["reason"] = ("reason", "理由"),
            ["reasonCode"] = ("reason code", "原因代码"),
            ["reasons"] = ("reasons", "理由"),
            ["region"] = ("region", "地区"),
            ["registrationAuthority"] = ("registration authority", "登记管理机关"),
            ["registrationDate"] = ("registration date", "登记日期"),
            ["rejections"] = ("rejections", "不合格项"),
            ["representatives"] = ("representatives", "代表"),
            ["requirement"] = ("requirement", "要求"),
            ["score"] = ("score", "得分"),
            ["scores"] = ("scores", "评分"),
            ["serviceDomain"] = ("service domain", "服务领域"),
            ["serviceDomains"] = ("service domains", "服务领域"),
            ["serviceEnd"] = ("service end", "服务结束日期"),
            ["serviceStart"] = ("service start", "服务开始日期"),
            ["singleSourceJustification"] = ("single-source justification", "单一来源理由"),
            ["size"] = ("size", "大小"),
            ["staffing"] = ("staffing plan", "人员配置"),
            ["staffingRequirement"] = ("staffing requirement", "人员配置要求"),
            ["status"] = ("status", "状态"),
            ["target"] = ("target", "目标值"),
            ["technicalProposal"] = ("technical proposal", "技术方案"),
            ["tenderId"] = ("tender", "采购项目"),
            ["text"] = ("text", "内容"),
            ["title"] = ("title", "标题"),
            ["to"] = ("to", "截止日期"),
            ["trainingHours"] = ("training hours", "培训学时"),
            ["unifiedSocialCreditCode"] = ("unified social credit code", "统一社会信用代码"),
            ["unit"] = ("unit", "单位"),
            ["version"] = ("version", "版本"),
            ["weight"] = ("weight", "权重"),
            ["year"] = ("year", "年度"),
        });
    }

    public static void Add(IReadOnlyDictionary<string, (string En, string Zh)> labels)
    {
        foreach (var (name, label) in labels)
        {
            Labels[name] = label;
        }
    }

    /// <summary>
    /// The field's name for people: <c>serviceStart</c> → 服务开始日期 / service start; <c>contacts[0].phone</c> →
    /// 联系人第1项的电话 / phone of contacts item 1 (items counted from 1); a path with an unknown name as sent.
    /// </summary>
    public static string Of(string path, CultureInfo culture) => TryLabel(path, culture, out var label) ? label : path;

    /// <summary>The field's label, or false when the path names a field (or a list) without one.</summary>
    public static bool TryLabel(string path, CultureInfo culture, out string label)
    {
        ArgumentNullException.ThrowIfNull(path);
        label = path;
        var chinese = ProblemMessages.IsChinese(culture);
        var segments = path.Split('.');
        var leaf = Segment(segments[^1]);
        if (!Labels.TryGetValue(leaf.Name, out var leafLabel))
        {
            return false;
        }

        var own = chinese ? leafLabel.Zh : leafLabel.En;
        if (leaf.Index is { } ownIndex)
        {
            own = chinese ? $"{own}第{ownIndex + 1}项" : $"{own} item {ownIndex + 1}";
        }

        // The nearest enclosing list item, if any: "scores[1].comment" is the comment of the second score. A list
        // without a label keeps the whole path, so the reader still learns which item.
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            var parent = Segment(segments[i]);
            if (parent.Index is not { } index)
            {
                continue;
            }

            if (!Labels.TryGetValue(parent.Name, out var parentLabel))
            {
                return false;
            }

            label = chinese
                ? $"{parentLabel.Zh}第{index + 1}项的{own}"
                : $"{own} of {parentLabel.En} item {index + 1}";
            return true;
        }

        label = own;
        return true;
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var match = IndexedSegment().Match(segment);
        return match.Success
            ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (segment, null);
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexedSegment();
}
