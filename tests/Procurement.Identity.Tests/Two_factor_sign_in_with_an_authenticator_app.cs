using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.Testing;
using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14 item 5: the roles that move money or run the platform (purchaser, treasury, admin) sign in with an
/// authenticator app. Through the real login pages over HTTP: after the password, a user without one sets it up
/// (key shown in groups of four, a first code, ten recovery codes shown once), a user with one gives its code or a
/// recovery code; the step between is a protected cookie that lasts 5 minutes; wrong codes count towards the lockout.
/// The host is Development with the requirement switched on, as outside Development it always is.
/// </summary>
public sealed class Two_factor_sign_in_with_an_authenticator_app : IAsyncLifetime
{
    // Frozen: the limits are checked to the second, whatever time the steps between take.
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityHosts.StartTwoFactorAsync(_clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_purchaser_sets_up_an_authenticator_at_the_first_sign_in_and_the_authorization_goes_on()
    {
        using var browser = new Browser(_host);
        var (verifier, challenge) = Pkce();
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, "s1"));
        var loginPage = new Uri(authorize.Headers.Location!.PathAndQuery, UriKind.Relative);

        var enrol = await SignInSteps.PasswordAsync(browser, "purchaser", DemoDirectory.Password, loginPage);
        var key = enrol.Key;
        var wrong = await SignInSteps.CodeAsync(browser, enrol, OtherCode(key));
        var codes = await SignInSteps.CodeAsync(browser, wrong, Now(key));
        using var back = await browser.GetAsync(codes.Continue);
        var code = QueryHelpers.ParseQuery(back.Headers.Location!.Query)["code"].ToString();
        using var client = _host.CreateClient();
        var tokens = await TokenClient.RequestAsync(client, CodeExchange(code, verifier));

        enrol.AsksForCode.Should().BeTrue();
        enrol.Html.Should().MatchRegex("""data-testid="authenticator-key">[a-z2-7]{4}( [a-z2-7]{4})+</code>""", "the key is shown in groups of four");
        enrol.Html.Should().Contain("otpauth://totp/Procurement:purchaser?secret=" + key);
        wrong.Alert.Should().Be("验证码错误，或账户已暂时锁定，请稍后再试。");
        wrong.Key.Should().Be(key, "the same key until it is confirmed");
        codes.RecoveryCodes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        codes.Continue.ToString().Should().StartWith("/connect/authorize?");
        back.StatusCode.Should().Be(HttpStatusCode.Redirect);
        tokens.Status.Should().Be(HttpStatusCode.OK, tokens.ErrorDescription);
        tokens.Access.Value("sub").Should().Be(DemoDirectory.UserNamed("purchaser").Id.ToString());
        (await UserAsync("purchaser")).TwoFactorEnabled.Should().BeTrue();
    }

    [Fact]
    public async Task Once_set_up_a_sign_in_asks_for_the_code_and_the_password_alone_does_not_sign_in()
    {
        var key = await EnrolAsync("treasury");
        using var browser = new Browser(_host);

        var step = await SignInSteps.PasswordAsync(browser, "treasury", DemoDirectory.Password);
        var notYet = await browser.GetAsync(AuthorizeUri(Pkce().Challenge, "s"));
        var done = await SignInSteps.CodeAsync(browser, step, Now(key));
        var signedIn = await browser.GetAsync(AuthorizeUri(Pkce().Challenge, "s"));

        step.AsksForCode.Should().BeTrue();
        step.Html.Should().NotContain("authenticator-key", "the key is shown only while setting up");
        notYet.Headers.Location!.AbsolutePath.Should().Be("/account/login", "no sign-in cookie before the code");
        done.Html.Should().Contain("treasury");
        QueryHelpers.ParseQuery(signedIn.Headers.Location!.Query).Should().ContainKey("code");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_typed_in_any_case_and_never_again()
    {
        var (key, recoveryCodes) = await EnrolWithCodesAsync("admin");
        var first = recoveryCodes[0];

        var once = await SignInWithCodeAsync("admin", first.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        var twice = await SignInWithCodeAsync("admin", first);
        var another = await SignInWithCodeAsync("admin", recoveryCodes[1]);

        key.Should().NotBeEmpty();
        once.AsksForCode.Should().BeFalse(once.Alert);
        twice.Alert.Should().Be("验证码错误，或账户已暂时锁定，请稍后再试。");
        another.AsksForCode.Should().BeFalse(another.Alert);
        (await EventsAsync("ADMIN")).Count(e => e.Kind == SecurityEventKind.RecoveryCodeUsed).Should().Be(2);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_of_the_name()
    {
        var key = await EnrolAsync("purchaser");
        using var browser = new Browser(_host);
        var step = await SignInSteps.PasswordAsync(browser, "purchaser", DemoDirectory.Password);
        for (var i = 0; i < 5; i++)
        {
            step = await SignInSteps.CodeAsync(browser, step, OtherCode(key));
        }

        var rightCode = await SignInSteps.CodeAsync(browser, step, Now(key));
        using var again = new Browser(_host);
        var password = await SignInSteps.PasswordAsync(again, "purchaser", DemoDirectory.Password);

        rightCode.AsksForCode.Should().BeTrue("the name is locked: the right code is refused like a wrong one");
        rightCode.Alert.Should().Be("验证码错误，或账户已暂时锁定，请稍后再试。");
        password.AsksForPassword.Should().BeTrue();
        password.Alert.Should().Be("用户名或密码错误，或账户已暂时锁定，请稍后再试。");
        var events = await EventsAsync("PURCHASER");
        events.Count(e => e.Kind == SecurityEventKind.SecondFactorFailed).Should().Be(5);
        events.Should().Contain(e => e.Kind == SecurityEventKind.LockedOut);
    }

    [Fact]
    public async Task The_step_between_password_and_code_lasts_until_4_59_and_not_5_00()
    {
        var key = await EnrolAsync("treasury");
        using var early = new Browser(_host);
        using var late = new Browser(_host);
        var earlyStep = await SignInSteps.PasswordAsync(early, "treasury", DemoDirectory.Password);
        var lateStep = await SignInSteps.PasswordAsync(late, "treasury", DemoDirectory.Password);

        _clock.Advance(new TimeSpan(0, 4, 59));
        var inTime = await SignInSteps.CodeAsync(early, earlyStep, Now(key));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var tooLate = await SignInSteps.CodeAsync(late, lateStep, Now(key));

        inTime.AsksForCode.Should().BeFalse(inTime.Alert);
        tooLate.Status.Should().Be(HttpStatusCode.BadRequest);
        tooLate.AsksForPassword.Should().BeTrue();
        tooLate.Alert.Should().Be("两步验证已超时，请重新登录。");
    }

    [Fact]
    public async Task A_code_without_the_password_step_or_with_an_altered_step_cookie_signs_nobody_in()
    {
        var key = await EnrolAsync("treasury");
        using var stranger = new Browser(_host);
        using var page = await stranger.GetAsync(SignInSteps.LoginPage);
        var form = new SignInSteps.Step(HttpStatusCode.OK, null, await page.Content.ReadAsStringAsync());
        var noStep = await SignInSteps.CodeAsync(stranger, form, Now(key));

        using var tamperer = new Browser(_host);
        var step = await SignInSteps.PasswordAsync(tamperer, "treasury", DemoDirectory.Password);
        var cookie = tamperer.Cookies.GetAllCookies().Single(c => c.Name == TwoFactorTickets.CookieName);
        cookie.Value = cookie.Value[..^4] + (cookie.Value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var altered = await SignInSteps.CodeAsync(tamperer, step, Now(key));

        noStep.Alert.Should().Be("两步验证已超时，请重新登录。");
        altered.Alert.Should().Be("两步验证已超时，请重新登录。");
        altered.AsksForPassword.Should().BeTrue();
    }

    [Fact]
    public async Task A_role_without_the_requirement_signs_in_with_its_password_alone()
    {
        using var browser = new Browser(_host);

        var step = await SignInSteps.PasswordAsync(browser, "agency1", DemoDirectory.Password);

        step.AsksForCode.Should().BeFalse();
        step.Html.Should().Contain("agency1");
        (await EventsAsync("AGENCY1")).Select(e => e.Kind).Should().Equal(SecurityEventKind.SignedIn);
    }

    [Fact]
    public async Task The_password_grant_refuses_a_user_who_needs_a_second_factor()
    {
        using var client = _host.CreateClient();

        var purchaser = await TokenClient.PasswordAsync(client, "purchaser", DemoDirectory.Password);
        var agency = await TokenClient.PasswordAsync(client, "agency1", DemoDirectory.Password);

        purchaser.Error.Should().Be("invalid_grant");
        purchaser.ErrorDescription.Should().Contain("second factor");
        agency.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Setting_up_and_using_the_second_factor_is_in_the_security_log()
    {
        var key = await EnrolAsync("treasury");
        await SignInWithCodeAsync("treasury", Now(key));
        await SignInWithCodeAsync("treasury", "000000" == Now(key) ? "111111" : "000000");

        var kinds = (await EventsAsync("TREASURY")).Select(e => e.Kind).ToList();

        kinds.Should().ContainInOrder(
            SecurityEventKind.TwoFactorEnrolled, SecurityEventKind.SignedIn,
            SecurityEventKind.SecondFactorSucceeded, SecurityEventKind.SignedIn,
            SecurityEventKind.SecondFactorFailed);
    }

    /// <summary>Signs <paramref name="userName"/> in for the first time and sets up the authenticator; its key.</summary>
    private async Task<string> EnrolAsync(string userName) => (await EnrolWithCodesAsync(userName)).Key;

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolWithCodesAsync(string userName)
    {
        using var browser = new Browser(_host);
        var enrol = await SignInSteps.PasswordAsync(browser, userName, DemoDirectory.Password);
        var key = enrol.Key;
        var done = await SignInSteps.CodeAsync(browser, enrol, Now(key));
        done.RecoveryCodes.Should().HaveCount(10, done.Alert);

        // The code just used is spent: the next sign-in waits for the app's next one.
        _clock.Advance(TimeSpan.FromSeconds(Rfc6238.StepSeconds));
        return (key, done.RecoveryCodes);
    }

    /// <summary>A new browser: the password, then <paramref name="code"/>; the page after the code.</summary>
    private async Task<SignInSteps.Step> SignInWithCodeAsync(string userName, string code)
    {
        using var browser = new Browser(_host);
        var step = await SignInSteps.PasswordAsync(browser, userName, DemoDirectory.Password);
        step.AsksForCode.Should().BeTrue(step.Alert);
        return await SignInSteps.CodeAsync(browser, step, code);
    }

    /// <summary>The authenticator app's code at the host's time.</summary>
    private string Now(string key) => Totp.Code(key, _clock.GetUtcNow());

    /// <summary>A six-digit code that is not valid now (nor 90 seconds either side).</summary>
    private string OtherCode(string key)
    {
        var now = _clock.GetUtcNow();
        var valid = Enumerable.Range(-3, 7).Select(s => Totp.Code(key, now.AddSeconds(30 * s))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => (n * 7919 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private async Task<ProcurementUser> UserAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>().FindByNameAsync(userName))!;
    }

    /// <summary>The security log's rows for a name, oldest first.</summary>
    private async Task<List<SecurityEvent>> EventsAsync(string normalisedUserName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return [.. db.SecurityEvents.Where(e => e.UserName == normalisedUserName).OrderBy(e => e.Id)];
    }
}

/// <summary>Whether a second factor is required where: outside Development always, in Development only when switched on.</summary>
public sealed class The_second_factor_requirement(ProductionIdentity production, DevelopmentIdentity development)
    : IClassFixture<ProductionIdentity>, IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task Outside_Development_it_is_enforced()
    {
        await using var scope = production.Host.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<TwoFactorRequirement>().Enforced.Should().BeTrue();
    }

    [Fact]
    public async Task In_Development_the_demo_users_keep_signing_in_with_their_password_unless_it_is_switched_on()
    {
        await using var scope = development.Host.Services.CreateAsyncScope();
        var requirement = scope.ServiceProvider.GetRequiredService<TwoFactorRequirement>();
        var purchaser = await scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>().FindByNameAsync("purchaser");

        requirement.Enforced.Should().BeFalse();
        (await requirement.MustEnrolAsync(purchaser!)).Should().BeFalse();
    }

    [Fact]
    public void The_roles_that_move_money_or_run_the_platform_need_it() =>
        TwoFactorRequirement.Roles.Should().BeEquivalentTo(["purchaser", "treasury", "admin"]);
}
