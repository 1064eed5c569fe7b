using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Procurement.Identity.Domain;
using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

public sealed partial class The_login_page_speaks_the_users_language(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private const string CultureCookie = ".AspNetCore.Culture";
    private static readonly Uri LoginWithReturn = new("/account/login?returnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dprocurement-portal", UriKind.Relative);

    [Fact]
    public async Task Chinese_by_default_with_lang_zh_CN()
    {
        using var browser = new Browser(identity.Host);

        var html = await PageAsync(browser, LoginWithReturn);

        html.Should().Contain("<html lang=\"zh-CN\">");
        html.Should().Contain("政府购买社会工作服务平台").And.Contain(">用户名</label>").And.Contain(">密码</label>").And.Contain(">登录</button>");
        html.Should().NotContain("User name").And.NotContain("Password");
    }

    [Fact]
    public async Task English_with_the_culture_cookie_the_portal_shares()
    {
        using var browser = BrowserWith("c=en|uic=en");

        var html = await PageAsync(browser, LoginWithReturn);

        html.Should().Contain("<html lang=\"en\">");
        html.Should().Contain(">User name</label>").And.Contain(">Password</label>").And.Contain(">Sign in</button>");
        html.Should().NotContain(">用户名<");
    }

    [Fact]
    public async Task The_switch_remembers_the_language_in_the_culture_cookie_for_a_year_and_comes_back_to_the_same_return_url()
    {
        using var browser = new Browser(identity.Host);
        var chinese = await PageAsync(browser, LoginWithReturn);
        var returnUrl = Browser.HiddenInputs(chinese)["returnUrl"];

        using var switched = await browser.GetAsync(new Uri(SwitchLink(chinese, "en"), UriKind.Relative));

        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var setCookie = switched.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
        Uri.UnescapeDataString(setCookie).Should().StartWith(CultureCookie + "=c=en|uic=en;");
        setCookie.Should().Contain("path=/").And.Contain("max-age=31536000");
        var english = await PageAsync(browser, Resolve(switched.Headers.Location!));
        english.Should().Contain("<html lang=\"en\">");
        Browser.HiddenInputs(english)["returnUrl"].Should().Be(returnUrl);

        // And back to Chinese the same way.
        using var back = await browser.GetAsync(new Uri(SwitchLink(english, "zh-CN"), UriKind.Relative));
        Uri.UnescapeDataString(back.Headers.GetValues("Set-Cookie").Single()).Should().StartWith(CultureCookie + "=c=zh-CN|uic=zh-CN;");
        var again = await PageAsync(browser, Resolve(back.Headers.Location!));
        again.Should().Contain("<html lang=\"zh-CN\">");
        Browser.HiddenInputs(again)["returnUrl"].Should().Be(returnUrl);
    }

    [Fact]
    public async Task The_switch_never_returns_to_another_site_and_refuses_an_unknown_language()
    {
        using var browser = new Browser(identity.Host);

        using var elsewhere = await browser.GetAsync(new Uri("/account/language?culture=en&returnUrl=%2F%2Fevil.example%2F", UriKind.Relative));
        using var unknown = await browser.GetAsync(new Uri("/account/language?culture=fr&returnUrl=%2F", UriKind.Relative));

        elsewhere.StatusCode.Should().Be(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.ToString().Should().Be("/account/login");
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("culture");
    }

    [Theory]
    [InlineData(null, "用户名或密码错误，或账户已暂时锁定，请稍后再试。", "zh-CN")]
    [InlineData("c=en|uic=en", "The user name or password is wrong, or the account is locked for a while: try again later.", "en")]
    public async Task A_wrong_password_is_told_in_the_chosen_language(string? cookie, string message, string lang)
    {
        using var browser = BrowserWith(cookie);

        var hidden = Browser.HiddenInputs(await PageAsync(browser, LoginWithReturn));
        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "agency1",
            ["password"] = "Wrong123$",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await posted.Content.ReadAsStringAsync();
        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain($"<div role=\"alert\" class=\"alert\">{message}</div>");
        html.Should().Contain("value=\"agency1\"", "the name typed stays in the field");
        Browser.HiddenInputs(html)["returnUrl"].Should().Be(hidden["returnUrl"]);
    }

    [Theory]
    [InlineData(null, "登录表单已过期", "zh-CN")]
    [InlineData("c=en|uic=en", "The sign-in form has expired", "en")]
    public async Task An_expired_form_shows_the_page_again_with_a_fresh_token_in_the_chosen_language(string? cookie, string message, string lang)
    {
        using var browser = BrowserWith(cookie);

        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new()
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
            ["returnUrl"] = "/connect/authorize?client_id=procurement-portal",
            ["__RequestVerificationToken"] = "expired",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await posted.Content.ReadAsStringAsync();
        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain(message);
        var hidden = Browser.HiddenInputs(html);
        hidden["returnUrl"].Should().Be("/connect/authorize?client_id=procurement-portal");

        // The fresh form works.
        using var retried = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
        });
        retried.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData(null, "您已登录为 treasury。", "zh-CN")]
    [InlineData("c=en|uic=en", "You are signed in as treasury.", "en")]
    public async Task The_signed_in_page_speaks_the_chosen_language_too(string? cookie, string message, string lang)
    {
        using var browser = BrowserWith(cookie);

        var hidden = Browser.HiddenInputs(await PageAsync(browser, new Uri("/account/login", UriKind.Relative)));
        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "treasury",
            ["password"] = DemoDirectory.Password,
        });

        var html = await posted.Content.ReadAsStringAsync();
        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain(message);
    }

    [Fact]
    public async Task The_page_needs_nothing_from_another_origin()
    {
        using var browser = new Browser(identity.Host);

        var html = await PageAsync(browser, LoginWithReturn);

        html.Should().NotContainAny("http://", "https://", "<script", "<link");
        html.Should().Contain("#1677ff");
    }

    /// <summary>A browser that sends the culture cookie with <paramref name="cookie"/> as its value, or none.</summary>
    private Browser BrowserWith(string? cookie)
    {
        var browser = new Browser(identity.Host);
        if (cookie is not null)
        {
            browser.Cookies.Add(identity.Host.BaseAddress, new Cookie(CultureCookie, cookie));
        }

        return browser;
    }

    private static async Task<string> PageAsync(Browser browser, Uri uri)
    {
        using var page = await browser.GetAsync(uri);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>The href of the switch's link to <paramref name="culture"/>, HTML-decoded.</summary>
    private static string SwitchLink(string html, string culture)
    {
        var link = LanguageLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))
            .Single(href => QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), href).Query)["culture"] == culture);
        link.Should().StartWith("/account/language?");
        return link;
    }

    [GeneratedRegex("""<a [^>]*href="(?<href>/account/language\?[^"]*)">""")]
    private static partial Regex LanguageLink();
}
