using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Identity.Accounts;
using Procurement.Testing;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Directory: the operations team at the server's command line (<c>admin create</c>, as the
/// Standalone's Program.cs runs it), the first administrator in a browser (cookies kept, redirects followed by hand:
/// the login page and the portal's authorization-code flow with PKCE) and at the organisations API.
/// </summary>
[Binding]
public sealed partial class DirectorySteps(ProductionDistrict district) : IDisposable
{
    private const string PortalRedirectUri = "http://127.0.0.1:5080/signin-oidc";

    private (int ExitCode, string Output, string Error) _command;
    private Uri? _link;
    private string? _password;
    private string? _accessToken;
    private HttpResponseMessage? _page;
    private readonly Dictionary<string, Guid> _organisations = [];

    [Given(@"平台在生产环境中刚刚安装，还没有任何用户")]
    public static void FreshlyInstalled()
    {
        // The fixture's data folder is empty and its settings are Production's; nothing to do but to say so.
    }

    [When(@"运维人员在命令行创建首个管理员 ""([^""]*)""，邮箱 ""([^""]*)""")]
    [When(@"运维人员又在命令行创建管理员 ""([^""]*)""，邮箱 ""([^""]*)""")]
    public async Task CreateAdministrator(string userName, string email)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommand.RunAsync(
            ["admin", "create", "--username", userName, "--email", email], _ => district.Build(), output, error);
        _command = (exitCode, output.ToString(), error.ToString());
    }

    [Then(@"命令打印出一个72小时内有效的一次性链接")]
    public void PrintsLink()
    {
        _command.ExitCode.Should().Be(0, _command.Error);
        _command.Output.Should().Contain("72 hours");
        var match = Link().Match(_command.Output);
        match.Success.Should().BeTrue(_command.Output);
        _link = new Uri(match.Value);
        _link.GetLeftPart(UriPartial.Authority).Should().Be("http://127.0.0.1:5080", "the link points at the platform's public address");
    }

    [When(@"管理员打开这个链接，两次输入新密码 ""([^""]*)""")]
    public async Task SetsPassword(string password)
    {
        var host = await district.StartAsync();
        using var browser = Browser(host.BaseAddress);
        using var page = await browser.GetAsync(Local());
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var form = HiddenInputs(await page.Content.ReadAsStringAsync());
        form["newPassword"] = form["confirmPassword"] = password;
        using var set = await browser.PostAsync(new Uri("/account/set-password", UriKind.Relative), new FormUrlEncodedContent(form));
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        _password = password;
    }

    [Then(@"管理员用 ""([^""]*)"" 和这个密码登录，按提示设置身份验证器应用并输入第一个验证码，拿到十个恢复码和角色 ""([^""]*)""")]
    public async Task SignsIn(string userName, string role)
    {
        var host = await district.StartAsync();
        using var browser = Browser(host.BaseAddress);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "procurement-portal", ["redirect_uri"] = PortalRedirectUri, ["response_type"] = "code",
            ["scope"] = "openid profile roles api", ["state"] = "s", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

        using var toLogin = await browser.GetAsync(new Uri(authorize, UriKind.Relative));
        using var login = await browser.GetAsync(toLogin.Headers.Location!);
        var form = HiddenInputs(await login.Content.ReadAsStringAsync());
        form["userName"] = userName;
        form["password"] = _password!;
        using var signedIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
        var enrolment = await signedIn.Content.ReadAsStringAsync();
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK, "an administrator's first sign-in asks them to set up an authenticator app");
        var key = AuthenticatorKey().Match(enrolment).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        key.Should().NotBeEmpty(enrolment);
        var codeForm = HiddenInputs(enrolment);
        codeForm["code"] = Totp.Now(key);
        using var enrolled = await browser.PostAsync(new Uri("/account/login/code", UriKind.Relative), new FormUrlEncodedContent(codeForm));
        var recovery = await enrolled.Content.ReadAsStringAsync();
        RecoveryCode().Matches(recovery).Should().HaveCount(10, recovery);
        var onward = WebUtility.HtmlDecode(ContinueLink().Match(recovery).Groups[1].Value);
        using var back = await browser.GetAsync(new Uri(onward, UriKind.RelativeOrAbsolute));
        var code = QueryHelpers.ParseQuery(back.Headers.Location!.Query)["code"].ToString();
        using var tokens = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "procurement-portal", ["redirect_uri"] = PortalRedirectUri,
            ["code"] = code, ["code_verifier"] = verifier,
        }));
        tokens.StatusCode.Should().Be(HttpStatusCode.OK, await tokens.Content.ReadAsStringAsync());
        _accessToken = (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        new JsonWebToken(_accessToken).Claims.Where(c => c.Type == "role").Select(c => c.Value).Should().Equal(role);
    }

    [When(@"管理员建立采购单位 ""([^""]*)""，地区 ""([^""]*)""，行政区划代码 ""([^""]*)""")]
    public async Task CreatesPurchasingUnit(string name, string region, string divisionCode)
    {
        using var admin = await AdministratorAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/organisations", new { name, kind = "PurchasingUnit", region, divisionCode });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        _organisations[name] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Then(@"""([^""]*)"" 的变更记录写明它由 ""([^""]*)"" 创建")]
    public async Task HistoryNamesCreator(string name, string userName)
    {
        using var admin = await AdministratorAsync();
        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/identity/organisations/{_organisations[name]}/history"))!;
        history.Should().ContainSingle();
        history[0].GetProperty("change").GetString().Should().Be("Created");
        history[0].GetProperty("actorName").GetString().Should().Be(userName);
    }

    [When(@"有人再次打开同一个链接")]
    public async Task OpensLinkAgain()
    {
        var host = await district.StartAsync();
        using var browser = Browser(host.BaseAddress);
        _page = await browser.GetAsync(Local());
    }

    [Then(@"页面说明这个链接已失效")]
    public async Task LinkNoLongerValid()
    {
        _page!.StatusCode.Should().Be(HttpStatusCode.Gone);
        var html = await _page.Content.ReadAsStringAsync();
        html.Should().Contain("链接已失效").And.NotContain("newPassword");
    }

    [Then(@"命令以退出码 (\d+) 拒绝，说明已有管理员，并提示可以加 ""([^""]*)""")]
    public void Refused(int exitCode, string flag)
    {
        _command.ExitCode.Should().Be(exitCode);
        _command.Error.Should().Contain("administrator already exists").And.Contain(flag);
        _command.Output.Should().NotContain("set-password");
    }

    public void Dispose() => _page?.Dispose();

    private Uri Local() => new(_link!.PathAndQuery, UriKind.Relative);

    private async Task<HttpClient> AdministratorAsync()
    {
        var host = await district.StartAsync();
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        return client;
    }

    /// <summary>A browser: keeps cookies, follows no redirect (the steps follow them one by one).</summary>
    private static HttpClient Browser(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };

    private static Dictionary<string, string> HiddenInputs(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex(@"https?://\S+/account/set-password\?token=[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""data-testid="authenticator-key">([^<]*)</code>""")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("""<li><code>([^<]*)</code></li>""")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("""<a class="button" href="([^"]*)">""")]
    private static partial Regex ContinueLink();
}
