using Microsoft.Playwright;

namespace Procurement.Browser.Tests.Support;

/// <summary>What a person does on every journey: sign in, change the language, and (for the docs) take a picture.</summary>
public static class PortalPages
{
    public const string LoginPath = "/account/login";

    /// <summary>The culture cookie the portal and Identity's login page both read (ASP.NET Core's standard one).</summary>
    public const string CultureCookie = ".AspNetCore.Culture";

    /// <summary>
    /// Opens the portal at <c>/</c>, follows the redirect to Identity's login page, signs in as <paramref name="userName"/>
    /// and waits until the browser is back on the portal (past <c>/connect/*</c> and <c>/signin-oidc</c>).
    /// </summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = BrowserPlatform.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await page.WaitForURLAsync(IsLoginPage);
        await page.SubmitLoginAsync(userName, password);
        await page.WaitForURLAsync(IsPortal);
        await page.WaitForLoadStateAsync(LoadState.Load);
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
    /// Switches the page to <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>) as the language switch does — the
    /// culture cookie, for a year — and reloads it. The choice holds for the rest of the browser context.
    /// </summary>
    public static async Task SwitchLanguageAsync(this IPage page, string language)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
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

    /// <summary>A page of the portal: not Identity's login page, nor a step of the OIDC round trip.</summary>
    public static bool IsPortal(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return !IsLoginPage(url)
               && !path.StartsWith("/connect/", StringComparison.OrdinalIgnoreCase)
               && !path.StartsWith("/signin-oidc", StringComparison.OrdinalIgnoreCase)
               && !path.StartsWith("/signout-callback-oidc", StringComparison.OrdinalIgnoreCase);
    }
}
