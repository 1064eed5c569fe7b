using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Browser.Tests.Support;

/// <summary>
/// What every browser test shares, started once per collection: the embedded platform (every module and the portal in
/// the Standalone host) on a real loopback Kestrel port, every module on one <see cref="FakeTimeProvider"/>, and one
/// headless Debian chromium driven by Playwright. Each test gets a browser context of its own (<see cref="RunAsync"/>):
/// fresh cookies, zh-CN and Asia/Shanghai unless it asks for another language.
/// </summary>
/// <remarks>
/// The clock starts at the real time, not at a fixed date: the browser judges cookie expiry by its own clock, and a
/// cookie the server dates in the past (the OIDC handler's correlation and nonce cookies live 15 minutes) would be
/// dropped at once. It only ever moves forward (<see cref="AdvanceClock"/>), and it is shared by every test of the
/// collection, so a test that moves it moves it for the tests after it. Timers on it (the platform's clock jobs) fire
/// only when it is advanced (each once per jump, see <see cref="AdvanceClock"/>); the outbox and the in-memory bus run
/// in real time.
/// </remarks>
public sealed class BrowserPlatform : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The demo users' password (Development only).</summary>
    public const string Password = PlatformSignIn.DemoPassword;

    public static IReadOnlyList<string> ChromiumArguments { get; } =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

    /// <summary>How long one Playwright action, wait or <c>Expect</c> may take before the test fails (a cold Blazor page on 2 shared cores takes a few seconds).</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(20);

    private EmbeddedPlatform? _platform;
    private TestSmtpServer? _mail;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The one clock of every module (the token issuer and the cookie handlers included).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The SMTP server the platform's mail outbox sends to: journeys read invitations and confirmations from it.</summary>
    public TestSmtpServer Mail => _mail ?? throw new InvalidOperationException("The SMTP server has not started.");

    public EmbeddedPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>Where the platform listens, e.g. <c>http://127.0.0.1:41234/</c>; pages are opened relative to it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>Today in Asia/Shanghai on the platform's clock (use it, not the machine's date, to date tenders).</summary>
    public DateOnly Today => Clock.GetUtcNow().ShanghaiDate();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: run ./scripts/test.sh (it installs Debian's chromium) or `apt-get install chromium`. Never `playwright install`.");
        }

        var port = TestHosts.FreePort();
        var address = $"http://127.0.0.1:{port}";
        _mail = await TestSmtpServer.StartAsync();
        _platform = await EmbeddedPlatform.StartAsync(
            new Dictionary<string, string?>
            {
                // The Standalone derives the portal's public URL (its OIDC redirect URIs) and the token issuer from `urls`;
                // the issuer is set too, over the test hosts' default of port 5080.
                ["urls"] = address,
                [TokenKeys.IssuerSetting] = address + "/",

                // Tests type wrong passwords on purpose; five failures would lock the name for 15 minutes of the (frozen) test clock.
                ["Identity:SignIn:Failures"] = "1000",

                // Every journey of the suite works as the same few demo users through the one portal client: together they
                // make far more requests a minute than one person would, and the edge's per-client window (300) is per person.
                ["Edge:RateLimit:PermitLimit"] = "100000",

                // Mails go to the SMTP server of the test; their links open on this platform.
                ["Mail:From"] = "采购平台 <noreply@district.example>",
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:UseTls"] = "None",
                ["Identity:PublicBaseUrl"] = address + "/",
            },
            builder => builder.Services.AddSingleton<TimeProvider>(Clock),
            kestrelPort: port);
        BaseAddress = new Uri(address + "/");

        // Expect(...) has a timeout of its own (5 s by default), shorter than a cold Blazor page on busy cores.
        Assertions.SetDefaultExpectTimeout((float)ActionTimeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> on a new page in a browser context of its own (no cookies, <paramref name="language"/>
    /// as the browser's language, Asia/Shanghai). When it fails, a screenshot and the page's HTML are saved under
    /// <see cref="BrowserArtifacts.FailuresFolder"/> and the failure names them.
    /// </summary>
    public async Task RunAsync(
        Func<IPage, Task> scenario,
        string language = "zh-CN",
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await using var context = await NewContextAsync(language);
        var page = await context.NewPageAsync();
        try
        {
            await scenario(page);
        }
        catch (Exception failure)
        {
            var name = $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}";
            var saved = await BrowserArtifacts.SaveFailureAsync(page, name, failure);
            throw new BrowserScenarioException($"{failure.Message}{Environment.NewLine}(page {page.Url}; {saved})", failure);
        }
    }

    /// <summary>A browser context of its own (cookies, language); <see cref="RunAsync"/> is the usual way in.</summary>
    public async Task<IBrowserContext> NewContextAsync(string language = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = language,
            TimezoneId = ShanghaiTime.TimeZoneId,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>
    /// A client of the same host signed in as <paramref name="userName"/> (password grant of <c>procurement-cli</c>), to
    /// prepare through the API what a scenario does not itself click through. The helpers of Procurement.Testing.Platform
    /// (<c>CreateProgramAsync</c>, <c>DraftTenderAsync</c>, <c>PublishTenderAsync</c>, ...) extend it.
    /// </summary>
    public Task<HttpClient> ApiAsync(string userName) => Platform.SignedInClientAsync(userName);

    /// <summary>
    /// The longest interval of the platform's clock jobs (the overdue-instalment flagger's 60 s); after a jump the clock
    /// still runs this long tick by tick, so that every job runs once at the new time.
    /// </summary>
    public static readonly TimeSpan ClockJobsCatchUp = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Moves the platform's clock forward by <paramref name="by"/>, as a machine's clock jumps: the clock jobs (bid window
    /// closer, award confirmer, contract clocks, ...) each run once at the new time, not once per interval they slept
    /// through — <see cref="FakeTimeProvider.Advance"/> alone would fire a 15-second timer 11,520 times for two days and
    /// take minutes. The jobs run in the background: poll for their effect (<c>WaitForTenderAsync</c>, <c>Poll.UntilAsync</c>).
    /// </summary>
    public void AdvanceClock(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        if (by > ClockJobsCatchUp)
        {
            // AdjustTime moves "now" and keeps each timer's remaining wait; the last minute then fires what is due.
            Clock.AdjustTime(Clock.GetUtcNow() + (by - ClockJobsCatchUp));
            by = ClockJobsCatchUp;
        }

        Clock.Advance(by);
    }

    /// <summary>Moves the platform's clock forward to <paramref name="date"/> at <paramref name="time"/> in Asia/Shanghai.</summary>
    public void AdvanceClockTo(DateOnly date, TimeOnly time) => AdvanceClock(SliceApi.BeijingTime(date, time) - Clock.GetUtcNow());
}

/// <summary>A browser scenario failed; the message names the page it was on and where its screenshot and HTML are.</summary>
public sealed class BrowserScenarioException(string message, Exception inner) : Exception(message, inner);

/// <summary>One platform and one chromium for every browser test (they run one after another: 2 cores, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPlatform>
{
    public const string Name = "browser";
}
