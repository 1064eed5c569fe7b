using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Failures in a row under a user name slow the next sign-ins under it — five free, then a delay doubling up to
/// a cap — but never lock it: the right password always gets in. An unknown name is slowed and hashed like a
/// known one, so neither the delay nor the work done tells whether it exists. The delays are recorded, not
/// waited, and the work is counted in password hashes rather than timed.
/// </summary>
public sealed class Failed_sign_ins_slow_a_name_but_never_lock_it : IAsyncLifetime
{
    private readonly RecordingPause _pause = new();
    private readonly CountingHasher _hasher = new();
    private readonly MovableClock _clock = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = IdentityHosts.DevelopmentSettings();
        _host = await TestHosts.StartAsync(new TestSettings
        {
            DataDirectory = settings.DataDirectory,
            ConfigureApp = settings.ConfigureApp,
            Values =
            {
                ["Identity:SignIn:FreeFailures"] = "5",
                ["Identity:SignIn:FirstDelay"] = "00:00:01",
                ["Identity:SignIn:MaxDelay"] = "00:00:04",
                ["Identity:SignIn:ForgetAfter"] = "01:00:00",
            },
            Configure = builder =>
            {
                builder.Services.AddSingleton<SignInPause>(_pause);
                builder.Services.AddSingleton<IPasswordHasher<ProcurementUser>>(_hasher);
                builder.Services.AddSingleton<TimeProvider>(_clock);
            },
        }, "identity", IdentityModule.Module);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Five_failures_are_free_then_each_attempt_waits_twice_as_long_up_to_the_cap()
    {
        using var client = _host.CreateClient();

        for (var i = 0; i < 9; i++)
        {
            (await TokenClient.PasswordAsync(client, "treasury", "Wrong123$")).Error.Should().Be("invalid_grant");
        }

        _pause.Delays.Should().Equal(Seconds(0, 0, 0, 0, 0, 1, 2, 4, 4));
    }

    [Fact]
    public async Task The_right_password_still_gets_in_after_many_failures_and_starts_the_count_again()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            await TokenClient.PasswordAsync(client, "treasury", "Wrong123$");
        }

        var answer = await TokenClient.PasswordAsync(client, "TREASURY", DemoDirectory.Password);
        await TokenClient.PasswordAsync(client, "treasury", "Wrong123$");

        answer.Status.Should().Be(HttpStatusCode.OK, "a delay, never a lock: " + answer.ErrorDescription);
        _pause.Delays[^2].Should().Be(TimeSpan.FromSeconds(4), "the right password waits the capped delay too");
        _pause.Delays[^1].Should().Be(TimeSpan.Zero, "a success clears the failures");
    }

    [Fact]
    public async Task A_failure_under_one_name_does_not_slow_another()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            await TokenClient.PasswordAsync(client, "agency1", "Wrong123$");
        }

        var other = await TokenClient.PasswordAsync(client, "treasury", DemoDirectory.Password);

        other.Status.Should().Be(HttpStatusCode.OK);
        _pause.Delays[^1].Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task An_unknown_name_is_slowed_exactly_like_a_known_one()
    {
        using var client = _host.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            await TokenClient.PasswordAsync(client, "agency2", "Wrong123$");
        }

        var known = _pause.Delays.ToArray();
        _pause.Delays.Clear();
        for (var i = 0; i < 8; i++)
        {
            (await TokenClient.PasswordAsync(client, "no-such-officer", "Wrong123$")).Error.Should().Be("invalid_grant");
        }

        _pause.Delays.Should().Equal(known);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_each_cost_exactly_one_password_hash()
    {
        using var client = _host.CreateClient();
        await TokenClient.PasswordAsync(client, "warm-up", "Wrong123$");

        var before = _hasher.Verifications;
        var hashesBefore = _hasher.Hashes;
        var unknown = await TokenClient.PasswordAsync(client, "no-such-officer", "Wrong123$");
        var afterUnknown = _hasher.Verifications;
        var wrong = await TokenClient.PasswordAsync(client, "treasury", "Wrong123$");
        var afterWrong = _hasher.Verifications;

        unknown.Error.Should().Be("invalid_grant");
        wrong.Error.Should().Be("invalid_grant");
        unknown.ErrorDescription.Should().Be(wrong.ErrorDescription, "the answers do not tell the two apart");
        (afterUnknown - before).Should().Be(1);
        (afterWrong - afterUnknown).Should().Be(1);
        _hasher.Hashes.Should().Be(hashesBefore, "the dummy hash was made once, not per unknown name");
    }

    [Fact]
    public async Task Failures_are_forgotten_after_a_while()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await TokenClient.PasswordAsync(client, "auditor", "Wrong123$");
        }

        _clock.Advance(TimeSpan.FromHours(2));
        await TokenClient.PasswordAsync(client, "auditor", "Wrong123$");

        _pause.Delays[^2].Should().Be(TimeSpan.FromSeconds(1));
        _pause.Delays[^1].Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_login_page_counts_towards_the_same_name()
    {
        using var browser = new Browser(_host);
        for (var i = 0; i < 6; i++)
        {
            using var page = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
            var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
            using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
            {
                ["userName"] = "treasury",
                ["password"] = "Wrong123$",
            });
            posted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var client = _host.CreateClient();
        var answer = await TokenClient.PasswordAsync(client, "treasury", DemoDirectory.Password);

        answer.Status.Should().Be(HttpStatusCode.OK);
        _pause.Delays.Should().Equal(Seconds(0, 0, 0, 0, 0, 1, 2));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(9, 16)]
    [InlineData(10, 30)]
    [InlineData(int.MaxValue, 30)]
    public void The_default_delay_doubles_from_one_second_after_five_failures_up_to_thirty_seconds(int failures, int seconds) =>
        new SignInDelayOptions().DelayAfter(failures).Should().Be(TimeSpan.FromSeconds(seconds));

    private static TimeSpan[] Seconds(params int[] seconds) => [.. seconds.Select(s => TimeSpan.FromSeconds(s))];

    private sealed class RecordingPause() : SignInPause(TimeProvider.System)
    {
        public List<TimeSpan> Delays { get; } = [];

        public override Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            lock (Delays)
            {
                Delays.Add(delay);
            }

            return Task.CompletedTask;
        }
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
