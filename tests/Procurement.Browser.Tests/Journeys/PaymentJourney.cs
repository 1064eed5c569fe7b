using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using MiniExcelLibs;
using Procurement.Browser.Tests.Support;
using Procurement.Identity.Domain;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// Payments by clicks in zh-CN: the purchaser sets the program's appropriation, the agency requests the advance (a double
/// click requests once), the purchaser approves, treasury releases and confirms the payment; the ledger's total is the
/// sum of its rows, and its XLSX downloads and reads back with the same sum; the auditor reads it all without a button.
/// After a failing mid-term grade the purchaser decides on the withheld instalment (a reason is required) and it falls due.
/// </summary>
[Collection(BrowserCollection.Name)]
public class A_contracts_advance_is_paid_by_clicks_in_the_browser(BrowserPlatform browser)
{
    private static decimal Money(string text) => decimal.Parse(text.Trim().TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public Task The_advance_is_requested_once_approved_released_and_paid_and_the_ledger_and_its_workbook_sum() => browser.RunAsync(async page =>
    {
        var seeded = await ContractSeeding.ActiveContractAsync(browser, "社区居家养老服务", 450_000.00m);
        var advance = seeded.Instalments.Single(i => i.Sequence == 1);
        var row = $"instalment-{advance.Id}";

        // The purchaser: the program's appropriation for this year, on /appropriations.
        await page.SignInAsync("purchaser");
        await page.GotoAsync("/appropriations");
        await page.WaitForPortalAsync();
        await page.GetByTestId("set-program").SelectOptionAsync(seeded.ProgramId.ToString());
        await page.GetByTestId("set-amount").Locator("input").FillAsync("1000000");
        await page.GetByTestId("set-amount").Locator("input").BlurAsync();
        await page.GetByTestId("set-save").ClickAsync();
        await Expect(page.GetByTestId("appropriation-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"appropriation-{seeded.ProgramId}").GetByTestId("appropriation-available")).ToHaveTextAsync("¥1,000,000.00");

        // The agency: the advance is due; a double click on the confirmation requests it once.
        await browser.RunAsync(async agency =>
        {
            await agency.SignInAsync("agency1");
            await agency.GotoAsync($"/payments?contractId={seeded.ContractId}");
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已到期");
            await agency.GetByTestId(row).GetByTestId("action-Request").ClickAsync();
            await agency.GetByTestId("confirm-yes").DblClickAsync();
            await Expect(agency.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已申请");
            await Expect(agency.GetByTestId("problem")).ToHaveCountAsync(0);
        });

        // The purchaser approves it (the appropriation commits).
        await page.GotoAsync($"/payments?contractId={seeded.ContractId}");
        await page.WaitForPortalAsync();
        await page.GetByTestId(row).GetByTestId("action-Approve").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已审核");

        // Treasury releases and confirms the payment.
        await browser.RunAsync(async treasury =>
        {
            await treasury.SignInAsync("treasury");
            await treasury.GotoAsync($"/payments?contractId={seeded.ContractId}");
            await treasury.WaitForPortalAsync();
            await treasury.GetByTestId(row).GetByTestId("action-Release").ClickAsync();
            await treasury.GetByTestId("confirm-yes").DblClickAsync();
            await Expect(treasury.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已拨付");
            await treasury.GetByTestId(row).GetByTestId("action-Confirm").ClickAsync();
            await treasury.GetByTestId("confirm-yes").ClickAsync();
            await Expect(treasury.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已支付");

            // The ledger: its total is the sum of its rows; the workbook says the same.
            await treasury.GotoAsync($"/payments/contracts/{seeded.ContractId}");
            await treasury.WaitForPortalAsync();
            await Expect(treasury.GetByTestId("figure-paid")).ToHaveTextAsync("¥135,000.00");
            var amounts = (await treasury.GetByTestId("instalments").Locator("tbody [data-testid=instalment-amount]").AllTextContentsAsync()).Select(Money).ToList();
            amounts.Should().HaveCount(3);
            Money(await treasury.GetByTestId("total-amount").TextContentAsync() ?? "").Should().Be(amounts.Sum()).And.Be(450_000.00m);

            var download = await treasury.RunAndWaitForDownloadAsync(() => treasury.GetByTestId("ledger-download").ClickAsync());
            download.SuggestedFilename.Should().Be($"contract-payments-{seeded.ContractId}.xlsx");
            var rows = MiniExcel.Query((await download.PathAsync())!, useHeaderRow: true, sheetName: "分期", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            rows.Should().HaveCount(4);
            var cells = rows[..3].Select(r => Convert.ToDecimal(r["金额（元）"], CultureInfo.InvariantCulture)).ToList();
            rows[3]["期次"].Should().Be("合计");
            Convert.ToDecimal(rows[3]["金额（元）"], CultureInfo.InvariantCulture).Should().Be(cells.Sum()).And.Be(450_000.00m);
            rows[0]["状态"].Should().Be("已支付");
        });

        // The purchaser's year: the program's row and the total agree, on the page and in its workbook.
        await page.GotoAsync($"/payments/purchasers/{DemoDirectory.CivilAffairsBureau}/years/{browser.Today.Year}");
        await page.WaitForPortalAsync();
        var program = page.GetByTestId($"appropriation-{seeded.ProgramId}");
        await Expect(program.GetByTestId("appropriation-program")).ToHaveTextAsync(seeded.ProgramName);
        await Expect(program.GetByTestId("appropriation-paid")).ToHaveTextAsync("¥135,000.00");
        await Expect(program.GetByTestId("appropriation-available")).ToHaveTextAsync("¥865,000.00");
        var paidOnPage = (await page.GetByTestId("appropriations").Locator("tbody [data-testid=appropriation-paid]").AllTextContentsAsync()).Select(Money).Sum();
        Money(await page.GetByTestId("total-paid").TextContentAsync() ?? "").Should().Be(paidOnPage);
        var year = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("year-download").ClickAsync());
        var programs = MiniExcel.Query((await year.PathAsync())!, useHeaderRow: true, sheetName: $"服务项目 {browser.Today.Year}", excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        programs.Should().Contain(r => (string?)r["服务项目"] == seeded.ProgramId.ToString());
        programs[^1]["服务项目"].Should().Be("合计");
        Convert.ToDecimal(programs[^1]["已支付（元）"], CultureInfo.InvariantCulture)
            .Should().Be(programs[..^1].Sum(r => Convert.ToDecimal(r["已支付（元）"], CultureInfo.InvariantCulture))).And.Be(paidOnPage);

        // The auditor reads the instalments and the treasury figures, with no action button.
        await browser.RunAsync(async auditor =>
        {
            await auditor.SignInAsync("auditor");
            await auditor.GotoAsync($"/payments?contractId={seeded.ContractId}");
            await auditor.WaitForPortalAsync();
            await Expect(auditor.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已支付");
            await Expect(auditor.GetByTestId("read-only")).ToBeVisibleAsync();
            await Expect(auditor.GetByTestId("on-time")).ToBeVisibleAsync();
            await Expect(auditor.Locator(".portal-content button")).ToHaveCountAsync(0);
        });
    });

    [Fact]
    public async Task After_a_failing_mid_term_grade_the_purchaser_decides_with_a_reason_and_the_withheld_instalment_falls_due()
    {
        var seeded = await ContractSeeding.ActiveContractAsync(browser, "社区助残服务", 360_000.00m);
        var midTerm = seeded.Instalments.Single(i => i.Condition == "MidTermPassed");
        await ContractSeeding.GradeAsync(browser, seeded.ContractId, 45m);
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            await Poll.UntilAsync(
                async () => (await purchaserApi.InstalmentsOfContractAsync(seeded.ContractId)).Single(i => i.Id == midTerm.Id).Status == "Withheld",
                "the Fail grade withholding the mid-term instalment", ContractSeeding.Patience);
        }

        var row = $"instalment-{midTerm.Id}";
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/payments?contractId={seeded.ContractId}");
            await page.WaitForPortalAsync();
            await Expect(page.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("暂缓支付");
            await Expect(page.GetByTestId(row).GetByTestId("withhold-reason")).ToContainTextAsync("Fail");
            await page.GetByTestId(row).GetByTestId("action-DecideWithholding").ClickAsync();
            await Expect(page.GetByTestId("confirm-text")).ToContainTextAsync("因绩效评估不合格暂缓支付");
            await page.GetByTestId("confirm-decision").SelectOptionAsync("resume");

            // Without a reason the API refuses, and says so beside the field; the instalment stays withheld.
            await page.GetByTestId("confirm-yes").ClickAsync();
            await Expect(page.GetByTestId("reason-error")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("暂缓支付");

            await page.GetByTestId("confirm-reason").FillAsync("整改计划已提交并经复核");
            await page.GetByTestId("confirm-yes").ClickAsync();
            await Expect(page.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已到期");
            await Expect(page.GetByTestId("payment-done")).ToContainTextAsync($"第 {midTerm.Sequence} 期款现为“已到期”");
            await Expect(page.GetByTestId(row).GetByTestId("action-DecideWithholding")).ToHaveCountAsync(0);
        });

        // The instalment moves on: the agency may now request it.
        await browser.RunAsync(async agency =>
        {
            await agency.SignInAsync("agency1");
            await agency.GotoAsync($"/payments?contractId={seeded.ContractId}");
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync("已到期");
            await Expect(agency.GetByTestId(row).GetByTestId("action-Request")).ToBeVisibleAsync();
        });
    }
}
