using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;

namespace Procurement.Browser.Tests;

/// <summary>The portal at "/" in chromium: the OIDC round trip through Identity, the role's menu, the language switch, sign-out.</summary>
[Collection(BrowserCollection.Name)]
public class The_portal_signs_people_in_and_out(BrowserPlatform browser)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page_and_a_purchaser_lands_on_their_home_with_their_menu() =>
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.WaitForURLAsync(PortalPages.IsLoginPage);

            await page.SubmitLoginAsync("purchaser");
            await page.WaitForURLAsync(PortalPages.IsPortal);

            await Assertions.Expect(page.GetByTestId("home-title")).ToContainTextAsync("王芳");
            await Assertions.Expect(page.GetByTestId("portal-organisation")).ToContainTextAsync("示范区民政局");
            await Assertions.Expect(page.GetByTestId("menu-tenders")).ToHaveTextAsync("采购公告");
            await Assertions.Expect(page.GetByTestId("menu-open-tenders")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("portal-user")).ToContainTextAsync("采购人");
            (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("zh-CN");
        });

    [Fact]
    public async Task The_language_switch_is_remembered_and_sign_out_asks_for_the_password_again() =>
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("agency1");
            await Assertions.Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("可投标项目");

            await page.GetByTestId("language-switch").ClickAsync();
            await Assertions.Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("Open tenders");
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("menu-open-tenders")).ToHaveTextAsync("Open tenders");

            await page.GetByTestId("sign-out").ClickAsync();
            await page.WaitForURLAsync(PortalPages.IsLoginPage);
            await page.GotoAsync("/");
            await page.WaitForURLAsync(PortalPages.IsLoginPage);
        });

    [Fact]
    public async Task A_page_of_another_role_answers_403_and_an_unknown_page_404_without_an_error() =>
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("evaluator1");

            await page.GotoAsync("/purchaser/tenders");
            await Assertions.Expect(page.GetByTestId("refusal-403").Or(page.GetByTestId("refusal-404"))).ToBeVisibleAsync();

            await page.GotoAsync("/no/such/page");
            await Assertions.Expect(page.GetByTestId("refusal-404")).ToBeVisibleAsync();
        });

    [Theory]
    [InlineData("purchaser", "purchaser")]
    [InlineData("agency1", "agency")]
    [InlineData("evaluator1", "evaluator")]
    public async Task Each_roles_home_page_lists_what_waits_for_them_and_is_pictured_for_the_docs(string userName, string role) =>
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(userName);

            await Assertions.Expect(page.GetByTestId($"home-{role}")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync($"home-{role}");
        });
}
