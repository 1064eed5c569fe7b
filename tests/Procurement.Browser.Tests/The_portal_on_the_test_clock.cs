using Procurement.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests;

/// <summary>
/// Scenarios move the platform's clock (deadlines pass, challenge windows close) and then go on clicking: the portal's
/// sign-in must judge Identity's tokens by the same clock, or nobody could sign in after the clock moved.
/// </summary>
[Collection(BrowserCollection.Name)]
public class The_portal_on_the_test_clock(BrowserPlatform browser)
{
    [Fact]
    public Task A_person_signs_in_after_the_clock_has_moved_days_ahead() => browser.RunAsync(async page =>
    {
        browser.AdvanceClock(TimeSpan.FromDays(2));

        await page.SignInAsync("purchaser");

        await Expect(page.GetByTestId("home-purchaser")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_language_helper_uses_the_portal_s_switch_and_the_choice_holds() => browser.RunAsync(async page =>
    {
        await page.SignInAsync("agency1");
        await Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("可投标项目");

        await page.SwitchLanguageAsync("en");
        await page.SwitchLanguageAsync("en");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("Open tenders");
        await page.GotoAsync("/");
        await page.WaitForPortalAsync();
        await Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("Open tenders");
    });
}
