using System.Net;
using System.Text.RegularExpressions;
namespace Procurement.Testing;

/// <summary>The login page's steps as a person takes them: the password form, then the code form when there is one.</summary>
public static partial class SignInSteps
{
    /// <summary>Identity's login page and its code step (AccountEndpoints.LoginPath and CodePath).</summary>
    public const string LoginPath = "/account/login";
    public const string CodePath = "/account/login/code";

    public static readonly Uri LoginPage = new(LoginPath, UriKind.Relative);
    public static readonly Uri CodePage = new(CodePath, UriKind.Relative);

    /// <summary>Opens <paramref name="loginPage"/> (the plain login page by default) and posts the name and password; the answer's HTML.</summary>
    public static async Task<Step> PasswordAsync(Browser browser, string userName, string password, Uri? loginPage = null)
    {
        using var page = await browser.GetAsync(loginPage ?? LoginPage);
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        using var posted = await browser.PostAsync(LoginPage, new(hidden) { ["userName"] = userName, ["password"] = password });
        return await Step.OfAsync(posted);
    }

    /// <summary>Posts <paramref name="code"/> on the code form of <paramref name="page"/>.</summary>
    public static async Task<Step> CodeAsync(Browser browser, Step page, string code)
    {
        using var posted = await browser.PostAsync(CodePage, new(Browser.HiddenInputs(page.Html)) { ["code"] = code });
        return await Step.OfAsync(posted);
    }

    /// <summary>What one step answered: its status, redirect and HTML.</summary>
    public sealed partial record Step(HttpStatusCode Status, Uri? Location, string Html)
    {
        public static async Task<Step> OfAsync(HttpResponseMessage response) =>
            new(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());

        /// <summary>The alert's text, or null when the page has none.</summary>
        public string? Alert => AlertPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public bool AsksForCode => Html.Contains($"action=\"{CodePath}\"", StringComparison.Ordinal);

        public bool AsksForPassword => Html.Contains("name=\"password\"", StringComparison.Ordinal);

        /// <summary>The enrolment step's key, as an authenticator takes it (base32, upper case, no spaces).</summary>
        public string Key => KeyPattern().Match(Html) is { Success: true } m
            ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            : throw new InvalidOperationException("The page shows no authenticator key:\n" + Html);

        public IReadOnlyList<string> RecoveryCodes => [.. RecoveryCodePattern().Matches(Html).Select(m => m.Groups[1].Value)];

        /// <summary>The recovery codes page's way on.</summary>
        public Uri Continue => ContinuePattern().Match(Html) is { Success: true } m
            ? new Uri(WebUtility.HtmlDecode(m.Groups[1].Value), UriKind.Relative)
            : throw new InvalidOperationException("The page has no way on:\n" + Html);

        [GeneratedRegex("""<div role="alert" class="alert">([^<]*)</div>""")]
        private static partial Regex AlertPattern();

        [GeneratedRegex("""data-testid="authenticator-key">([^<]*)</code>""")]
        private static partial Regex KeyPattern();

        [GeneratedRegex("""<li><code>([^<]*)</code></li>""")]
        private static partial Regex RecoveryCodePattern();

        [GeneratedRegex("""<a class="button" href="([^"]*)">""")]
        private static partial Regex ContinuePattern();
    }
}
