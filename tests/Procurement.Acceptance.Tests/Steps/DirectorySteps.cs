using System.Net;
using System.Text.Json;
using FluentAssertions;
using MimeKit;
using Procurement.Acceptance.Tests.Runner;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Directory: the operations team at the server's command line (<c>admin create</c>, as the
/// Standalone's Program.cs runs it), people in a browser (cookies kept, redirects followed by hand: the login page, the
/// second factor and the portal's authorization-code flow with PKCE), their mail read from the district's SMTP server,
/// and the directory's, Tendering's and Bidding's APIs — all on <see cref="ProductionDistrict"/>.
/// </summary>
[Binding]
public sealed class DirectorySteps(ProductionDistrict district) : IDisposable
{
    private readonly Dictionary<string, Guid> _organisations = [];
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgencyRegistrationBody> _registrations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Guid>> _rosters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _invited = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _tenders = new(StringComparer.Ordinal);
    private (int ExitCode, string Output, string Error) _command;
    private Uri? _link;
    private string? _password;
    private string? _accessToken;
    private HttpResponseMessage? _page;
    private ApiAnswer? _answer;
    private MimeMessage? _mail;

    // ---- the first administrator ---------------------------------------------------------------

    [Given(@"平台在生产环境中刚刚安装，还没有任何用户")]
    public static void FreshlyInstalled()
    {
        // The fixture's data folder is empty and its settings are Production's; nothing to do but to say so.
    }

    [When(@"运维人员在命令行创建首个管理员 ""([^""]*)""，邮箱 ""([^""]*)""")]
    [When(@"运维人员又在命令行创建管理员 ""([^""]*)""，邮箱 ""([^""]*)""")]
    public async Task CreateAdministrator(string userName, string email) =>
        _command = await district.AdminAsync("create", "--username", userName, "--email", email);

    [Then(@"命令打印出一个72小时内有效的一次性链接")]
    public void PrintsLink()
    {
        _command.ExitCode.Should().Be(0, _command.Error);
        _command.Output.Should().Contain("72 hours");
        _link = PortalSignIn.SetPasswordLinkIn(_command.Output);
        _link.GetLeftPart(UriPartial.Authority).Should().Be("http://127.0.0.1:5080", "the link points at the platform's public address");
    }

    [When(@"管理员打开这个链接，两次输入新密码 ""([^""]*)""")]
    public async Task SetsPassword(string password)
    {
        using var browser = new Browser(await district.StartAsync());
        using var set = await PortalSignIn.SetPasswordAsync(browser, _link!, password);
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        _password = password;
    }

    [Then(@"管理员用 ""([^""]*)"" 和这个密码登录，按提示设置身份验证器应用并输入第一个验证码，拿到十个恢复码和角色 ""([^""]*)""")]
    public async Task SignsIn(string userName, string role)
    {
        var signedIn = await PortalSignIn.SignInAsync(await district.StartAsync(), userName, _password!);
        signedIn.Tokens.Status.Should().Be(HttpStatusCode.OK, signedIn.Tokens.ErrorDescription);
        signedIn.AuthenticatorKey.Should().NotBeNullOrEmpty("an administrator's first sign-in asks them to set up an authenticator app");
        signedIn.RecoveryCodes.Should().HaveCount(10);
        _accessToken = signedIn.Tokens.AccessToken;
        signedIn.Tokens.Access.Values(ProcurementClaims.Role).Should().Equal(role);
    }

    [When(@"管理员建立采购单位 ""([^""]*)""，地区 ""([^""]*)""，行政区划代码 ""([^""]*)""")]
    public async Task CreatesPurchasingUnit(string name, string region, string divisionCode)
    {
        using var admin = await district.ClientAsync(_accessToken);
        _organisations[name] = await admin.CreateOrganisationAsync(name, "PurchasingUnit", region, divisionCode);
    }

    [Then(@"""([^""]*)"" 的变更记录写明它由 ""([^""]*)"" 创建")]
    public async Task HistoryNamesCreator(string name, string userName)
    {
        using var admin = await district.ClientAsync(_accessToken);
        var history = (await admin.HistoryAsync(_organisations[name])).Expect(HttpStatusCode.OK, "reading the history").Json<JsonElement[]>();
        history.Should().ContainSingle();
        history[0].GetProperty("change").GetString().Should().Be("Created");
        history[0].GetProperty("actorName").GetString().Should().Be(userName);
    }

    [When(@"有人再次打开同一个链接")]
    public async Task OpensLinkAgain()
    {
        using var browser = new Browser(await district.StartAsync());
        _page = await browser.GetAsync(PortalSignIn.Local(_link!));
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

    // ---- the onboarding: the administrator, purchasing units and their people -----------------

    [Given(@"平台管理员已经登录")]
    public async Task AdministratorSignedIn() => _accessToken = (await district.AdministratorAsync()).AccessToken;

    [Given(@"管理员已建立采购单位 ""([^""]*)""，地区 ""([^""]*)""，行政区划代码 ""([^""]*)""")]
    public async Task PurchasingUnitExists(string name, string region, string divisionCode) =>
        _organisations[name] = await district.PurchasingUnitAsync(name, region, divisionCode);

    [When(@"管理员邀请 ""([^""]*)"" 作为 ""([^""]*)"" 的采购人，邮箱 ""([^""]*)""，用户名 ""([^""]*)""")]
    public async Task Invites(string displayName, string organisation, string email, string userName)
    {
        using var admin = await district.ClientAsync(_accessToken);
        var user = await admin.InvitedAsync(new NewInvitation(_organisations[organisation], email, displayName, userName, [Roles.Purchaser]));
        _invited[userName] = user.Id;
    }

    [Then(@"""([^""]*)"" 收到邀请邮件，写明链接72小时内有效")]
    public async Task InvitationArrives(string email)
    {
        var mail = await district.Mail.WaitForMailToAsync(email);
        var text = TestSmtpServer.TextOf(mail);
        var expiry = (mail.Date + TimeSpan.FromHours(72)).ToOffset(TimeSpan.FromHours(8));
        text.Should().Contain($"有效期至 {expiry:yyyy-MM-dd}", "the link is valid for 72 hours and the mail says until when, in Beijing time");
        var userName = _invited.Keys.Single();
        _links[userName] = PortalSignIn.SetPasswordLinkIn(text);
    }

    [When(@"""([^""]*)"" 打开邮件里的链接，设置密码 ""([^""]*)""")]
    [When(@"""([^""]*)"" 打开邮件里的链接，设置新密码 ""([^""]*)""")]
    public async Task FollowsLink(string userName, string password)
    {
        using var browser = new Browser(await district.StartAsync());
        using var set = await PortalSignIn.SetPasswordAsync(browser, _links[userName], password);
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        _passwords[userName] = password;
    }

    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);

    [When(@"""([^""]*)"" 登录，按提示设置身份验证器应用并输入第一个验证码")]
    public async Task SignsInWithAuthenticator(string userName)
    {
        var signedIn = await PortalSignIn.SignInAsync(await district.StartAsync(), userName, _passwords[userName]);
        signedIn.Tokens.Status.Should().Be(HttpStatusCode.OK, signedIn.Tokens.ErrorDescription);
        signedIn.AuthenticatorKey.Should().NotBeNullOrEmpty("a purchaser sets up an authenticator app at the first sign-in");
        signedIn.RecoveryCodes.Should().HaveCount(10);
        _people[userName] = new Person(userName, _passwords[userName], _invited[userName], Guid.Empty, signedIn);
    }

    [Then(@"""([^""]*)"" 以 ""([^""]*)"" 的采购人身份登录")]
    public void SignedInAsPurchaser(string userName, string organisation)
    {
        var access = _people[userName].SignIn.Tokens.Access;
        access.Values(ProcurementClaims.Role).Should().Equal(Roles.Purchaser);
        access.Value(ProcurementClaims.OrganisationId).Should().Be(_organisations[organisation].ToString());
        access.Subject.Should().Be(_invited[userName].ToString());
    }

    [When(@"""([^""]*)"" 建立服务项目，发布采购项目 ""([^""]*)""")]
    public async Task Publishes(string userName, string title)
    {
        using var purchaser = await district.ClientAsync(_people[userName].AccessToken);
        var programId = await purchaser.CreateProgramAsync($"{title}（服务项目）", "深圳市福田区");
        var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(25), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(2);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, title, OnboardingDistrict.BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);
        _tenders[title] = tenderId;
        _accessToken = _people[userName].AccessToken;
    }

    [Then(@"采购项目 ""([^""]*)"" 已发布")]
    public async Task Published(string title)
    {
        using var purchaser = await district.ClientAsync(_accessToken);
        var tender = (await ApiAnswer.ReadAsync(purchaser.GetAsync(new Uri($"/api/tenders/{_tenders[title]}", UriKind.Relative))))
            .Expect(HttpStatusCode.OK, "reading the tender").Json<JsonElement>();
        tender.GetProperty("status").GetString().Should().Be("Published");
        tender.GetProperty("title").GetString().Should().Be(title);
    }

    [Given(@"""([^""]*)"" 已应邀成为 ""([^""]*)"" 的采购人并登录，邮箱 ""([^""]*)""，用户名 ""([^""]*)""")]
    public async Task PurchaserJoined(string displayName, string organisation, string email, string userName) =>
        _people[userName] = await district.InviteAsync(email, displayName, userName, Roles.Purchaser, organisationId: _organisations[organisation]);

    [When(@"平台管理员以 ""([^""]*)"" 为由停用 ""([^""]*)""")]
    public async Task Deactivates(string reason, string userName)
    {
        using var admin = await district.ClientAsync((await district.AdministratorAsync()).AccessToken);
        (await admin.DeactivateUserAsync(_people[userName].UserId, reason)).Expect(HttpStatusCode.OK, $"deactivating {userName}");
    }

    [Then(@"""([^""]*)"" 之前取得的访问令牌被采购和投标服务拒绝（401）")]
    public async Task EarlierTokenRefused(string userName)
    {
        using var before = await district.ClientAsync(_people[userName].AccessToken);
        var tendering = await Poll.ForAsync(
            async () => (await before.GetAsync(new Uri("/api/programs", UriKind.Relative))).StatusCode, status => status == HttpStatusCode.Unauthorized);
        tendering.Should().Be(HttpStatusCode.Unauthorized);
        (await before.GetAsync(new Uri($"/api/bids/openings/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Then(@"""([^""]*)"" 的刷新令牌不能再换取新的令牌")]
    public async Task RefreshFails(string userName)
    {
        using var client = await district.ClientAsync(accessToken: null);
        var refreshed = await TokenClient.RefreshAsync(client, TokenClient.PortalClientId, _people[userName].SignIn.Tokens.RefreshToken!);
        refreshed.Error.Should().Be("invalid_grant");
    }

    [Then(@"""([^""]*)"" 不能再登录")]
    public async Task CannotSignIn(string userName)
    {
        var person = _people[userName];
        var again = await PortalSignIn.SignInAsync(await district.StartAsync(), userName, person.Password, person.SignIn.AuthenticatorKey);
        again.Tokens.Error.Should().Be("login_refused");
    }

    // ---- agencies ------------------------------------------------------------------------------

    [Given(@"福田区民政局已发布一个采购项目")]
    public async Task TenderPublished() => _tenders[OnboardingDistrict.TenderTitle] = await district.TenderAsync();

    [When(@"机构 ""([^""]*)"" 自行注册，统一社会信用代码 ""([^""]*)""，用户名 ""([^""]*)""")]
    public async Task Registers(string name, string creditCode, string userName)
    {
        var registration = OnboardingDistrict.Registration(name, creditCode, userName);
        _registrations[userName] = registration;
        using var anyone = await district.ClientAsync(accessToken: null);
        _answer = await anyone.RegisterAgencyAsync(registration);
    }

    [Then(@"""([^""]*)"" 的邮箱收到确认邮件")]
    public async Task ConfirmationArrives(string userName)
    {
        _answer!.Status.Should().Be(HttpStatusCode.Accepted, _answer.Body);
        var mail = await district.Mail.WaitForMailToAsync(_registrations[userName].Email);
        _links[userName] = TestSmtpServer.LinksIn(mail).First(l => l.AbsolutePath == "/account/confirm-email");
    }

    [When(@"""([^""]*)"" 打开确认邮件里的链接")]
    public async Task Confirms(string userName)
    {
        using var browser = new Browser(await district.StartAsync());
        _page = await browser.GetAsync(PortalSignIn.Local(_links[userName]));
    }

    [Then(@"页面说明电子邮箱已确认，机构可以登录并投标")]
    public async Task Confirmed()
    {
        _page!.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _page.Content.ReadAsStringAsync()).Should().Contain("电子邮箱已确认").And.Contain("投标");
    }

    [When(@"""([^""]*)"" 只用密码登录")]
    public async Task AgencySignsIn(string userName)
    {
        var registration = _registrations[userName];
        var signedIn = await PortalSignIn.SignInAsync(await district.StartAsync(), userName, registration.Password);
        signedIn.Tokens.Status.Should().Be(HttpStatusCode.OK, signedIn.Tokens.ErrorDescription);
        signedIn.AuthenticatorKey.Should().BeNull("an agency signs in with its password alone");
        var organisationId = _answer!.Json<JsonElement>().GetProperty("organisationId").GetGuid();
        _people[userName] = new Person(userName, registration.Password, Guid.Parse(signedIn.Tokens.Access.Subject), organisationId, signedIn);
    }

    [Then(@"投标系统里已有 ""([^""]*)"" 的机构资料，统一社会信用代码 ""([^""]*)""")]
    public async Task ProfileInBidding(string name, string creditCode)
    {
        using var agency = await district.ClientAsync(_people.Values.Last().AccessToken);
        var profile = (await OnboardingDistrict.ProfileInBiddingAsync(agency)).Expect(HttpStatusCode.OK, "the agency's profile in Bidding").Json<JsonElement>();
        profile.GetProperty("name").GetString().Should().Be(name);
        profile.GetProperty("unifiedSocialCreditCode").GetString().Should().Be(creditCode);
    }

    [When(@"""([^""]*)"" 登记三名持证社工，对福田区民政局的采购项目投标")]
    public async Task RosterAndBid(string userName)
    {
        await HasRoster(userName);
        await Bids(userName);
    }

    [Then(@"投标被接收")]
    public void BidReceived() => _answer!.Status.Should().Be(HttpStatusCode.Created, _answer.Body);

    [Given(@"机构 ""([^""]*)"" 已注册并确认邮箱，统一社会信用代码 ""([^""]*)""，用户名 ""([^""]*)""")]
    public async Task AgencyRegistered(string name, string creditCode, string userName)
    {
        var registration = OnboardingDistrict.Registration(name, creditCode, userName);
        _registrations[userName] = registration;
        _people[userName] = await district.RegisterAgencyAsync(registration);
        _organisations[name] = _people[userName].OrganisationId;
    }

    [Then(@"注册被拒绝（409），说明统一社会信用代码 ""([^""]*)"" 已经注册")]
    public void RegistrationRefused(string creditCode)
    {
        _answer!.Status.Should().Be(HttpStatusCode.Conflict, _answer.Body);
        _answer.Body.Should().Contain(creditCode);
    }

    [Then(@"""([^""]*)"" 的邮箱收到邮件，说明 ""([^""]*)"" 的联系人尝试重复注册，并附有邀请此人的链接")]
    public async Task ExistingAdministratorTold(string userName, string triedUserName)
    {
        var tried = _registrations[triedUserName];
        var mail = await MailAsync(_registrations[userName].Email, text => text.Contains(tried.Email, StringComparison.Ordinal));
        TestSmtpServer.TextOf(mail).Should().Contain(tried.UnifiedSocialCreditCode);
        TestSmtpServer.LinksIn(mail).Should().Contain(l => l.Query.Contains("inviteEmail=", StringComparison.Ordinal));
    }

    [Given(@"""([^""]*)"" 已登记三名持证社工")]
    public async Task HasRoster(string userName) => _rosters[userName] = await district.RosterAsync(_people[userName]);

    [When(@"平台管理员以 ""([^""]*)"" 为由暂停 ""([^""]*)""")]
    public async Task Suspends(string reason, string name)
    {
        using var admin = await district.ClientAsync((await district.AdministratorAsync()).AccessToken);
        (await admin.SuspendAsync(_organisations[name], reason)).Expect(HttpStatusCode.OK, $"suspending {name}");
        await SuspendedInBiddingAsync(name, expected: true);
    }

    [When(@"平台管理员恢复 ""([^""]*)""")]
    public async Task Reinstates(string name)
    {
        using var admin = await district.ClientAsync((await district.AdministratorAsync()).AccessToken);
        (await admin.ReinstateAsync(_organisations[name])).Expect(HttpStatusCode.OK, $"reinstating {name}");
        await SuspendedInBiddingAsync(name, expected: false);
    }

    [Then(@"""([^""]*)"" 对福田区民政局的采购项目投标被拒绝（422），看到原因 ""([^""]*)""")]
    public async Task BidRefused(string userName, string reason)
    {
        await Bids(userName);
        _answer!.Status.Should().Be(HttpStatusCode.UnprocessableEntity, _answer.Body);
        _answer.Body.Should().Contain("agency_suspended").And.Contain(reason);
    }

    [Then(@"""([^""]*)"" 对福田区民政局的采购项目投标被接收")]
    public async Task BidAccepted(string userName)
    {
        await Bids(userName);
        BidReceived();
    }

    // ---- a forgotten password ----------------------------------------------------------------------

    [When(@"""([^""]*)"" 在“忘记密码”页面输入自己的电子邮箱")]
    public async Task ForgotPassword(string userName)
    {
        using var browser = new Browser(await district.StartAsync());
        using var page = await browser.GetAsync(new Uri("/account/forgot-password", UriKind.Relative));
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["userName"] = _registrations[userName].Email;
        using var sent = await browser.PostAsync(new Uri("/account/forgot-password", UriKind.Relative), form);
        sent.StatusCode.Should().Be(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
    }

    [Then(@"""([^""]*)"" 的邮箱收到重置密码的邮件")]
    public async Task ResetMailArrives(string userName)
    {
        _mail = await MailAsync(_registrations[userName].Email, text => text.Contains("/account/reset-password?token=", StringComparison.Ordinal));
        _links[userName] = TestSmtpServer.LinksIn(_mail).First(l => l.AbsolutePath == "/account/reset-password");
    }

    [Then(@"""([^""]*)"" 用新密码可以登录，用旧密码不能登录")]
    public async Task NewPasswordOnly(string userName)
    {
        var host = await district.StartAsync();
        // The reset ended the user's sessions, and a session issued in the same whole second as that is refused
        // (RevokedUsers.Refuses: cookies and tokens carry whole seconds). A person types the new password later than
        // that; the scenario waits for the next second as they would.
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (now.UtcTicks % TimeSpan.TicksPerSecond)) + TimeSpan.FromMilliseconds(20));
        var withNew = await PortalSignIn.SignInAsync(host, userName, _passwords[userName]);
        var withOld = await PortalSignIn.SignInAsync(host, userName, _registrations[userName].Password);
        withNew.Tokens.Status.Should().Be(HttpStatusCode.OK, withNew.Tokens.ErrorDescription);
        withOld.Tokens.Error.Should().Be("login_refused");
    }

    public void Dispose() => _page?.Dispose();

    private async Task Bids(string userName)
    {
        using var agency = await district.ClientAsync(_people[userName].AccessToken);
        var tenderId = await district.TenderAsync();
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");
        _answer = await agency.SubmitBidAsync(tenderId, OnboardingDistrict.Bid(_rosters[userName]));
    }

    /// <summary>The first mail to <paramref name="email"/> whose text <paramref name="matches"/>, waiting 20 s at most.</summary>
    private async Task<MimeMessage> MailAsync(string email, Func<string, bool> matches)
    {
        await Poll.UntilAsync(
            () => Task.FromResult(district.Mail.MailsTo(email).Any(m => matches(TestSmtpServer.TextOf(m)))), $"the mail to {email}", TimeSpan.FromSeconds(20));
        return district.Mail.MailsTo(email).First(m => matches(TestSmtpServer.TextOf(m)));
    }

    private async Task SuspendedInBiddingAsync(string name, bool expected)
    {
        var contact = _people.Values.Single(p => p.OrganisationId == _organisations[name]);
        using var agency = await district.ClientAsync(contact.AccessToken);
        var suspended = await Poll.ForAsync(
            async () => (await OnboardingDistrict.ProfileInBiddingAsync(agency)).Expect(HttpStatusCode.OK, "the agency's profile").Json<JsonElement>()
                .GetProperty("suspended").GetBoolean(),
            value => value == expected);
        suspended.Should().Be(expected, "Bidding learns of the change");
    }
}
