using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using MiniExcelLibs;
using Procurement.Disbursement.Endpoints;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Disbursement.Tests;

/// <summary>The XLSX downloads of a contract's payments and of a purchaser's year, read back as a spreadsheet reads them.</summary>
public sealed class Report_workbooks : IAsyncLifetime
{
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<byte[]> WorkbookAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be(ReportWorkbooks.ContentType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    private static decimal Money(object? cell) => Math.Round(Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture), 2);

    /// <summary>The number format of a cell of the first sheet, as styles.xml gives it (built-in 0 is "General").</summary>
    private static string FormatOf(byte[] workbook, string cell)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var style = (int?)sheet.Descendants(x + "c").Single(c => (string?)c.Attribute("r") == cell).Attribute("s") ?? 0;
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var formatId = (int)styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ElementAt(style).Attribute("numFmtId")!;
        return styles.Descendants(x + "numFmt").SingleOrDefault(f => (int)f.Attribute("numFmtId")! == formatId)?.Attribute("formatCode")?.Value
            ?? $"built-in {formatId}";
    }

    [Fact]
    public async Task A_contracts_workbook_has_Chinese_headers_amounts_as_two_decimal_numbers_dates_as_dates_and_a_total_that_is_the_sum()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation(100_000.01m);
        await _api.PublishAsync(contract);
        _api.Clock.Advance(TimeSpan.FromDays(3));
        await _api.PayAsync(await _api.InstalmentIdAsync(contract.ContractId, 1));

        var workbook = await WorkbookAsync(_api.Client(_api.AgencyUser, "zh-CN"), $"/api/disbursements/contracts/{contract.ContractId}/report.xlsx");

        var rows = Rows(workbook, "分期");
        rows[0].Keys.Should().Equal("期次", "支付条件", "比例（%）", "金额（元）", "状态", "到期日", "最迟支付日", "支付日", "自到期天数", "逾期");
        rows.Should().HaveCount(4, "three instalments and the total");
        rows[..3].Select(r => Money(r["金额（元）"])).Should().Equal(30_000.00m, 40_000.00m, 30_000.01m);
        rows[3]["期次"].Should().Be("合计");
        Money(rows[3]["金额（元）"]).Should().Be(rows[..3].Sum(r => Money(r["金额（元）"]))).And.Be(100_000.01m);
        Money(rows[3]["比例（%）"]).Should().Be(100m);
        rows[0]["状态"].Should().Be("已支付");
        rows[0]["到期日"].Should().Be(new DateTime(2027, 3, 1));
        rows[0]["支付日"].Should().Be(new DateTime(2027, 3, 4));
        rows[1]["到期日"].Should().BeNull("the mid-term instalment has not fallen due");
        FormatOf(workbook, "D2").Should().Be(ReportWorkbooks.MoneyFormat);
        FormatOf(workbook, "D5").Should().Be(ReportWorkbooks.MoneyFormat);
        FormatOf(workbook, "F2").Should().Be(ReportWorkbooks.DateFormat);

        var summary = Rows(workbook, "汇总").ToDictionary(r => (string)r["项目"]!, r => Money(r["金额（元）"]));
        (summary["合同金额"], summary["已支付"], summary["到期未付"]).Should().Be((100_000.01m, 30_000.00m, 0m));
    }

    [Fact]
    public async Task An_English_caller_gets_English_headers_and_words()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);

        var workbook = await WorkbookAsync(_api.Client(_api.PurchaserUser, "en"), $"/api/disbursements/contracts/{contract.ContractId}/report.xlsx");

        var rows = Rows(workbook, "Instalments");
        rows[0].Keys.Should().Contain(["No.", "Condition", "Amount (CNY)", "Status", "Due on", "Pay by"]);
        (rows[0]["Condition"], rows[0]["Status"], rows[^1]["No."]).Should().Be(("Activation (advance)", "Due", "Total"));
    }

    [Fact]
    public async Task A_purchasers_year_workbook_has_a_row_per_program_and_a_total_row_that_sums_them()
    {
        var second = Guid.NewGuid();
        await _api.SetAppropriationAsync(500_000.00m);
        await _api.SetAppropriationAsync(123_456.78m, program: second);
        var contract = _api.Activation(100_000.00m);
        await _api.PublishAsync(contract);
        await _api.PayAsync(await _api.InstalmentIdAsync(contract.ContractId, 1));

        var workbook = await WorkbookAsync(_api.Client(Person.New(Roles.Treasury, Guid.NewGuid()), "zh-CN"), $"/api/disbursements/purchasers/{_api.Unit}/years/2027/report.xlsx");

        var rows = Rows(workbook, "服务项目 2027");
        rows[0].Keys.Should().Equal("服务项目", "预算指标（元）", "已审核待拨付（元）", "已拨付待确认（元）", "已支付（元）", "可用余额（元）");
        rows.Should().HaveCount(3);
        rows[..2].Select(r => (string)r["服务项目"]!).Should().BeEquivalentTo([_api.Program.ToString(), second.ToString()]);
        var total = rows[2];
        total["服务项目"].Should().Be("合计");
        foreach (var column in rows[0].Keys.Skip(1))
        {
            Money(total[column]).Should().Be(rows[..2].Sum(r => Money(r[column])), column);
        }

        (Money(total["预算指标（元）"]), Money(total["已支付（元）"]), Money(total["可用余额（元）"])).Should().Be((623_456.78m, 30_000m, 593_456.78m));
        FormatOf(workbook, "B2").Should().Be(ReportWorkbooks.MoneyFormat);
    }

    [Fact]
    public async Task Another_units_purchaser_is_refused_the_year_and_a_stranger_the_contract()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);

        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync($"/api/disbursements/purchasers/{_api.Unit}/years/2027/report.xlsx"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _api.Client(Roles.Agency, Guid.NewGuid()).GetAsync($"/api/disbursements/contracts/{contract.ContractId}/report.xlsx"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
