using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Procurement.Disbursement.Endpoints;

/// <summary>
/// The two reports as XLSX workbooks (MiniExcel): a contract's instalments and a purchaser's fiscal year, each with a total
/// row that is the sum of the rows above it. Headers in Chinese, or English for an English caller; amounts are numbers
/// shown with two decimals, days are dates (cell formats, not text), so that a spreadsheet sums and sorts them.
/// </summary>
public static class ReportWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string MoneyFormat = "#,##0.00";

    public const string DateFormat = "yyyy-mm-dd";

    private const string PercentFormat = "0.00";

    /// <summary>A column: its key in the rows, its header in both languages, and its cell format.</summary>
    private sealed record Column(string Key, string Zh, string En, string? Format = null, int Width = 14);

    private static readonly Column[] InstalmentColumns =
    [
        new("sequence", "期次", "No.", Width: 8),
        new("condition", "支付条件", "Condition", Width: 22),
        new("percent", "比例（%）", "Percent", PercentFormat, 10),
        new("amount", "金额（元）", "Amount (CNY)", MoneyFormat, 18),
        new("status", "状态", "Status", Width: 12),
        new("dueOn", "到期日", "Due on", DateFormat, 12),
        new("payBy", "最迟支付日", "Pay by", DateFormat, 12),
        new("paidOn", "支付日", "Paid on", DateFormat, 12),
        new("daysFromDue", "自到期天数", "Days from due", Width: 12),
        new("late", "逾期", "Late", Width: 8),
    ];

    private static readonly Column[] SummaryColumns =
    [
        new("item", "项目", "Item", Width: 22),
        new("value", "金额（元）", "Amount (CNY)", MoneyFormat, 18),
    ];

    private static readonly Column[] ProgramColumns =
    [
        new("programId", "服务项目", "Program", Width: 38),
        new("appropriation", "预算指标（元）", "Appropriation (CNY)", MoneyFormat, 18),
        new("committed", "已审核待拨付（元）", "Committed (CNY)", MoneyFormat, 18),
        new("released", "已拨付待确认（元）", "Released (CNY)", MoneyFormat, 18),
        new("paid", "已支付（元）", "Paid (CNY)", MoneyFormat, 18),
        new("available", "可用余额（元）", "Available (CNY)", MoneyFormat, 18),
    ];

    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["Scheduled"] = ("未到期", "Scheduled"),
        ["Due"] = ("已到期", "Due"),
        ["Withheld"] = ("暂缓支付", "Withheld"),
        ["Requested"] = ("已申请", "Requested"),
        ["Approved"] = ("已审核", "Approved"),
        ["Released"] = ("已拨付", "Released"),
        ["Paid"] = ("已支付", "Paid"),
        ["Rejected"] = ("已退回", "Rejected"),
        ["Cancelled"] = ("已取消", "Cancelled"),
        ["Activation"] = ("合同生效（预付款）", "Activation (advance)"),
        ["MidTermPassed"] = ("中期评估合格", "Mid-term evaluation passed"),
        ["FinalPassed"] = ("终期评估合格", "Final evaluation passed"),
        ["BridgeStart"] = ("过渡期开始", "Bridge extension starts"),
        ["total"] = ("合计", "Total"),
        ["yes"] = ("是", "Yes"),
        ["no"] = ("否", "No"),
        ["instalments"] = ("分期", "Instalments"),
        ["summary"] = ("汇总", "Summary"),
        ["programs"] = ("服务项目", "Programs"),
        ["contractAmount"] = ("合同金额", "Contract amount"),
        ["scheduled"] = ("计划拨付", "Scheduled"),
        ["due"] = ("已到期", "Fallen due"),
        ["committed"] = ("已审核待拨付", "Committed"),
        ["released"] = ("已拨付待确认", "Released"),
        ["paid"] = ("已支付", "Paid"),
        ["outstanding"] = ("到期未付", "Outstanding"),
        ["late"] = ("逾期未付或逾期支付", "Late"),
    };

    /// <summary>English for an English culture; Chinese otherwise.</summary>
    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en";
    }

    /// <summary>Sheet 1: the instalments and a total row; sheet 2: the contract's figures.</summary>
    public static byte[] Contract(ContractReportResponse report, bool english)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<Dictionary<string, object?>> rows = [.. report.Instalments.Select(i => new Dictionary<string, object?>
        {
            ["sequence"] = i.Sequence,
            ["condition"] = Word(i.Condition, english),
            ["percent"] = i.Percent,
            ["amount"] = i.Amount,
            ["status"] = Word(i.Status, english),
            ["dueOn"] = Day(i.DueOn),
            ["payBy"] = Day(i.PayBy),
            ["paidOn"] = Day(i.PaidOn),
            ["daysFromDue"] = i.DaysFromDue,
            ["late"] = Word(i.Late ? "yes" : "no", english),
        })];
        rows.Add(Row(InstalmentColumns, new()
        {
            ["sequence"] = Word("total", english),
            ["percent"] = report.Instalments.Sum(i => i.Percent),
            ["amount"] = report.Instalments.Sum(i => i.Amount),
        }));
        List<Dictionary<string, object?>> summary =
        [
            .. new (string Item, decimal Value)[]
            {
                ("contractAmount", report.Amount), ("scheduled", report.Scheduled), ("due", report.Due), ("committed", report.Committed),
                ("released", report.Released), ("paid", report.Paid), ("outstanding", report.Outstanding), ("late", report.Late),
            }.Select(line => new Dictionary<string, object?> { ["item"] = Word(line.Item, english), ["value"] = line.Value }),
        ];
        return Workbook(english, [.. InstalmentColumns, .. SummaryColumns], (Word("instalments", english), rows), (Word("summary", english), summary));
    }

    /// <summary>One row per program of the year and a total row.</summary>
    public static byte[] PurchaserYear(PurchaserYearResponse report, bool english)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<Dictionary<string, object?>> rows = [.. report.Programs.Select(p => new Dictionary<string, object?>
        {
            ["programId"] = p.ProgramId.ToString(),
            ["appropriation"] = p.Appropriation,
            ["committed"] = p.Committed,
            ["released"] = p.Released,
            ["paid"] = p.Paid,
            ["available"] = p.Available,
        })];
        rows.Add(new Dictionary<string, object?>
        {
            ["programId"] = Word("total", english),
            ["appropriation"] = report.Programs.Sum(p => p.Appropriation),
            ["committed"] = report.Programs.Sum(p => p.Committed),
            ["released"] = report.Programs.Sum(p => p.Released),
            ["paid"] = report.Programs.Sum(p => p.Paid),
            ["available"] = report.Programs.Sum(p => p.Available),
        });
        return Workbook(english, ProgramColumns, ($"{Word("programs", english)} {report.FiscalYear}", rows));
    }

    private static byte[] Workbook(bool english, Column[] columns, params (string Name, List<Dictionary<string, object?>> Rows)[] sheets)
    {
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns.Select(c => new DynamicExcelColumn(c.Key) { Name = english ? c.En : c.Zh, Format = c.Format, Width = c.Width })],
        };
        var book = sheets.ToDictionary(s => s.Name, s => (object)s.Rows);
        using var stream = new MemoryStream();
        stream.SaveAs(book, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>A row with every column's key (MiniExcel takes the columns from the first row), the missing ones empty.</summary>
    private static Dictionary<string, object?> Row(Column[] columns, Dictionary<string, object?> values)
    {
        foreach (var column in columns)
        {
            values.TryAdd(column.Key, null);
        }

        return values;
    }

    private static string Word(string key, bool english) =>
        Words.TryGetValue(key, out var word) ? english ? word.En : word.Zh : key;

    private static DateTime? Day(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);
}
