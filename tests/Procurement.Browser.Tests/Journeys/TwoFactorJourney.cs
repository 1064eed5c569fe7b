using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// Two-factor sign-in in chromium (issue 14 item 5): a treasury officer — a role that moves money — signs in for the
/// first time, sets up an authenticator app from the key the page shows, keeps the ten recovery codes, lands on the
/// portal, and the next time signs in with the app's code. Development lets the demo users in with a password alone,
/// so the journey switches the requirement on for its own duration (the collection runs one test at a time) and uses
/// an officer of its own, leaving the demo treasury officer as the other journeys expect it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class TwoFactorJourney(BrowserPlatform browser)
{
    private const string Password = "granite-tulip-harbour-2026";

    [Fact]
    public async Task A_treasury_officer_sets_up_an_authenticator_at_the_first_sign_in_then_signs_in_with_its_code()
    {
        var userName = "treasury-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTreasuryOfficerAsync(userName);
        var configuration = browser.Platform.Host.Services.GetRequiredService<IConfiguration>();
        configuration[TwoFactorRequirement.RequiredInDevelopmentSetting] = "true";
        try
        {
            var key = "";

        // The authenticator's codes are for the platform's clock, which other journeys move forward.
        DateTimeOffset PlatformNow() => browser.Platform.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            await browser.RunAsync(async page =>
            {
                await page.GotoAsync("/");
                await page.WaitForURLAsync(PortalPages.IsLoginPage);
                await page.SubmitLoginAsync(userName, Password);

                var shownKey = page.GetByTestId("authenticator-key");
                await Assertions.Expect(shownKey).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[a-z2-7]{4}( [a-z2-7]{4})+$"));
                key = (await shownKey.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                await page.Locator("input[name=code]").FillAsync(Totp.Code(key, PlatformNow()));
                await page.Locator("button[type=submit]").ClickAsync();

                await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
                await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "继续" }).ClickAsync();
                await page.WaitForPortalAsync();
            });

            await browser.RunAsync(async page =>
            {
                await page.GotoAsync("/");
                await page.WaitForURLAsync(PortalPages.IsLoginPage);
                await page.SubmitLoginAsync(userName, Password);

                await Assertions.Expect(page.Locator("input[name=code]")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("authenticator-key")).ToHaveCountAsync(0);

                // The enrolment's code is spent (replay protection): the app's next one, accepted a step early.
                await page.Locator("input[name=code]").FillAsync(Totp.Code(key, PlatformNow().AddSeconds(Rfc6238.StepSeconds)));
                await page.Locator("button[type=submit]").ClickAsync();
                await page.WaitForPortalAsync();
            });
        }
        finally
        {
            configuration[TwoFactorRequirement.RequiredInDevelopmentSetting] = null;
        }
    }

    private async Task CreateTreasuryOfficerAsync(string userName)
    {
        await using var scope = browser.Platform.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var officer = new ProcurementUser(Guid.CreateVersion7(), userName, "Two-factor officer / 双因素出纳", DemoDirectory.FinanceBureau);
        var created = await users.CreateAsync(officer, Password);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(officer, Roles.Treasury)).Succeeded.Should().BeTrue();
    }
}
