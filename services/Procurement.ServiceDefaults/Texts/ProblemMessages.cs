using System.Collections.Concurrent;
using System.Globalization;
using Procurement.ServiceDefaults.Time;

namespace Procurement.ServiceDefaults.Texts;

/// <summary>
/// Every message a caller can read, in English and Chinese, by a stable code. Modules add their own
/// codes at startup; a code without a text shows the code itself, so nothing is ever lost.
/// </summary>
public static class ProblemMessages
{
    private static readonly ConcurrentDictionary<string, (string En, string Zh)> Texts = new(StringComparer.Ordinal);

    static ProblemMessages()
    {
        Add(new Dictionary<string, (string En, string Zh)>
        {
            ["validation"] = ("One or more fields are invalid.", "一个或多个字段无效。"),
            ["required"] = ("{0} is required.", "{0}为必填项。"),
            ["max_length"] = ("{0} must be at most {1} characters.", "{0}最多 {1} 个字符。"),
            ["positive"] = ("{0} must be greater than zero.", "{0}必须大于零。"),
            ["two_decimals"] = ("{0} must have at most two decimal places (CNY).", "{0}最多保留两位小数（人民币元）。"),
            ["in_future"] = ("{0} must be in the future.", "{0}必须晚于当前时间。"),
            ["not_before"] = ("{0} must not be before {1}.", "{0}不得早于 {1}。"),
            ["one_of"] = ("{0} must be one of: {1}.", "{0}必须是以下之一：{1}。"),
            ["invalid_json"] = ("The request body is not valid JSON or a value has the wrong type.", "请求体不是有效的 JSON，或某个值的类型不正确。"),
            ["invalid_value"] = ("{0} has a value of the wrong type or format.", "{0}的值类型或格式不正确。"),
            ["unauthorized"] = ("Sign in first: the request carries no valid access token.", "请先登录：请求未携带有效的访问令牌。"),
            ["forbidden"] = ("Your role or organisation may not do this.", "您的角色或所属单位无权执行此操作。"),
            ["not_found"] = ("Not found.", "未找到。"),
            ["resource_not_found"] = ("{0} {1} was not found.", "未找到{0} {1}。"),
            ["conflict"] = ("The request conflicts with the current state.", "请求与当前状态冲突。"),
            ["concurrency"] = ("Someone else changed this record first; reload it and try again.", "该记录已被他人修改，请刷新后重试。"),
            ["rule_broken"] = ("A business rule refused the request.", "业务规则拒绝了该请求。"),
            ["too_many_requests"] = ("Too many requests; try again after the time in Retry-After.", "请求过于频繁，请在 Retry-After 指示的时间后重试。"),
            ["payload_too_large"] = ("The request body is too large.", "请求体过大。"),
            ["server_error"] = ("An unexpected error occurred; it has been logged.", "发生意外错误，已记录。"),
            ["method_not_allowed"] = ("This method is not allowed here.", "此处不允许该请求方法。"),
            ["unsupported_media_type"] = ("The content type is not supported.", "不支持该内容类型。"),
            ["unsupported_charset"] = ("The body must be JSON in UTF-8; the charset {0} is not supported.", "请求体须为 UTF-8 编码的 JSON；不支持字符集 {0}。"),
            ["null_item"] = ("{0} must not be null: leave the empty entry out of the list.", "{0}不能为 null：请从列表中删除该空项。"),
            ["duplicate_key"] = ("{0} appears more than once in the body.", "{0}在请求体中出现了多次。"),
            ["date_not_exist"] = ("{0}: the date {1} does not exist (an existing calendar date, yyyy-MM-dd).", "{0}：日期 {1} 不存在（须为真实存在的日历日期，格式 yyyy-MM-dd）。"),
            ["control_characters"] = ("{0} contains control characters; a text may hold only tab and line breaks.", "{0}含有控制字符；文本中仅允许制表符和换行。"),
            ["control_characters_single_line"] = ("{0} contains control characters; a name or title is one line, without tab or line breaks.", "{0}含有控制字符；名称和标题须为单行，不含制表符和换行。"),
            ["organisation_required"] = ("This needs a user of an organisation: the access token carries no organisation (a machine client's token).", "此操作须由所属单位的用户执行：访问令牌未携带所属单位（机器客户端令牌）。"),
            // A unified social credit code of the wrong shape (GB 32100-2015; Procurement.Rules.CreditCodeRules): Bidding and Identity.
            ["uscc_length"] = ("{0} must be 18 characters; it has {1}.", "{0}必须为 18 位，当前为 {1} 位。"),
            ["uscc_character"] = ("{0} contains '{1}', which a unified social credit code never uses (only digits and A–Y without I, O, S, V, Z).",
                "{0}含有统一社会信用代码不使用的字符“{1}”（仅限数字及除 I、O、S、V、Z 外的大写字母）。"),
            ["uscc_region"] = ("{0}: characters 3–8 (the administrative region code) must be digits.", "{0}的第 3–8 位（登记管理机关行政区划码）必须为数字。"),
            ["uscc_check_character"] = ("{0} does not pass its check character (GB 32100-2015); look for a mistyped character.",
                "{0}校验码不正确（GB 32100-2015），请检查是否有输错的字符。"),
            ["uscc_organisation_code"] = ("{0}: the organisation code in characters 9–17 does not pass its check character (GB 11714).",
                "{0}第 9–17 位的组织机构代码校验码不正确（GB 11714）。"),
            // An organisation registered after today, the Beijing calendar day (Procurement.Rules.RegistrationDateRules): Bidding and Identity.
            ["registration_date_in_future"] = ("{0} must not be after today ({1}, Beijing time).", "{0}不得晚于今天（北京时间 {1}）。"),
            // Tendering (questions, answers, amendments) and Bidding (bids) both refuse with it after the deadline.
            ["bidding_closed"] = ("Bidding closed at the deadline, {0}: no bid, question, answer or amendment is taken any more.",
                "投标已于截止时间 {0} 截止，不再受理投标、提问、答疑或更正。"),
            ["role_required"] = ("Your role may not do this; it needs the role: {0}.", "您的角色无权执行此操作；需要以下角色之一：{0}。"),
        });
    }

    private static readonly ConcurrentBag<string> ConflictList = [];

    /// <summary>The codes given two different texts so far (each as "code: first / second").</summary>
    public static IReadOnlyCollection<string> Conflicts => [.. ConflictList.Distinct()];

    public static void Add(IReadOnlyDictionary<string, (string En, string Zh)> texts)
    {
        foreach (var (code, text) in texts)
        {
            // One text per code on the whole platform: in the embedded host every module shares this table, and a second,
            // different text would silently replace the first module's. Such a code is kept in Conflicts (a test of the
            // whole platform asserts there is none) rather than stopping a host that runs.
            Texts.AddOrUpdate(code, text, (_, kept) =>
            {
                if (kept != text)
                {
                    ConflictList.Add($"{code}: \"{kept.En}\" / \"{text.En}\"");
                }

                return text;
            });
        }
    }

    public static bool IsChinese(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Get(string code, params object?[] args) => Get(CultureInfo.CurrentUICulture, code, args);

    public static string Get(CultureInfo culture, string code, params object?[] args)
    {
        if (!Texts.TryGetValue(code, out var text))
        {
            return args.Length == 0 ? code : $"{code}: {string.Join(", ", args)}";
        }

        var chinese = IsChinese(culture);
        var format = chinese ? text.Zh : text.En;
        var readable = args.Select(arg => Readable(arg, culture, chinese)).ToArray();

        // Chinese puts no space between a field's label and the text after it (服务开始日期为必填项); a field without a
        // label, sent as its Latin path, keeps one (staff 最多可包含 3 项).
        if (chinese && args is [FieldName, ..] && readable[0] is string first && first.Length > 0 && (char.IsAsciiLetterOrDigit(first[^1]) || first[^1] == ']')
            && format.StartsWith("{0}", StringComparison.Ordinal) && format.Length > 3 && format[3] > '\u2e7f')
        {
            readable[0] = first + " ";
        }

        var message = string.Format(CultureInfo.InvariantCulture, format, readable);

        // "service start is required." begins a sentence with a field's label: capitalised in English (a path sent
        // as it was, "somethingNew", stays as the caller spelt it).
        return !chinese && args is [FieldName field, ..] && format.StartsWith("{0}", StringComparison.Ordinal)
            && FieldLabels.TryLabel(field.Path, culture, out _)
            ? char.ToUpperInvariant(message[0]) + message[1..]
            : message;
    }

    /// <summary>
    /// Fields by their label, enum values by their name (<see cref="ValueLabels"/>), dates as ISO days, instants in Beijing time, amounts with two decimals — as people here
    /// read them.
    /// </summary>
    private static object? Readable(object? value, CultureInfo culture, bool chinese) => value switch
    {
        FieldName field => FieldLabels.Of(field.Path, culture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToShanghai().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + (chinese ? "（北京时间）" : " (Beijing time)"),
        decimal amount => amount.ToString("0.00##", CultureInfo.InvariantCulture),
        Enum named => ValueLabels.Of(named, chinese),
        _ => value,
    };
}
