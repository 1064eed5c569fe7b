using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The procurement-method rule tables in chromium (issue 16 item 2): the administrator keeps a region's table by clicks — a
/// number the platform refuses is named beside its own input, the corrected table is kept and listed — and the auditor
/// reads it from its menu without any form; both in Chinese and in English. The region is unique to the run: the platform
/// is shared with the other journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MethodRulesJourney(BrowserPlatform browser)
{
    [Fact]
    public async Task The_admin_keeps_a_regions_table_by_clicks_and_the_auditor_reads_it_in_chinese_and_english()
    {
        var region = "规则县" + Guid.NewGuid().ToString("N")[..6];

        await browser.RunAsync(async admin =>
        {
            await admin.SignInAsync("admin");
            await admin.GetByTestId("menu-method-rules").ClickAsync();
            await admin.WaitForURLAsync("**/admin/method-rules");
            await Expect(admin.GetByTestId("method-rules-form")).ToBeVisibleAsync();
            await Expect(admin.GetByTestId("method-rules-PublicTender-minimumBiddingDays")).ToHaveValueAsync("20");

            await admin.GetByTestId("method-rules-region-input").FillAsync(region);
            await admin.GetByTestId("method-rules-note").FillAsync("地方放宽：竞争性磋商有效供应商 2 家");
            await admin.GetByTestId("method-rules-CompetitiveConsultation-regionAdoptsAllowance").CheckAsync();
            await admin.GetByTestId("method-rules-PublicTender-amendmentMarginDays").FillAsync("21");
            await admin.GetByTestId("method-rules-save").ClickAsync();

            var refusal = admin.Locator("[data-field='methods[0].amendmentMarginDays']");
            await Expect(refusal).ToContainTextAsync("不得长于最短投标期");
            await admin.ScreenshotAsync("method-rules-refused");
            await Expect(admin.GetByTestId("method-rules-table").Filter(new() { HasText = region })).ToHaveCountAsync(0);

            await admin.GetByTestId("method-rules-PublicTender-amendmentMarginDays").FillAsync("15");
            await admin.GetByTestId("method-rules-save").ClickAsync();
            var kept = admin.GetByTestId("method-rules-table").Filter(new() { HasText = region });
            await Expect(kept).ToHaveCountAsync(1);
            await Expect(kept.GetByTestId("method-rules-summary")).ToContainTextAsync("竞争性磋商：投标期 10 日，有效投标 2 家");
            await Expect(refusal).ToHaveCountAsync(0);
            await admin.ScreenshotAsync("method-rules-admin");

            await admin.SwitchLanguageAsync("en");
            await Expect(admin.GetByTestId("method-rules-title")).ToHaveTextAsync("Procurement method rules");
            await Expect(admin.GetByTestId("method-rules-form")).ToBeVisibleAsync();
            await admin.ExpectNoChineseAsync(
                "/admin/method-rules", null, "[data-testid=method-rules-tables]", "[data-testid=portal-user]"); // names stay as signed in (known)
            await admin.ScreenshotAsync("en-method-rules-admin");
        });

        await browser.RunAsync(async auditor =>
        {
            await auditor.SignInAsync("auditor");
            await auditor.GetByTestId("menu-method-rules").ClickAsync();
            await auditor.WaitForURLAsync("**/admin/method-rules");
            var kept = auditor.GetByTestId("method-rules-table").Filter(new() { HasText = region });
            await Expect(kept).ToHaveCountAsync(1);
            await Expect(kept).ToContainTextAsync("地方放宽");
            await Expect(auditor.GetByTestId("method-rules-form")).ToHaveCountAsync(0);
            await Expect(auditor.Locator("[data-testid^='act-']")).ToHaveCountAsync(0);
            await auditor.ScreenshotAsync("method-rules-auditor");

            await auditor.SwitchLanguageAsync("en");
            await Expect(auditor.GetByTestId("method-rules-title")).ToHaveTextAsync("Procurement method rules");
            await Expect(kept.GetByTestId("method-rules-summary")).ToContainTextAsync("Competitive consultation: bidding period 10 days; valid bids needed: 2");
            await auditor.ExpectNoChineseAsync(
                "/admin/method-rules", null, "[data-testid=method-rules-tables]", "[data-testid=portal-user]"); // names stay as signed in (known)
            await auditor.ScreenshotAsync("en-method-rules-auditor");
        });
    }
}
