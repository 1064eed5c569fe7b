using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The pay scales (issue 16 item 8) and the workforce figures (item 9) in chromium: the administrator keeps a region's scale by
/// clicks — a grade the platform refuses is named beside its own box, the corrected scale is kept and listed — and the auditor
/// reads the scale without a form and the workforce figures from the menu; in Chinese and in English. The region is unique to
/// the run: the platform is shared with the other journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PayScalesAndWorkforceJourney(BrowserPlatform browser)
{
    private static readonly string[] Posts = ["None", "Assistant", "Intermediate", "Senior"];

    [Fact]
    public async Task The_admin_keeps_a_regions_pay_scale_and_the_auditor_reads_it_and_the_workforce_figures_in_chinese_and_english()
    {
        var region = "薪酬县" + Guid.NewGuid().ToString("N")[..6];

        await browser.RunAsync(async admin =>
        {
            await admin.SignInAsync("admin");
            await admin.GetByTestId("menu-pay-scales").ClickAsync();
            await admin.WaitForURLAsync("**/admin/pay-scales");
            await Expect(admin.GetByTestId("pay-scales-form")).ToBeVisibleAsync();

            await admin.GetByTestId("pay-scales-region-input").FillAsync(region);
            await admin.GetByTestId("pay-scales-note").FillAsync("社会工作者薪酬指导价位（四岗十二档）");
            for (var p = 0; p < Posts.Length; p++)
            {
                for (var g = 0; g < 3; g++)
                {
                    await admin.GetByTestId($"pay-scales-{Posts[p]}-{g}").FillAsync((3000 + 1500 * p + 500 * g).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            await admin.GetByTestId("pay-scales-Assistant-2").FillAsync("4000");
            await admin.GetByTestId("pay-scales-save").ClickAsync();

            var refusal = admin.Locator("[data-field='posts[1].grades[2]']");
            await Expect(refusal).ToContainTextAsync("每一档须高于下一档");
            await admin.ScreenshotAsync("pay-scales-refused");
            await Expect(admin.GetByTestId("pay-scale").Filter(new() { HasText = region })).ToHaveCountAsync(0);

            await admin.GetByTestId("pay-scales-Assistant-2").FillAsync("5500");
            await admin.GetByTestId("pay-scales-save").ClickAsync();
            var kept = admin.GetByTestId("pay-scale").Filter(new() { HasText = region });
            await Expect(kept).ToHaveCountAsync(1);
            await Expect(kept.GetByTestId("pay-scale-grades")).ToContainTextAsync("助理社会工作师：¥4,500.00 / ¥5,000.00 / ¥5,500.00");
            await Expect(refusal).ToHaveCountAsync(0);
            await admin.ScreenshotAsync("pay-scales-admin");

            await admin.SwitchLanguageAsync("en");
            await Expect(admin.GetByTestId("pay-scales-title")).ToHaveTextAsync("Pay scales");
            await admin.ExpectNoChineseAsync("/admin/pay-scales", null, "[data-testid=pay-scales-list]", "[data-testid=portal-user]");
            await admin.ScreenshotAsync("en-pay-scales-admin");
        });

        // An agency on record in Bidding with a certified supervisor, as the figures count them.
        using (var agency = await browser.ApiAsync("agency1"))
        {
            await agency.RegisterAgencyAsync(new AgencyProfileBody(
                "示范区阳光社会工作服务中心", "52440305MA0Y202609", new DateOnly(2015, 3, 2), "示范区幸福路 1 号", [new ContactBody("王五", "13800138000", "wang@example.cn")]));
            var idNumber = TenderingApi.NewIdNumber();
            await agency.AddWorkerAsync(new WorkerBody($"陈静（统计 {region}）", idNumber, "Intermediate", $"S{idNumber[6..]}", IsSupervisor: true));
        }

        await browser.RunAsync(async auditor =>
        {
            await auditor.SignInAsync("auditor");
            await auditor.GetByTestId("menu-pay-scales").ClickAsync();
            await auditor.WaitForURLAsync("**/admin/pay-scales");
            await Expect(auditor.GetByTestId("pay-scale").Filter(new() { HasText = region })).ToHaveCountAsync(1);
            await Expect(auditor.GetByTestId("pay-scales-form")).ToHaveCountAsync(0);
            await Expect(auditor.Locator("[data-testid^='act-']")).ToHaveCountAsync(0);
            await auditor.ScreenshotAsync("pay-scales-auditor");

            await auditor.GetByTestId("menu-workforce").ClickAsync();
            await auditor.WaitForURLAsync("**/workforce");
            var futian = auditor.Locator("[data-testid=workforce-region-row][data-region='440305']");
            await Expect(futian).ToBeVisibleAsync();
            await Expect(futian.GetByTestId("supervisors")).Not.ToHaveTextAsync("0");
            await Expect(auditor.GetByTestId("workforce-regions")).ToContainTextAsync("达到 120 学时");
            await auditor.ScreenshotAsync("workforce-auditor");

            await auditor.SwitchLanguageAsync("en");
            await Expect(auditor.GetByTestId("workforce-title")).ToHaveTextAsync("Social-work workforce");
            await auditor.ExpectNoChineseAsync("/workforce", null, "[data-testid=workforce-agencies]", "[data-testid=portal-user]");
            await auditor.ScreenshotAsync("en-workforce-auditor");
        });

        await browser.RunAsync(async purchaser =>
        {
            await purchaser.SignInAsync("purchaser");
            await purchaser.GetByTestId("menu-workforce").ClickAsync();
            await purchaser.WaitForURLAsync("**/workforce");
            await Expect(purchaser.Locator("[data-testid=workforce-region-row][data-region='440305']")).ToBeVisibleAsync();
            await Expect(purchaser.GetByTestId("menu-pay-scales")).ToHaveCountAsync(0);
            await purchaser.ScreenshotAsync("workforce-purchaser");
            await purchaser.SwitchLanguageAsync("en");
            await purchaser.ExpectNoChineseAsync("/workforce", null, "[data-testid=workforce-agencies]", "[data-testid=portal-user]");
            await purchaser.ScreenshotAsync("en-workforce-purchaser");
        });
    }
}
