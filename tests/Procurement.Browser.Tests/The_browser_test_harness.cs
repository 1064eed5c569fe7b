using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing.Platform;
using Xunit.Sdk;

namespace Procurement.Browser.Tests;

/// <summary>The harness itself: a real port, the test clock, the API seeding client, screenshots and failure evidence.</summary>
[Collection(BrowserCollection.Name)]
public class The_browser_test_harness(BrowserPlatform browser)
{
    [Fact]
    public async Task Serves_the_platform_on_a_loopback_kestrel_port_that_chromium_reaches()
    {
        browser.BaseAddress.Host.Should().Be("127.0.0.1");
        browser.BaseAddress.Port.Should().NotBe(5080, "the tests must not clash with a platform started by hand");
        using var client = browser.Platform.CreateClient();
        client.BaseAddress.Should().Be(browser.BaseAddress, "the API helpers call the same host the browser opens");

        await browser.RunAsync(async page =>
        {
            var response = await page.GotoAsync(PortalPages.LoginPath);
            response!.Ok.Should().BeTrue();
            new Uri(page.Url).GetLeftPart(UriPartial.Authority).Should().Be(browser.BaseAddress.GetLeftPart(UriPartial.Authority));
        });
    }

    [Fact]
    public async Task Every_module_issues_tokens_on_the_test_clock_and_advancing_it_moves_the_platform()
    {
        browser.Platform.Host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(browser.Clock);
        var before = browser.Clock.GetUtcNow();

        browser.AdvanceClock(TimeSpan.FromHours(1));
        using var api = await browser.ApiAsync("purchaser");

        var token = new JwtSecurityToken(api.DefaultRequestHeaders.Authorization!.Parameter);
        token.IssuedAt.Should().BeCloseTo(before.AddHours(1).UtcDateTime, TimeSpan.FromSeconds(1));
        browser.Invoking(b => b.AdvanceClock(TimeSpan.FromMinutes(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Advancing_the_clock_by_weeks_takes_moments_and_the_clock_jobs_then_run_at_the_new_time()
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(40), new TimeOnly(17, 0));
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            await purchaser.CreateProgramAsync("Home care for elders, clock check", "Demo District"),
            "Home care for elders, clock check", 480_000m, deadline, browser.Today.AddDays(60), browser.Today.AddDays(60 + 364)));
        await purchaser.PublishTenderAsync(tenderId);

        var watch = Stopwatch.StartNew();
        browser.AdvanceClock(deadline - browser.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a jump fires each clock job once, not once per interval it slept through");
        var tender = await purchaser.WaitForTenderAsync(tenderId, t => t.BiddingClosedAt is not null, TimeSpan.FromSeconds(30));
        tender.BiddingClosedAt.Should().NotBeNull("the bid window closer ran at the new time");
        tender.BiddingClosedAt!.Value.Should().BeAfter(deadline);
    }

    [Fact]
    public async Task The_api_client_seeds_data_as_a_demo_user_on_the_same_host()
    {
        using var purchaser = await browser.ApiAsync("purchaser");

        var programId = await purchaser.CreateProgramAsync("Home care for elders, seeded for a browser test", "Demo District");

        using var response = await purchaser.GetAsync(new Uri($"/api/programs/{programId}", UriKind.Relative));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        purchaser.BaseAddress.Should().Be(browser.BaseAddress);
    }

    [Fact]
    public async Task A_failing_scenario_leaves_a_screenshot_and_the_page_s_html_and_names_them()
    {
        var run = () => browser.RunAsync(async page =>
        {
            await page.GotoAsync(PortalPages.LoginPath);
            throw new XunitException("a deliberate failure");
        });

        var failure = (await run.Should().ThrowAsync<BrowserScenarioException>()).Which;

        failure.InnerException.Should().BeOfType<XunitException>().Which.Message.Should().Be("a deliberate failure");
        failure.Message.Should().Contain("a deliberate failure").And.Contain(PortalPages.LoginPath).And.Contain(BrowserArtifacts.FailuresFolder);
        var stem = Path.Combine(BrowserArtifacts.FailuresFolder, $"{nameof(The_browser_test_harness)}.{nameof(A_failing_scenario_leaves_a_screenshot_and_the_page_s_html_and_names_them)}");
        File.ReadAllBytes(stem + ".png").Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        File.ReadAllText(stem + ".html").Should().Contain("name=\"password\"");
        File.ReadAllText(stem + ".txt").Should().Contain("a deliberate failure");
    }

    [Fact]
    public async Task Screenshots_go_beside_the_binaries_unless_asked_to_update_docs_portal()
    {
        var previous = Environment.GetEnvironmentVariable(BrowserArtifacts.UpdateScreenshotsVariable);
        try
        {
            Environment.SetEnvironmentVariable(BrowserArtifacts.UpdateScreenshotsVariable, null);
            BrowserArtifacts.ScreenshotsFolder.Should().StartWith(AppContext.BaseDirectory);
            Environment.SetEnvironmentVariable(BrowserArtifacts.UpdateScreenshotsVariable, "1");
            BrowserArtifacts.ScreenshotsFolder.Should().Be(Path.Combine(BrowserArtifacts.RepositoryRoot(), "docs", "portal"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(BrowserArtifacts.UpdateScreenshotsVariable, previous);
        }

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync(PortalPages.LoginPath);
            var path = await page.ScreenshotAsync("harness-login-page");
            path.Should().Be(Path.Combine(BrowserArtifacts.ScreenshotsFolder, "harness-login-page.png"));
            File.ReadAllBytes(path).Length.Should().BeGreaterThan(1000);
            await page.Invoking(p => p.ScreenshotAsync("../escape")).Should().ThrowAsync<ArgumentException>();
        });
    }

    [Fact]
    public Task Switching_the_language_sets_the_culture_cookie_for_the_whole_context() => browser.RunAsync(async page =>
    {
        await page.GotoAsync(PortalPages.LoginPath);

        await page.SwitchLanguageAsync("en");

        var cookie = (await page.Context.CookiesAsync()).Should().ContainSingle(c => c.Name == PortalPages.CultureCookie).Subject;
        Uri.UnescapeDataString(cookie.Value).Should().Be("c=en|uic=en");
        cookie.Path.Should().Be("/");
        PortalPages.IsLoginPage(page.Url).Should().BeTrue("the page is reloaded where it was");
    });
}
