using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Identity.Domain;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The contract screens in zh-CN, by clicks: both parties sign an awarded contract, it becomes Active, the purchaser
/// amends it with a reason code, suspends and resumes it; the payment term is agreed on a draft (over 60 days refused beside the field) and a running contract is terminated with its reason and amount paid; the auditor reads the same contract with no action at all.
/// </summary>
[Collection(BrowserCollection.Name)]
public class The_parties_sign_amend_suspend_and_resume_a_contract_in_the_browser(BrowserPlatform browser)
{
    [Fact]
    public async Task Both_sign_the_purchaser_amends_suspends_and_resumes_and_the_auditor_only_reads()
    {
        var id = await ContractSeeding.AwardedAsync(browser, 360_000m);

        // The purchaser finds the draft in the list and signs it.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync("/contracts");
            await page.GetByTestId("filter-state").SelectOptionAsync("Draft");
            await page.Locator($"a[data-testid='contract-link'][href='/contracts/{id}']").ClickAsync();
            await Expect(page.GetByTestId("contract-page")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Draft");
            await Expect(page.GetByTestId("lifecycle-state-Draft")).ToHaveAttributeAsync("data-current", "true");
            await Expect(page.GetByTestId("contract-amount")).ToHaveTextAsync("¥360,000.00");
            await page.GetByTestId("action-Sign").ClickAsync();
            await Expect(page.GetByTestId("action-dialog")).ToContainTextAsync("确认以本单位名义签署合同");
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "PendingSignature");
            await Expect(page.GetByTestId("action-Sign")).ToHaveCountAsync(0);
        });

        // The agency is told on its home page that the contract waits for its signature, and signs.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("agency1");
            await Expect(page.GetByTestId("home-contracts-to-sign").Locator($"a[href='/contracts/{id}']")).ToBeVisibleAsync();
            await page.GotoAsync($"/contracts/{id}");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "PendingSignature");
            await Expect(page.Locator("button[data-testid^='action-']")).ToHaveCountAsync(1);
            await page.GetByTestId("action-Sign").ClickAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("signed-agency")).Not.ToHaveTextAsync("未签署");
        });

        // The purchaser waits for the activation with the page's refresh, then amends, suspends and resumes.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/contracts/{id}");
            await Poll.UntilAsync(async () =>
            {
                browser.AdvanceClock(TimeSpan.FromSeconds(31));
                await page.GetByTestId("contract-refresh").ClickAsync();
                return await page.GetByTestId("contract-state").GetAttributeAsync("data-state") == "Active";
            }, "the contract to show Active after a refresh", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
            await Expect(page.GetByTestId("contract-state")).ToHaveTextAsync("履行中");
            await Expect(page.GetByTestId("lifecycle-state-Active")).ToHaveAttributeAsync("data-current", "true");

            await page.GetByTestId("action-Amend").ClickAsync();
            await page.GetByTestId("field-reason-code").SelectOptionAsync("amountChange");
            await Expect(page.GetByTestId("field-end")).ToHaveCountAsync(0);
            await Steps.FillTestIdNumberAsync(page, "field-amount", "380000");
            await page.GetByTestId("field-text").FillAsync("增加个案服务量");
            await page.GetByTestId("field-text").BlurAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("contract-amount")).ToHaveTextAsync("¥380,000.00");
            await Expect(page.GetByTestId("contract-version")).ToHaveTextAsync("2");
            await Expect(page.GetByTestId("contract-versions").GetByTestId("version-reason").Last).ToHaveTextAsync("金额调整");

            await page.GetByTestId("action-Suspend").ClickAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("error-reason")).Not.ToBeEmptyAsync();
            await page.GetByTestId("field-reason").FillAsync("服务场地维修");
            await page.GetByTestId("field-reason").BlurAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Suspended");
            await Expect(page.GetByTestId("contract-suspension")).ToHaveTextAsync("服务场地维修");

            await page.GetByTestId("action-Resume").ClickAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Active");
            await Expect(page.GetByTestId("contract-history").Locator("[data-trigger='Resume']")).ToHaveCountAsync(1);
        });

        // The auditor reads the same contract: its history and diagram, and no action button at all.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("auditor");
            await page.GotoAsync($"/contracts/{id}");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Active");
            await Expect(page.GetByTestId("contract-history").Locator("[data-trigger='Suspend']")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("no-actions")).ToBeVisibleAsync();
            await Expect(page.Locator("button[data-testid^='action-']")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("contract-actions")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task The_purchaser_agrees_the_payment_term_on_the_draft_within_sixty_days_and_terminates_a_running_contract_with_its_fields()
    {
        var draft = await ContractSeeding.AwardedAsync(browser, 240_000m);
        var running = await ContractSeeding.ActiveAsync(browser, 300_000m);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");

            // The payment term: over 60 days the API refuses beside the field, in its own words; 45 is agreed and versioned.
            await page.GotoAsync($"/contracts/{draft}");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Draft");
            await page.GetByTestId("action-SetPaymentTerm").ClickAsync();
            await page.GetByTestId("field-days").FillAsync("61");
            await page.GetByTestId("field-days").BlurAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("error-days")).ToContainTextAsync("须为 1 至 60 天，不能为 61 天");
            await page.GetByTestId("field-days").FillAsync("45");
            await page.GetByTestId("field-days").BlurAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("action-dialog")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("contract-payment-term")).ToHaveTextAsync("45 天");
            await Expect(page.GetByTestId("contract-versions").GetByTestId("version-reason").Last).ToContainTextAsync("约定付款期限");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Draft");

            // Termination: the reason is required, the amount paid cannot exceed the contract's; then it ends, for good.
            await page.GotoAsync($"/contracts/{running}");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Active");
            await page.GetByTestId("action-Terminate").ClickAsync();
            await Expect(page.GetByTestId("action-dialog")).ToContainTextAsync("此操作不可撤销");
            await Steps.FillTestIdNumberAsync(page, "field-amount-paid", "400000");
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("error-reason")).Not.ToBeEmptyAsync();
            const string reason = "服务机构资质被撤销";
            await page.GetByTestId("field-reason").FillAsync(reason);
            await page.GetByTestId("field-reason").BlurAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("error-amountPaid")).ToContainTextAsync("不得超过合同金额");
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Active");
            await Steps.FillTestIdNumberAsync(page, "field-amount-paid", "90000");
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveAttributeAsync("data-state", "Terminated");
            await Expect(page.GetByTestId("contract-state")).ToHaveTextAsync("已终止");
            await Expect(page.GetByTestId("contract-termination")).ToHaveTextAsync($"{reason} · ¥90,000.00");
            await Expect(page.GetByTestId("lifecycle-state-Terminated")).ToHaveAttributeAsync("data-current", "true");
            await Expect(page.GetByTestId("lifecycle-state-Active")).Not.ToHaveAttributeAsync("data-current", "true");
            await Expect(page.Locator("button[data-testid^='action-']")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("contract-history").Locator("[data-trigger='Terminate']")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task The_list_filters_contracts_ending_soon_and_the_lifecycle_has_a_page_of_its_own()
    {
        var shortOne = await ContractSeeding.ActiveAsync(browser, 180_000m, months: 6);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync("/contracts");
            var row = page.Locator("tr", new() { Has = page.Locator($"a[href='/contracts/{shortOne}']") });
            await Expect(row.GetByTestId("contract-state")).ToHaveTextAsync("履行中");
            await page.GetByTestId("filter-ending").FillAsync("200");
            await page.GetByTestId("filter-ending").BlurAsync();
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.GetByTestId("contract-days")).ToHaveTextAsync(new Regex(@"^\d+$"));
            await page.GetByTestId("filter-ending").FillAsync("100");
            await page.GetByTestId("filter-ending").BlurAsync();
            await Expect(row).ToHaveCountAsync(0);

            await page.GetByTestId("contracts-lifecycle").ClickAsync();
            await Expect(page.GetByTestId("lifecycle-state-Expiring")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-current='true']")).ToHaveCountAsync(0);
        });
    }
}
