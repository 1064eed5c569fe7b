using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.Testing;
using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

/// <summary>RFC 6238 appendix B's SHA-1 vectors (the key is the ASCII "12345678901234567890"), 8 digits and the app's 6.</summary>
public sealed class The_TOTP_algorithm
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Gives_the_RFC_6238_appendix_B_codes(long unixSeconds, string expected)
    {
        var step = Rfc6238.StepOf(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Rfc6238.Code(Key, step, digits: 8).Should().Be(expected);
        Rfc6238.Code(Key, step).Should().Be(expected[2..], "six digits are the same number modulo 10^6");
    }

    [Fact]
    public void Reads_the_key_as_authenticator_apps_show_it_and_refuses_what_is_not_base32()
    {
        Rfc6238.Base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").Should().Equal(Key);
        Rfc6238.Base32("GEZDGNBVGY3TQOJQ1").Should().BeNull("1 is not a base32 character");
    }
}

/// <summary>
/// The authenticator's codes on the host's clock (not the system's), each accepted once (replay protection), the enrolment
/// page's QR code, and the <c>amr</c> claim that tells the services how the user proved who they are.
/// </summary>
public sealed class Authenticator_codes_follow_RFC_6238_on_the_hosts_clock_once_each : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityHosts.StartTwoFactorAsync(_clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_enrolment_page_shows_the_otpauth_link_as_a_QR_code_beside_the_key()
    {
        using var browser = new Browser(_host);
        var enrol = await SignInSteps.PasswordAsync(browser, "purchaser", DemoDirectory.Password);

        var qr = Regex.Match(enrol.Html, """<img class="qr" data-testid="authenticator-qr"[^>]* src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)" />""");
        qr.Success.Should().BeTrue(enrol.Html);
        Convert.FromBase64String(qr.Groups[1].Value)[..8].Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image");
        qr.Groups[2].Value.Should().Be("用身份验证器应用扫描此二维码添加密钥");
        enrol.Key.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_code_accepted_once_is_refused_again_in_its_window_and_the_next_steps_code_signs_in()
    {
        var (key, enrolledAt) = await EnrolAsync("treasury");
        var spent = Totp.Code(key, enrolledAt);

        var replayed = await SignInWithCodeAsync("treasury", spent);
        _clock.Advance(TimeSpan.FromSeconds(Rfc6238.StepSeconds));
        var next = await SignInWithCodeAsync("treasury", Totp.Code(key, _clock.GetUtcNow()));
        var nextAgain = await SignInWithCodeAsync("treasury", Totp.Code(key, _clock.GetUtcNow()));

        replayed.Alert.Should().Be("验证码错误，或账户已暂时锁定，请稍后再试。", "the enrolment's code was spent");
        next.AsksForCode.Should().BeFalse(next.Alert);
        nextAgain.Alert.Should().Be("验证码错误，或账户已暂时锁定，请稍后再试。");
    }

    [Fact]
    public async Task Codes_are_for_the_hosts_clock_one_step_either_side_and_not_the_system_clock()
    {
        var (key, _) = await EnrolAsync("admin");
        _clock.Advance(TimeSpan.FromMinutes(10));
        var hostNow = _clock.GetUtcNow();

        var systemCode = await SignInWithCodeAsync("admin", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        var twoStepsBehind = await SignInWithCodeAsync("admin", Totp.Code(key, hostNow.AddSeconds(-2 * Rfc6238.StepSeconds)));
        var oneStepBehind = await SignInWithCodeAsync("admin", Totp.Code(key, hostNow.AddSeconds(-Rfc6238.StepSeconds)));
        var oneStepAhead = await SignInWithCodeAsync("admin", Totp.Code(key, hostNow.AddSeconds(Rfc6238.StepSeconds)));

        systemCode.AsksForCode.Should().BeTrue("ten minutes off the host's clock");
        twoStepsBehind.AsksForCode.Should().BeTrue("two steps behind is too old");
        oneStepBehind.AsksForCode.Should().BeFalse(oneStepBehind.Alert);
        oneStepAhead.AsksForCode.Should().BeFalse(oneStepAhead.Alert);
    }

    [Fact]
    public async Task The_tokens_say_pwd_otp_and_mfa_after_a_second_factor_and_pwd_alone_after_a_password()
    {
        var (key, _) = await EnrolAsync("purchaser");
        _clock.Advance(TimeSpan.FromSeconds(Rfc6238.StepSeconds));
        using var twoFactor = new Browser(_host);
        var step = await SignInSteps.PasswordAsync(twoFactor, "purchaser", DemoDirectory.Password);
        (await SignInSteps.CodeAsync(twoFactor, step, Totp.Code(key, _clock.GetUtcNow()))).AsksForCode.Should().BeFalse();
        var strong = await ExchangeAsync(_host, twoFactor);

        using var passwordOnly = new Browser(_host);
        var agency = await TokensAsync(_host, passwordOnly, "agency1");
        using var client = _host.CreateClient();
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, strong.RefreshToken!);

        strong.Access.Values("amr").Should().BeEquivalentTo("pwd", "otp", "mfa");
        strong.Identity.Values("amr").Should().BeEquivalentTo("pwd", "otp", "mfa");
        refreshed.Access.Values("amr").Should().BeEquivalentTo(["pwd", "otp", "mfa"], "a refresh keeps how the user signed in");
        agency.Access.Values("amr").Should().Equal("pwd");
        agency.Identity.Values("amr").Should().Equal("pwd");
        strong.Access.Values(Endpoints.TokenPrincipals.SecurityStampClaim).Should().BeEmpty("the stamp stays in Identity's codes and refresh tokens");
    }

    /// <summary>Sets up <paramref name="userName"/>'s authenticator with the code of the host's time; the key and that time.</summary>
    private async Task<(string Key, DateTimeOffset At)> EnrolAsync(string userName)
    {
        var at = _clock.GetUtcNow();
        using var browser = new Browser(_host);
        var enrol = await SignInSteps.PasswordAsync(browser, userName, DemoDirectory.Password);
        var done = await SignInSteps.CodeAsync(browser, enrol, Totp.Code(enrol.Key, at));
        done.RecoveryCodes.Should().HaveCount(10, done.Alert);
        return (enrol.Key, at);
    }

    private async Task<SignInSteps.Step> SignInWithCodeAsync(string userName, string code)
    {
        using var browser = new Browser(_host);
        var step = await SignInSteps.PasswordAsync(browser, userName, DemoDirectory.Password);
        step.AsksForCode.Should().BeTrue(step.Alert);
        return await SignInSteps.CodeAsync(browser, step, code);
    }
}
