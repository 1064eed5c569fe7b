using Microsoft.Playwright;
using Procurement.Portal;

namespace Procurement.Browser.Tests.Support;

/// <summary>What a person does on every journey: sign in, change the language, and (for the docs) take a picture.</summary>
public static class PortalPages
{
    public const string LoginPath = "/account/login";

    /// <summary>The culture cookie the portal and Identity's login page both read (ASP.NET Core's standard one).</summary>
    public const string CultureCookie = ".AspNetCore.Culture";

    /// <summary>The header's link to the other language.</summary>
    public const string LanguageSwitchTestId = "language-switch";

    /// <summary>The portal's side menu: rendered only once the page's circuit runs (the portal does not prerender).</summary>
    public const string MenuTestId = "portal-menu";

    /// <summary>
    /// Opens the portal at <c>/</c>, follows the redirect to Identity's login page, signs in as <paramref name="userName"/>
    /// and waits until the browser is back on the portal (past <c>/connect/*</c> and <c>/signin-oidc</c>) and its page
    /// is interactive (<see cref="WaitForPortalAsync"/>).
    /// </summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = BrowserPlatform.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await page.WaitForURLAsync(IsLoginPage);
        await page.SubmitLoginAsync(userName, password);
        await page.WaitForPortalAsync();
    }

    /// <summary>
    /// Waits until the browser is on a portal page and that page is interactive: the side menu is drawn, which the portal
    /// does only in the page's circuit. Call it after a navigation before clicking on components.
    /// </summary>
    public static async Task WaitForPortalAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForURLAsync(IsPortal);
        await Assertions.Expect(page.GetByTestId(MenuTestId)).ToBeVisibleAsync();
    }

    /// <summary>Types <paramref name="userName"/> and <paramref name="password"/> into the login form on the page and submits it.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string userName, string password = BrowserPlatform.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = LoginForm(page);
        await form.Locator("input[name=userName]").FillAsync(userName);
        await form.Locator("input[name=password]").FillAsync(password);
        await form.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>The login form (the one with the password field; the page may hold other forms, e.g. a language switch).</summary>
    public static ILocator LoginForm(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("form").Filter(new LocatorFilterOptions { Has = page.Locator("input[name=password]") });
    }

    /// <summary>
    /// Switches the page to <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>); nothing when it is in that language already.
    /// On a portal page it clicks the header's switch (which sets the culture cookie and comes back) and waits until the
    /// page is in the language; elsewhere (Identity's login page) it sets the same culture cookie, for a year, and reloads.
    /// The choice holds for the rest of the browser context, on the portal and on the login page alike.
    /// </summary>
    public static async Task SwitchLanguageAsync(this IPage page, string language)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var html = page.Locator("html");
        if (string.Equals(await html.GetAttributeAsync("lang"), language, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var portalSwitch = page.GetByTestId(LanguageSwitchTestId);
        if (IsPortal(page.Url) && await portalSwitch.CountAsync() > 0)
        {
            await portalSwitch.ClickAsync();
            await Assertions.Expect(html).ToHaveAttributeAsync("lang", language);
            await page.WaitForPortalAsync();
            return;
        }

        await page.Context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = CultureCookie,
                Value = Uri.EscapeDataString($"c={language}|uic={language}"),
                Url = new Uri(new Uri(page.Url), "/").ToString(),
                Expires = DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds(),
            },
        ]);
        await page.ReloadAsync();
    }

    /// <summary>Saves a screenshot of the whole page as <c>docs/portal/&lt;name&gt;.png</c> (with PROCUREMENT_UPDATE_SCREENSHOTS=1) or beside the test binaries.</summary>
    public static Task<string> ScreenshotAsync(this IPage page, string name) => BrowserArtifacts.SaveScreenshotAsync(page, name);

    public static bool IsLoginPage(string url) => new Uri(url).AbsolutePath.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>A page of the portal: not Identity's login page, nor a step of the OIDC round trip or of the language switch.</summary>
    public static bool IsPortal(string url)
    {
        var path = new Uri(url).AbsolutePath;
        string[] passages = ["/connect/", "/signin-oidc", "/signout-callback-oidc", PortalModule.CulturePath + "/"];
        return !IsLoginPage(url)
               && !passages.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
               && !path.Equals(PortalModule.SignInPath, StringComparison.OrdinalIgnoreCase)
               && !path.Equals(PortalModule.SignOutPath, StringComparison.OrdinalIgnoreCase);
    }
}
