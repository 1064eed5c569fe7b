using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Rules;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The directory in chromium (issue 14 item 9), in zh-CN, by clicking and typing, the mails read from the platform's SMTP
/// server: (a) the platform administrator creates a purchasing unit and invites its first purchaser, who sets a password
/// from the mailed link, signs in and, as the unit's administrator, invites a colleague; (b) an agency registers itself
/// from the login page, confirms its e-mail, finds its registration in its profile, and sees the administrator's
/// suspension (with its reason) and reinstatement on its home page; (c) the auditor finds (a)'s sign-in in the security log.
/// Every name is unique to the run: the platform is shared with the other journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DirectoryJourney(BrowserPlatform browser)
{
    private const string Password = "harbour-granite-lantern-2026";

    private static readonly TimeSpan EventPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_admin_creates_a_unit_invites_its_first_purchaser_who_invites_a_colleague_and_the_auditor_finds_the_sign_in()
    {
        var run = Run();
        var unit = $"示范区民政局{run}";
        var userName = $"buyer-{run}";
        var email = $"{userName}@district.example";
        var colleagueEmail = $"colleague-{run}@district.example";

        await browser.RunAsync(async admin =>
        {
            await admin.SignInAsync("admin");
            await admin.GetByTestId("menu-organisations").ClickAsync();
            await admin.WaitForURLAsync("**/admin/organisations");

            // A purchasing unit, with its region and division code.
            await admin.GetByTestId("organisation-new").ClickAsync();
            var dialog = admin.GetByTestId("organisation-dialog");
            await Expect(dialog.GetByTestId("new-kind")).ToHaveValueAsync("PurchasingUnit");
            await dialog.GetByTestId("new-name").FillAsync(unit);
            await dialog.GetByTestId("new-region").FillAsync("示范区");
            await dialog.GetByTestId("new-division").FillAsync("440305");
            await admin.ScreenshotAsync("directory-organisation-new");
            await dialog.GetByTestId("dialog-ok").ClickAsync();

            var row = OrganisationRow(admin, unit);
            await Expect(row.GetByTestId("organisation-kind")).ToHaveTextAsync("采购单位");
            await Expect(row.GetByTestId("organisation-state")).ToContainTextAsync("启用");
            await admin.ScreenshotAsync("directory-organisations");

            // Its users: none yet; the invitation names the unit already.
            await row.GetByTestId("organisation-users").ClickAsync();
            await admin.WaitForURLAsync(new Regex("/users\\?organisationId="));
            await Expect(admin.GetByTestId("users-empty")).ToBeVisibleAsync();
            await admin.GetByTestId("user-invite").ClickAsync();
            var invite = admin.GetByTestId("user-dialog");
            await Expect(invite.GetByTestId("invite-organisation").Locator("option:checked")).ToHaveTextAsync(unit);
            await Expect(invite.GetByTestId("invite-role-purchaser")).ToBeCheckedAsync();
            await invite.GetByTestId("invite-email").FillAsync(email);
            await invite.GetByTestId("invite-display-name").FillAsync("李采购");
            await invite.GetByTestId("invite-user-name").FillAsync(userName);
            await invite.GetByTestId("invite-role-org-admin").CheckAsync();
            await invite.GetByTestId("dialog-ok").ClickAsync();

            await Expect(admin.GetByTestId("user-notice")).ToContainTextAsync(email);
            var invited = admin.Locator($"[data-testid=user-row][data-user='{userName}']");
            await Expect(invited.GetByTestId("user-role-purchaser")).ToBeVisibleAsync();
            await Expect(invited.GetByTestId("user-role-org-admin")).ToBeVisibleAsync();
            await Expect(invited.GetByTestId("user-resend")).ToBeVisibleAsync();
            await admin.ScreenshotAsync("directory-users-invited");
        });

        // The invitation's link: a password of the purchaser's own.
        await browser.RunAsync(async invitee =>
        {
            var link = SingleLinkIn(await browser.Mail.WaitForMailToAsync(email));
            await invitee.GotoAsync(link.PathAndQuery);
            await invitee.ScreenshotAsync("directory-set-password");
            await invitee.Locator("input[name=newPassword]").FillAsync(Password);
            await invitee.Locator("input[name=confirmPassword]").FillAsync(Password);
            await invitee.Locator("form button[type=submit]").ClickAsync();
            await Expect(invitee.Locator("#second-factor")).ToBeVisibleAsync();
            await Expect(invitee.Locator("main, body").First).ToContainTextAsync(userName);
        });

        // Signed in (a fresh context): its unit in the header; as the unit's administrator, a colleague invited.
        await browser.RunAsync(async purchaser =>
        {
            await purchaser.SignInAsync(userName, Password);
            await Expect(purchaser.GetByTestId("portal-organisation")).ToContainTextAsync(unit);
            await Expect(purchaser.GetByTestId("role-org-admin")).ToBeVisibleAsync();

            await purchaser.GotoAsync("/users");
            await purchaser.WaitForPortalAsync();
            await Expect(purchaser.Locator($"[data-testid=user-row][data-user='{userName}']")).ToBeVisibleAsync();
            await Expect(purchaser.GetByTestId("organisation-picker")).ToHaveCountAsync(0);
            await purchaser.GetByTestId("user-invite").ClickAsync();
            var invite = purchaser.GetByTestId("user-dialog");
            await Expect(invite.GetByTestId("invite-organisation")).ToHaveCountAsync(0);
            await Expect(invite.Locator("input[type=checkbox][data-testid^=invite-role-]")).ToHaveCountAsync(2);
            await Expect(invite.GetByTestId("invite-role-purchaser")).ToBeCheckedAsync();
            await Expect(invite.GetByTestId("invite-role-org-admin")).Not.ToBeCheckedAsync();
            await invite.GetByTestId("invite-email").FillAsync(colleagueEmail);
            await invite.GetByTestId("invite-display-name").FillAsync("王同事");
            await purchaser.ScreenshotAsync("directory-org-admin-invites");
            await invite.GetByTestId("dialog-ok").ClickAsync();
            await Expect(purchaser.GetByTestId("user-notice")).ToContainTextAsync(colleagueEmail);
        });

        var colleagueMail = await browser.Mail.WaitForMailToAsync(colleagueEmail);
        SingleLinkIn(colleagueMail).AbsolutePath.Should().Be("/account/set-password");
        TestSmtpServer.TextOf(colleagueMail).Should().Contain(unit, "the invitation names the unit it is for");

        // (c) The auditor finds the purchaser's sign-in by its user name.
        await browser.RunAsync(async auditor =>
        {
            await auditor.SignInAsync("auditor");
            await auditor.GotoAsync("/security-log");
            await auditor.WaitForPortalAsync();
            await auditor.GetByTestId("log-user").FillAsync(userName);
            await auditor.GetByTestId("log-search").ClickAsync();
            var rows = auditor.GetByTestId("log-row");
            await Expect(rows.Filter(new() { Has = auditor.GetByTestId("log-kind-cell").GetByText("登录成功") }).First).ToBeVisibleAsync();
            foreach (var user in await rows.GetByTestId("log-user-cell").AllInnerTextsAsync())
            {
                // Identity logs a sign-in under the normalised (upper-case) name, as it counts failures under it.
                user.Should().BeEquivalentTo(userName, "the log is filtered on the user name");
            }

            await auditor.ScreenshotAsync("directory-security-log");
        });
    }

    [Fact]
    public async Task An_agency_registers_itself_confirms_its_email_and_sees_its_suspension_and_reinstatement()
    {
        var run = Run();
        var agencyName = $"示范区启航社会工作服务中心{run}";
        var creditCode = UniqueCreditCode();
        var userName = $"agency-{run}";
        var email = $"{userName}@ngo.example";
        const string reason = "年检材料逾期未交";

        await browser.RunAsync(async agency =>
        {
            await agency.GotoAsync("/");
            await agency.WaitForURLAsync(PortalPages.IsLoginPage);
            await agency.GetByRole(AriaRole.Link, new() { Name = "机构注册" }).ClickAsync();
            await agency.WaitForURLAsync("**/account/register");

            await agency.Locator("#name").FillAsync(agencyName);
            await agency.Locator("#unifiedSocialCreditCode").FillAsync(creditCode);
            await agency.Locator("#registrationAuthority").FillAsync("示范区民政局");
            await agency.Locator("#legalRepresentative").FillAsync("陈启航");
            await agency.Locator("#registrationDate").FillAsync("2016-04-18");
            await agency.Locator("#address").FillAsync("示范区启航路 8 号");
            await agency.Locator("#contactName").FillAsync("陈启航");
            await agency.Locator("#contactPhone").FillAsync("13800138001");
            await agency.Locator("#email").FillAsync(email);
            await agency.Locator("#userName").FillAsync(userName);
            await agency.Locator("#password").FillAsync(Password);
            await agency.Locator("#confirmPassword").FillAsync(Password);
            await agency.ScreenshotAsync("directory-agency-register");
            await agency.Locator("form button[type=submit]").ClickAsync();
            await Expect(agency.GetByTestId("registered")).ToContainTextAsync(email);

            // The mailed link confirms the address; then the agency signs in.
            var link = SingleLinkIn(await browser.Mail.WaitForMailToAsync(email));
            link.AbsolutePath.Should().Be("/account/confirm-email");
            var confirmed = await agency.GotoAsync(link.PathAndQuery);
            confirmed!.Status.Should().Be((int)HttpStatusCode.OK);
            await agency.SignInAsync(userName, Password);
            await Expect(agency.GetByTestId("portal-organisation")).ToContainTextAsync(agencyName);

            // Its registration reaches Bidding by the AgencyRegistered event: its profile shows what it typed.
            using var api = await browser.Platform.SignedInClientAsync(userName, Password);
            await WaitForOwnAgencyAsync(api, a => a.GetProperty("name").GetString() == agencyName, "the registered agency in Bidding");
            await agency.GotoAsync("/agency/profile");
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId("profile-name")).ToHaveValueAsync(agencyName);
            await Expect(agency.GetByTestId("profile-code")).ToHaveValueAsync(creditCode);
            await Expect(agency.GetByTestId("agency-suspended")).ToHaveCountAsync(0);
            await agency.ScreenshotAsync("directory-agency-profile-registered");

            // The administrator suspends it, with a reason.
            await AsAdminAsync(agencyName, async row =>
            {
                await row.GetByTestId("organisation-suspend").ClickAsync();
                var dialog = row.Page.GetByTestId("organisation-dialog");
                await Expect(dialog.GetByTestId("dialog-ok")).ToBeDisabledAsync();
                await dialog.GetByTestId("suspend-reason").FillAsync(reason);
                await dialog.GetByTestId("dialog-ok").ClickAsync();
                await Expect(row.GetByTestId("organisation-suspension-reason")).ToHaveTextAsync(reason);
                await Expect(row.GetByTestId("organisation-reinstate")).ToBeVisibleAsync();
                await row.Page.ScreenshotAsync("directory-agency-suspended-admin");
            }, "Suspend");

            await WaitForOwnAgencyAsync(api, a => a.GetProperty("suspended").GetBoolean(), "the suspension in Bidding");
            await agency.GotoAsync("/");
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId("agency-suspended")).ToContainTextAsync(reason);
            await agency.ScreenshotAsync("directory-agency-suspended-home");

            // Reinstated: the banner is gone.
            await AsAdminAsync(agencyName, async row =>
            {
                await row.GetByTestId("organisation-reinstate").ClickAsync();
                await row.Page.GetByTestId("organisation-dialog").GetByTestId("dialog-ok").ClickAsync();
                await Expect(row.GetByTestId("organisation-suspend")).ToBeVisibleAsync();
                await Expect(row.GetByTestId("organisation-suspension-reason")).ToHaveCountAsync(0);
            }, "Reinstate");

            await WaitForOwnAgencyAsync(api, a => !a.GetProperty("suspended").GetBoolean(), "the reinstatement in Bidding");
            await agency.ReloadAsync();
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId("home-agency")).ToBeVisibleAsync();
            await Expect(agency.GetByTestId("agency-suspended")).ToHaveCountAsync(0);
        });
    }

    /// <summary>The platform administrator, in a browser context of its own, does <paramref name="act"/> on the organisation's row.</summary>
    private Task AsAdminAsync(string organisation, Func<ILocator, Task> act, string step) => browser.RunAsync(async admin =>
    {
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/admin/organisations");
        await admin.WaitForPortalAsync();
        await act(OrganisationRow(admin, organisation));
    }, testName: $"{nameof(An_agency_registers_itself_confirms_its_email_and_sees_its_suspension_and_reinstatement)}.{step}");

    private static ILocator OrganisationRow(IPage page, string name) =>
        page.GetByTestId("organisation-row").Filter(new() { Has = page.GetByTestId("organisation-name").GetByText(name, new() { Exact = true }) });

    /// <summary>The one link of a mail (an invitation's or a confirmation's), as the platform addressed it.</summary>
    private Uri SingleLinkIn(MimeKit.MimeMessage mail)
    {
        var links = TestSmtpServer.LinksIn(mail).Distinct().ToList();
        links.Should().ContainSingle("the mail carries one link (in both languages)");
        links[0].GetLeftPart(UriPartial.Authority).Should().Be(browser.BaseAddress.GetLeftPart(UriPartial.Authority), "the link opens on the platform");
        return links[0];
    }

    /// <summary>Polls the agency's own profile in Bidding (<c>GET /api/agencies/me</c>) until it exists and satisfies <paramref name="until"/>.</summary>
    private static Task WaitForOwnAgencyAsync(HttpClient agency, Func<JsonElement, bool> until, string what) => Poll.UntilAsync(async () =>
    {
        using var answer = await agency.GetAsync(new Uri("/api/agencies/me", UriKind.Relative));
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        answer.EnsureSuccessStatusCode();
        return until(await answer.Content.ReadFromJsonAsync<JsonElement>());
    }, what, EventPatience);

    private static string Run() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A valid unified social credit code unique to the run: a social organisation (52) of 440305, a random organisation code.</summary>
    private static string UniqueCreditCode()
    {
        var digits = Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var first17 = "52440305" + digits + CreditCodeRules.OrganisationCheckCharacterOf(digits);
        var code = first17 + CreditCodeRules.CheckCharacterOf(first17);
        CreditCodeRules.Check(code).Should().BeNull("the code is built by the rules it is checked by");
        return code;
    }
}
