using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The agency's journey in zh-CN, by clicking and typing only: agency1 fills its profile, adds a worker to its roster and
/// bids on a tender the purchaser published (through the API, before the journey starts), found by title and region, and sees the receipt.
/// </summary>
[Collection(BrowserCollection.Name)]
public class An_agency_fills_its_profile_adds_a_worker_and_bids_in_the_browser(BrowserPlatform browser)
{
    private const string CreditCode = "52440305MA0Y202609";

    [Fact]
    public Task Agency1_ends_with_a_sealed_bid_and_its_receipt() => browser.RunAsync(async page =>
    {
        var title = $"阳光家园居家养老社会工作服务 {Guid.NewGuid():N}"[..24];
        var tenderId = await PublishTenderAsync(title);

        await page.SignInAsync("agency1");

        // The profile: the credit code is checked as it is typed.
        await page.GotoAsync("/agency/profile");
        await page.GetByTestId("profile-name").FillAsync("示范区阳光社会工作服务中心");
        // Emptied first: another journey of the collection (WholeChain) may have registered agency1's profile already.
        await page.GetByTestId("profile-code").FillAsync("");
        await page.GetByTestId("profile-code").PressSequentiallyAsync(CreditCode[..10]);
        await Expect(page.Locator(".ant-form-item", new() { Has = page.GetByTestId("profile-code") })).ToContainTextAsync("已输入 10 位");
        await page.GetByTestId("profile-code").PressSequentiallyAsync(CreditCode[10..]);
        await Expect(page.Locator(".ant-form-item", new() { Has = page.GetByTestId("profile-code") })).ToContainTextAsync("校验通过");
        await page.GetByTestId("profile-registration-date").FillAsync("2015-03-02");
        await page.GetByTestId("profile-address").FillAsync("示范区幸福路 1 号");
        await page.GetByTestId("contact-0-name").FillAsync("王五");
        await page.GetByTestId("contact-0-phone").FillAsync("13800138000");
        await page.GetByTestId("contact-0-email").FillAsync("wang@example.cn");
        await page.GetByTestId("profile-save").Locator("button").ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToBeVisibleAsync();

        // The roster: an intermediate social worker who supervises; the ID number comes back masked.
        await page.GotoAsync("/agency/staff");
        await page.GetByTestId("staff-add").ClickAsync();
        await page.GetByTestId("worker-name-input").FillAsync("张三");
        await page.GetByTestId("worker-id-number-input").FillAsync("440305199001011037");
        await page.GetByTestId("worker-level").SelectOptionAsync("Intermediate");
        await page.GetByTestId("worker-certificate-number").FillAsync("S20190012345");
        await page.GetByTestId("worker-supervisor").CheckAsync();
        await page.GetByTestId("training-0-hours").FillAsync("30");
        await page.GetByTestId("worker-save").Locator("button").ClickAsync();
        var row = page.Locator("tr", new() { Has = page.GetByTestId("worker-name").GetByText("张三") });
        await Expect(row.GetByTestId("worker-id-number")).ToHaveTextAsync("**************1037");

        // The open tenders: found by its title, then the bid form.
        await page.GotoAsync("/agency/tenders");
        await page.GetByTestId("tenders-search").FillAsync(title);
        var tender = page.GetByTestId($"tender-{tenderId}");
        await Expect(tender).ToBeVisibleAsync();

        // Filtered by its program's region (an AntDesign select), it stays, with its region and service domain in its row.
        await page.GetByTestId("tenders-region").Locator(".ant-select-selector").ClickAsync();
        await page.Locator(".ant-select-item-option[aria-label='示范区']").ClickAsync();
        await Expect(tender.GetByTestId("tender-region")).ToHaveTextAsync("示范区");
        await Expect(tender.GetByTestId("tender-domain")).ToHaveTextAsync("养老服务");
        await tender.GetByTestId("tender-bid").ClickAsync();

        await Expect(page.GetByTestId("bid-title")).ToContainTextAsync(title);
        await Steps.FillTestIdNumberAsync(page, "bid-price", "400000");
        await Steps.FillTestIdNumberAsync(page, "bid-cost-personnel", "300000");
        await Steps.FillTestIdNumberAsync(page, "bid-cost-activities", "60000");
        await Expect(page.GetByTestId("bid-costs-check")).ToContainTextAsync("相差 ¥40,000.00");
        await Steps.FillTestIdNumberAsync(page, "bid-cost-administration", "30000");
        await Steps.FillTestIdNumberAsync(page, "bid-cost-other", "10000");
        await Expect(page.GetByTestId("bid-costs-check")).ToContainTextAsync("与报价一致");
        // Its own worker: other journeys on the shared platform add theirs to agency1's roster too.
        var own = await page.GetByTestId("plan-pick").Locator("option", new() { HasTextRegex = new Regex("^张三 · .*1037") }).First.GetAttributeAsync("value");
        await page.GetByTestId("plan-pick").SelectOptionAsync(own!);
        await page.GetByTestId("plan-add").ClickAsync();
        await Steps.FillTestIdNumberAsync(page, "plan-0-pay", "8000");
        await page.GetByTestId("bid-proposal").Locator("textarea").FillAsync("以个案管理为核心，组建持证社工与督导团队，提供居家探访、助餐助医与心理支持服务。");
        await page.GetByTestId("bid-submit").ClickAsync();

        await Expect(page.GetByTestId("bid-submitted")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("receipt-sha256")).ToHaveValueAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("receipt-status")).ToHaveTextAsync("已提交");
    });

    /// <summary>Before the journey: the purchaser publishes a tender asking for one intermediate supervisor, and it reaches Bidding.</summary>
    private async Task<Guid> PublishTenderAsync(string title)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync("示范区居家养老服务项目", "示范区");
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(30), new TimeOnly(17, 0));
        var serviceStart = browser.Today.AddDays(60);
        var tenderId = await purchaser.DraftTenderAsync(
            NewTender.Standard(programId, title, 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1))
            with { StaffingRequirement = new StaffingBody(1, 1, 1) });
        await purchaser.PublishTenderAsync(tenderId);
        using var agency = await browser.ApiAsync("agency1");
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");
        return tenderId;
    }
}
