using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing.Platform;
using static Procurement.Browser.Tests.Journeys.Steps;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>The purchaser's journey, part 1, in chromium and in Chinese: the tender wizard from method to publication.</summary>
[Collection(BrowserCollection.Name)]
public class PurchaserTenderJourney(BrowserPlatform browser)
{
    [Fact]
    public async Task A_purchaser_fills_in_the_wizard_sees_a_too_early_deadline_refused_beside_the_field_and_publishes() =>
        await browser.RunAsync(async page =>
        {
            // Before the journey: the program the tender is for.
            var programName = "长者居家社工服务 " + Guid.NewGuid().ToString("N")[..6];
            using (var api = await browser.ApiAsync("purchaser"))
            {
                await api.CreateProgramAsync(programName, "示范区");
            }

            var today = browser.Today;
            await page.SignInAsync("purchaser");
            await page.GetByTestId("menu-tenders").ClickAsync();
            await page.GetByTestId("tender-new").ClickAsync();

            // Method.
            await page.GetByTestId("method-PublicTender").ClickAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // Content.
            await Assertions.Expect(page.GetByTestId("wizard-step-1")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-step-1").Locator(".ant-select").First.ClickAsync();
            await page.Locator(".ant-select-item-option").Filter(new LocatorFilterOptions { HasText = programName }).ClickAsync();
            await page.Locator("#tender-title").FillAsync("2027年长者居家社工服务采购");
            await page.Locator("#service-description").FillAsync("为辖区独居、空巢长者提供居家探访、助餐助医与心理支持服务。");
            await Number(page, "budget-ceiling").FillAsync("1200000");
            await Number(page, "budget-ceiling").BlurAsync();
            await TypeDateAsync(page, "service-start", Day(today.AddDays(60)));
            await TypeDateAsync(page, "service-end", Day(today.AddDays(60 + 364)));
            await Assertions.Expect(page.GetByTestId("budget-ceiling-shown")).ToHaveTextAsync("¥1,200,000.00");
            await page.GetByTestId("wizard-next").ClickAsync();

            // Staffing and eligibility.
            await page.GetByTestId("eligibility-add").ClickAsync();
            await page.Locator("#eligibility-0").FillAsync("依法登记的社会工作服务机构");
            await page.GetByTestId("wizard-next").ClickAsync();

            // KPIs.
            await page.GetByTestId("kpi-add").ClickAsync();
            await page.Locator("#kpi-0-name").FillAsync("服务时长");
            await page.Locator("#kpi-0-unit").FillAsync("小时");
            await Number(page, "kpi-0-target").FillAsync("2400");
            await Number(page, "kpi-0-target").BlurAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // Payment schedule: 30/40/30 as offered.
            await Assertions.Expect(page.GetByTestId("schedule-ok")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // The scheme: the price weight pushed to 5 points is flagged at once, then put back.
            await Number(page, "criterion-0-points").FillAsync("5");
            await Number(page, "criterion-0-points").BlurAsync();
            await Assertions.Expect(page.GetByTestId("scheme-issue-RulePriceBelowMinimum")).ToContainTextAsync("价格分 5 低于此采购方式的下限 10");
            await Assertions.Expect(page.GetByTestId("scheme-issue-RuleSchemeNot100")).ToContainTextAsync("75");
            await Number(page, "criterion-0-points").FillAsync("30");
            await Number(page, "criterion-0-points").BlurAsync();
            await Assertions.Expect(page.GetByTestId("scheme-ok")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // Dates: a deadline 10 days out is too early for a public tender; the API's refusal appears beside the field.
            await Assertions.Expect(page.GetByTestId("earliest-deadline")).ToContainTextAsync("至少 20 日");
            await TypeDateAsync(page, "bid-deadline", Day(today.AddDays(10)) + " 17:00");
            await Assertions.Expect(page.GetByTestId("deadline-too-early")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-publish").ClickAsync();
            var deadlineItem = page.Locator(".ant-form-item").Filter(new LocatorFilterOptions { Has = page.Locator("#bid-deadline") });
            await Assertions.Expect(deadlineItem.Locator(".ant-form-item-explain-error")).ToContainTextAsync("20");

            // A deadline 30 days out is published.
            await TypeDateAsync(page, "bid-deadline", Day(today.AddDays(30)) + " 17:00");
            await page.GetByTestId("wizard-publish").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/purchaser/tenders/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByTestId("tender-status")).ToHaveTextAsync("招标中");
            await Assertions.Expect(page.GetByTestId("tender-deadline")).ToHaveTextAsync(Day(today.AddDays(30)) + " 17:00");
            await Assertions.Expect(page.GetByTestId("timeline-TimelinePublished")).ToHaveAttributeAsync("data-reached", "true");
            await Assertions.Expect(page.GetByTestId("timeline-TimelineDeadline")).ToHaveAttributeAsync("data-reached", "false");
        });
}
