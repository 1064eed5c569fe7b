using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Identity.Domain;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14 item 5: five failed sign-ins under a user name within 15 minutes lock the name for 15 minutes — known
/// or unknown alike — and the answer never tells a locked name, an unknown name and a wrong password apart, nor
/// does the work done (counted in password hashes rather than timed). The host's clock is frozen and moved by hand.
/// </summary>
public sealed class Five_failures_in_fifteen_minutes_lock_a_name_for_fifteen_minutes : IAsyncLifetime
{
    private const string Wrong = "Wrong123$";
    private readonly CountingHasher _hasher = new();
    // Frozen: the limits are checked to the second, whatever time the steps between take.
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private RunningHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(configure: builder =>
        {
            builder.Services.AddSingleton<IPasswordHasher<ProcurementUser>>(_hasher);
            builder.Services.AddSingleton<TimeProvider>(_clock);
        }));
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task After_four_failures_the_right_password_still_signs_in()
    {
        await FailAsync("treasury", 4);

        var answer = await TokenClient.PasswordAsync(_client, "treasury", DemoDirectory.Password);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.ErrorDescription);
    }

    [Fact]
    public async Task The_fifth_failure_locks_the_name_and_the_right_password_is_refused_like_a_wrong_one()
    {
        var wrong = await FailAsync("treasury", 5);

        var right = await TokenClient.PasswordAsync(_client, "treasury", DemoDirectory.Password);

        right.Error.Should().Be("invalid_grant");
        right.ErrorDescription.Should().Be(wrong.ErrorDescription);
    }

    [Fact]
    public async Task A_sixth_attempt_while_locked_is_refused_and_neither_counts_nor_extends_the_lock()
    {
        await FailAsync("treasury", 5);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var sixth = await TokenClient.PasswordAsync(_client, "treasury", Wrong);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var afterFifteenMinutes = await TokenClient.PasswordAsync(_client, "treasury", DemoDirectory.Password);

        sixth.Error.Should().Be("invalid_grant");
        afterFifteenMinutes.Status.Should().Be(HttpStatusCode.OK, "the lock runs 15 minutes from the fifth failure: " + afterFifteenMinutes.ErrorDescription);
    }

    [Fact]
    public async Task The_lock_holds_at_14_59_and_is_over_at_15_00()
    {
        await FailAsync("treasury", 5);

        _clock.Advance(new TimeSpan(0, 14, 59));
        var at1459 = await TokenClient.PasswordAsync(_client, "treasury", DemoDirectory.Password);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var at1500 = await TokenClient.PasswordAsync(_client, "treasury", DemoDirectory.Password);

        at1459.Error.Should().Be("invalid_grant");
        at1500.Status.Should().Be(HttpStatusCode.OK, at1500.ErrorDescription);
    }

    [Fact]
    public async Task Five_failures_within_14_59_lock_the_name()
    {
        await FailAsync("agency1", 4);
        _clock.Advance(new TimeSpan(0, 14, 59));
        await FailAsync("agency1", 1);

        var right = await TokenClient.PasswordAsync(_client, "agency1", DemoDirectory.Password);

        right.Error.Should().Be("invalid_grant");
    }

    [Fact]
    public async Task Five_failures_spread_over_15_00_do_not_lock_the_name()
    {
        await FailAsync("agency1", 4);
        _clock.Advance(TimeSpan.FromMinutes(15));
        await FailAsync("agency1", 1);

        var right = await TokenClient.PasswordAsync(_client, "agency1", DemoDirectory.Password);

        right.Status.Should().Be(HttpStatusCode.OK, "the first four fell out of the 15 minutes: " + right.ErrorDescription);
    }

    [Fact]
    public async Task A_successful_sign_in_forgets_the_failures_before_it()
    {
        await FailAsync("agency2", 4);
        (await TokenClient.PasswordAsync(_client, "agency2", DemoDirectory.Password)).Status.Should().Be(HttpStatusCode.OK);
        await FailAsync("agency2", 4);

        var right = await TokenClient.PasswordAsync(_client, "agency2", DemoDirectory.Password);

        right.Status.Should().Be(HttpStatusCode.OK, right.ErrorDescription);
    }

    [Fact]
    public async Task A_lock_on_one_name_leaves_every_other_name_alone()
    {
        await FailAsync("agency1", 5);

        var other = await TokenClient.PasswordAsync(_client, "agency3", DemoDirectory.Password);

        other.Status.Should().Be(HttpStatusCode.OK, other.ErrorDescription);
    }

    [Fact]
    public async Task An_unknown_name_is_locked_and_answered_exactly_like_a_known_one()
    {
        var known = new List<TokenAnswer>();
        var unknown = new List<TokenAnswer>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await TokenClient.PasswordAsync(_client, "evaluator1", Wrong));
            unknown.Add(await TokenClient.PasswordAsync(_client, "no-such-officer", Wrong));
        }

        unknown.Select(a => (a.Status, a.Error, a.ErrorDescription)).Should().Equal(known.Select(a => (a.Status, a.Error, a.ErrorDescription)));
        var rows = await FailuresAsync();
        rows.Should().Contain(f => f.Key == SignInFailures.KeyOf("NO-SUCH-OFFICER") && f.Count == 5, "the unknown name is counted and locked too");
        rows.Should().Contain(f => f.Key == SignInFailures.KeyOf("EVALUATOR1") && f.Count == 5);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_name_and_a_locked_name_each_cost_exactly_one_password_hash()
    {
        await TokenClient.PasswordAsync(_client, "warm-up", Wrong);
        await FailAsync("evaluator2", 5);

        var before = _hasher.Verifications;
        var hashesBefore = _hasher.Hashes;
        var unknown = await TokenClient.PasswordAsync(_client, "no-such-officer", Wrong);
        var afterUnknown = _hasher.Verifications;
        var wrong = await TokenClient.PasswordAsync(_client, "evaluator3", Wrong);
        var afterWrong = _hasher.Verifications;
        var locked = await TokenClient.PasswordAsync(_client, "evaluator2", DemoDirectory.Password);
        var afterLocked = _hasher.Verifications;

        new[] { unknown, wrong, locked }.Select(a => a.ErrorDescription).Distinct().Should().ContainSingle("the answers do not tell the three apart");
        (afterUnknown - before).Should().Be(1);
        (afterWrong - afterUnknown).Should().Be(1);
        (afterLocked - afterWrong).Should().Be(1, "a locked name's password is hashed all the same");
        _hasher.Hashes.Should().Be(hashesBefore, "the dummy hash was made once, not per unknown name");
    }

    [Fact]
    public async Task The_login_page_says_the_same_for_a_wrong_password_an_unknown_name_and_a_locked_name()
    {
        using var browser = new Browser(_host);
        var wrong = await SignInSteps.PasswordAsync(browser, "agency3", Wrong);
        var unknown = await SignInSteps.PasswordAsync(browser, "no-such-agency", Wrong);
        for (var i = 0; i < 4; i++)
        {
            await SignInSteps.PasswordAsync(browser, "agency3", Wrong);
        }

        var locked = await SignInSteps.PasswordAsync(browser, "agency3", DemoDirectory.Password);

        wrong.Alert.Should().Be("用户名或密码错误，或账户已暂时锁定，请稍后再试。");
        unknown.Alert.Should().Be(wrong.Alert);
        locked.Alert.Should().Be(wrong.Alert);
        new[] { wrong, unknown, locked }.Select(s => s.Status).Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_login_page_and_the_password_grant_count_towards_the_same_name()
    {
        using var browser = new Browser(_host);
        for (var i = 0; i < 3; i++)
        {
            await SignInSteps.PasswordAsync(browser, "auditor", Wrong);
        }

        await FailAsync("AUDITOR", 2);
        var page = await SignInSteps.PasswordAsync(browser, "auditor", DemoDirectory.Password);

        page.AsksForPassword.Should().BeTrue("the name is locked, so the login page asks again");
        page.Alert.Should().Be("用户名或密码错误，或账户已暂时锁定，请稍后再试。", "a locked name is answered like a wrong password");
    }

    private async Task<TokenAnswer> FailAsync(string userName, int times)
    {
        TokenAnswer? last = null;
        for (var i = 0; i < times; i++)
        {
            last = await TokenClient.PasswordAsync(_client, userName, Wrong);
            last.Error.Should().Be("invalid_grant");
        }

        return last!;
    }

    private async Task<List<SignInFailures>> FailuresAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.IdentityDb>();
        return [.. db.SignInFailures];
    }

    /// <summary>Identity's own hasher, counting what it is asked to do.</summary>
    private sealed class CountingHasher : IPasswordHasher<ProcurementUser>
    {
        private readonly PasswordHasher<ProcurementUser> _inner = new();
        private int _verifications;
        private int _hashes;

        public int Verifications => Volatile.Read(ref _verifications);

        public int Hashes => Volatile.Read(ref _hashes);

        public string HashPassword(ProcurementUser user, string password)
        {
            Interlocked.Increment(ref _hashes);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ProcurementUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
