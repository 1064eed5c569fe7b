using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests;

/// <summary>Identity's own login page (<c>/account/login</c>), opened directly in chromium, before any portal page.</summary>
[Collection(BrowserCollection.Name)]
public class Identity_s_login_page_in_chromium(BrowserPlatform browser)
{
    /// <summary>Identity's sign-in cookie (IdentityModule.CookieScheme's cookie).</summary>
    private const string IdentityCookie = "procurement.identity";

    [Fact]
    public Task Opens_in_chinese_with_the_login_form() => browser.RunAsync(async page =>
    {
        var response = await page.GotoAsync(PortalPages.LoginPath);

        response!.Status.Should().Be(200);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.LoginForm().Locator("input[name=userName]")).ToBeVisibleAsync();
        await Expect(page.LoginForm().Locator("input[name=password]")).ToHaveAttributeAsync("type", "password");
        await Expect(page.Locator("body")).ToContainTextAsync("登录");
    });

    [Fact]
    public Task A_wrong_password_shows_the_error_beside_the_form_and_signs_nobody_in() => browser.RunAsync(async page =>
    {
        await page.GotoAsync(PortalPages.LoginPath);

        await page.SubmitLoginAsync("purchaser", "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Expect(page.LoginForm().Locator("input[name=userName]")).ToHaveValueAsync("purchaser");
        await Expect(page.LoginForm().Locator("input[name=password]")).ToHaveValueAsync(string.Empty);
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == IdentityCookie);
    });

    [Fact]
    public Task The_right_password_signs_in_with_identity_s_cookie() => browser.RunAsync(async page =>
    {
        await page.GotoAsync(PortalPages.LoginPath);

        await page.SubmitLoginAsync("purchaser");

        await Expect(page.LoginForm()).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).ToContainTextAsync("purchaser");
        var cookie = (await page.Context.CookiesAsync()).Should().ContainSingle(c => c.Name == IdentityCookie).Subject;
        cookie.HttpOnly.Should().BeTrue("browser script must never read the session");
    });
}
