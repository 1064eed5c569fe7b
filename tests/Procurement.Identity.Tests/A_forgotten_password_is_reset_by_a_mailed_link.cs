using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Identity;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: <c>/account/forgot-password</c> answers the same for a known and an unknown name and mails a known,
/// joined, active user a reset link valid 2 hours; the new password works, the old one is refused, the name's lockout is
/// cleared and every earlier token of the user ends. An administrator can have the link mailed too.
/// </summary>
public sealed partial class A_forgotten_password_is_reset_by_a_mailed_link : IAsyncLifetime
{
    private const string NewPassword = "Orchard-Kettle-Meridian-58";

    private UsersDistrict _district = null!;
    private Guid _agency;
    private Guid _user;

    public async Task InitializeAsync()
    {
        _district = await UsersDistrict.StartAsync();
        _agency = await _district.OrganisationAsync("深圳市诚信招标代理有限公司", OrganisationKind.Agency);
        _user = await _district.JoinedAsync(_agency, "li.na@agency.example", Roles.Agency);
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Main)> ForgotAsync(string typed)
    {
        using var browser = new Browser(_district.Host);
        using var page = await browser.GetAsync(new Uri(ForgotPasswordEndpoints.Path, UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["userName"] = typed;
        using var posted = await browser.PostAsync(new Uri(ForgotPasswordEndpoints.Path, UriKind.Relative), form);
        return (posted.StatusCode, MainElement().Match(await posted.Content.ReadAsStringAsync()).Value);
    }

    private async Task<HttpResponseMessage> ResetAsync(Uri link, string password)
    {
        using var browser = new Browser(_district.Host);
        using var page = await browser.GetAsync(DirectoryHost.Local(link));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["newPassword"] = form["confirmPassword"] = password;
        return await browser.PostAsync(new Uri(ForgotPasswordEndpoints.ResetPath, UriKind.Relative), form);
    }

    [Fact]
    public async Task The_login_page_links_to_it()
    {
        using var browser = new Browser(_district.Host);
        using var login = await browser.GetAsync(new Uri(AccountEndpoints.LoginPath, UriKind.Relative));

        (await login.Content.ReadAsStringAsync()).Should().Contain($"<a href=\"{ForgotPasswordEndpoints.Path}\">忘记密码？</a>");
    }

    [Fact]
    public async Task A_known_and_an_unknown_name_get_the_same_answer_and_only_the_known_one_a_mail()
    {
        var known = await ForgotAsync("li.na@agency.example");
        var unknown = await ForgotAsync("nobody@agency.example");

        known.Status.Should().Be(HttpStatusCode.OK);
        unknown.Status.Should().Be(HttpStatusCode.OK);
        known.Main.Should().Be(unknown.Main).And.Contain("如有匹配的账号");
        await _district.MailAsync("li.na@agency.example", 2);
        _district.Smtp.MailsTo("nobody@agency.example").Should().BeEmpty();
        (await _district.InDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.PasswordResetRequested))).Should().Be(2);
    }

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_the_old_one_is_refused_the_lockout_is_cleared_and_earlier_tokens_end()
    {
        var tokens = await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", UsersDistrict.Password);
        for (var i = 0; i < 5; i++)
        {
            (await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", "Wrong-Password-Entirely-1")).AccessToken.Should().BeNull();
        }

        (await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", UsersDistrict.Password)).AccessToken.Should().BeNull("the name is locked");
        (await ForgotAsync("LI.NA@agency.example")).Status.Should().Be(HttpStatusCode.OK);
        // The invitation, the lockout notice, then the reset link.
        var mail = await _district.MailAsync("li.na@agency.example", 3);
        mail.Subject.Should().Contain("重置");
        var link = UsersDistrict.LinkIn(mail);
        link.GetLeftPart(UriPartial.Path).Should().Be(DirectoryHost.PublicBaseUrl + "account/reset-password");

        using var reset = await ResetAsync(link, NewPassword);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reset.Content.ReadAsStringAsync()).Should().Contain("密码已重置");
        // A second on: Identity refuses what was issued in the second of a revocation (the reset's, the deactivation's).
        _district.Directory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", UsersDistrict.Password)).AccessToken.Should().BeNull();
        (await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", NewPassword)).Status.Should().Be(HttpStatusCode.OK, "the lockout was cleared");
        using var client = _district.Host.CreateClient();
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Error.Should().Be("invalid_grant");
        var ended = (await _district.EventsAsync<UserAccessRevoked>()).Should().ContainSingle().Subject;
        ended.GetProperty("reason").GetString().Should().Be("password_reset");
        (await _district.InDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.PasswordResetCompleted && e.UserId == _user))).Should().BeTrue();
    }

    [Fact]
    public async Task The_link_works_1_hour_59_minutes_after_it_was_sent()
    {
        await ForgotAsync("li.na@agency.example");
        var link = UsersDistrict.LinkIn(await _district.MailAsync("li.na@agency.example", 2));
        _district.Directory.Clock.Advance(new TimeSpan(1, 59, 0));

        using var reset = await ResetAsync(link, NewPassword);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_link_no_longer_works_2_hours_after_it_was_sent()
    {
        await ForgotAsync("li.na@agency.example");
        var link = UsersDistrict.LinkIn(await _district.MailAsync("li.na@agency.example", 2));
        _district.Directory.Clock.Advance(TimeSpan.FromHours(2));

        using var browser = new Browser(_district.Host);
        using var page = await browser.GetAsync(DirectoryHost.Local(link));

        page.StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_deactivated_user_and_one_who_has_not_joined_get_no_mail()
    {
        var invited = await _district.InvitedAsync(_agency, "invited@agency.example", Roles.Agency);
        await _district.MailAsync("invited@agency.example", 1);
        using var admin = _district.AsAdmin();
        using (var deactivated = await admin.PostAsJsonAsync($"{UserEndpoints.Path}/{_user}/deactivate", new { }))
        {
            deactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await ForgotAsync("li.na@agency.example");
        await ForgotAsync("invited@agency.example");
        using var byAdmin = await admin.PostAsync($"{UserEndpoints.Path}/{invited}/password-reset", null);

        byAdmin.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await Task.Delay(TimeSpan.FromSeconds(5));
        _district.Smtp.MailsTo("li.na@agency.example").Should().HaveCount(1, "only the invitation");
        _district.Smtp.MailsTo("invited@agency.example").Should().HaveCount(1, "only the invitation");
    }

    [Fact]
    public async Task An_administrator_has_the_link_mailed_and_it_works()
    {
        using var admin = _district.AsAdmin();

        using var sent = await admin.PostAsync($"{UserEndpoints.Path}/{_user}/password-reset", null);

        sent.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var reset = await ResetAsync(UsersDistrict.LinkIn(await _district.MailAsync("li.na@agency.example", 2)), NewPassword);
        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        // A second on: Identity refuses what was issued in the second of a revocation (the reset's, the deactivation's).
        _district.Directory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", NewPassword)).Status.Should().Be(HttpStatusCode.OK);
    }

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();
}
