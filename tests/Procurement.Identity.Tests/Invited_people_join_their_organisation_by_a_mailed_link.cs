using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Identity;
using Procurement.Identity.Accounts;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: an administrator invites a person into an organisation; the person gets a bilingual mail saying who
/// invited them into which organisation, with a set-password link valid 72 hours; following it sets the password,
/// confirms the e-mail and audits UserJoined, and the person signs in. Roles fit the organisation's kind; a taken user
/// name or e-mail is refused saying which; a resent invitation voids the earlier link.
/// </summary>
public sealed class Invited_people_join_their_organisation_by_a_mailed_link : IAsyncLifetime
{
    private UsersDistrict _district = null!;
    private Guid _unit;

    public async Task InitializeAsync()
    {
        _district = await UsersDistrict.StartAsync();
        _unit = await _district.OrganisationAsync("福田区民政局", OrganisationKind.PurchasingUnit);
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task The_mail_says_who_invited_whom_into_which_organisation_and_its_link_sets_the_password_and_the_person_signs_in()
    {
        var id = await _district.InvitedAsync(_unit, "wang.fang@futian.example", Roles.Purchaser, Roles.OrganisationAdmin);

        var mail = await _district.MailAsync("wang.fang@futian.example", 1);
        var text = TestSmtpServer.TextOf(mail);
        mail.Subject.Should().Contain("福田区民政局").And.Contain("invited");
        text.Should().Contain("Zhao Lei / 赵磊").And.Contain("福田区民政局").And.Contain("北京时间").And.Contain("Beijing time");
        text.IndexOf("您好", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Dear", StringComparison.Ordinal), "Chinese comes first");
        var expires = AccountMails.BeijingTime(_district.Directory.Clock.GetUtcNow() + TimeSpan.FromHours(72));
        text.Should().Contain(expires);
        var link = UsersDistrict.LinkIn(mail);
        link.GetLeftPart(UriPartial.Path).Should().Be(DirectoryHost.PublicBaseUrl + "account/set-password");

        using (var admin = _district.AsAdmin())
        {
            var invited = await admin.GetFromJsonAsync<JsonElement>($"{UserEndpoints.Path}/{id}");
            invited.GetProperty("joined").GetBoolean().Should().BeFalse();
            invited.GetProperty("emailConfirmed").GetBoolean().Should().BeFalse();
            invited.GetProperty("userName").GetString().Should().Be("wang.fang@futian.example", "the user name defaults to the e-mail");
            invited.GetProperty("organisationName").GetString().Should().Be("福田区民政局");
            invited.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.OrganisationAdmin, Roles.Purchaser);
            invited.GetProperty("invitedAt").GetDateTimeOffset().Should().BeCloseTo(_district.Directory.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1), "stored to the millisecond");
        }

        using var browser = new Browser(_district.Host);
        using var set = await DirectoryHost.SetPasswordAsync(browser, link, UsersDistrict.Password);
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await set.Content.ReadAsStringAsync()).Should().Contain("首次登录时，您需要设置身份验证器应用", "a purchaser outside Development sets up a second factor");

        using (var admin = _district.AsAdmin())
        {
            var joined = await admin.GetFromJsonAsync<JsonElement>($"{UserEndpoints.Path}/{id}");
            joined.GetProperty("joined").GetBoolean().Should().BeTrue();
            joined.GetProperty("emailConfirmed").GetBoolean().Should().BeTrue("the link came by mail");
            var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{UserEndpoints.Path}/{id}/history"))!;
            history.Select(h => h.GetProperty("change").GetString()).Should().Equal("UserInvited", "UserJoined");
            history[0].GetProperty("actorName").GetString().Should().Be("ops");
        }

        (await DirectoryHost.SignInAsync(_district.Host, "wang.fang@futian.example", UsersDistrict.Password)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_person_whose_roles_need_no_second_factor_is_told_so_when_the_password_is_set()
    {
        var agency = await _district.OrganisationAsync("深圳市诚信招标代理有限公司", OrganisationKind.Agency);
        await _district.InvitedAsync(agency, "li.na@agency.example", Roles.Agency);

        using var browser = new Browser(_district.Host);
        using var set = await DirectoryHost.SetPasswordAsync(browser, UsersDistrict.LinkIn(await _district.MailAsync("li.na@agency.example", 1)), UsersDistrict.Password);

        (await set.Content.ReadAsStringAsync()).Should().Contain("您的角色登录时无需第二重验证").And.NotContain("首次登录时，您需要设置");
    }

    [Fact]
    public async Task The_link_works_71_hours_59_minutes_after_the_invitation()
    {
        await _district.InvitedAsync(_unit, "late@futian.example", Roles.Purchaser);
        var link = UsersDistrict.LinkIn(await _district.MailAsync("late@futian.example", 1));
        _district.Directory.Clock.Advance(new TimeSpan(71, 59, 0));

        using var browser = new Browser(_district.Host);
        using var set = await DirectoryHost.SetPasswordAsync(browser, link, UsersDistrict.Password);

        set.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_link_no_longer_works_72_hours_after_the_invitation()
    {
        await _district.InvitedAsync(_unit, "too.late@futian.example", Roles.Purchaser);
        var link = UsersDistrict.LinkIn(await _district.MailAsync("too.late@futian.example", 1));
        _district.Directory.Clock.Advance(TimeSpan.FromHours(72));

        using var browser = new Browser(_district.Host);
        using var page = await browser.GetAsync(DirectoryHost.Local(link));

        page.StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_resent_invitation_voids_the_earlier_link_and_a_joined_user_cannot_be_invited_again()
    {
        var id = await _district.InvitedAsync(_unit, "resend@futian.example", Roles.Purchaser);
        var first = UsersDistrict.LinkIn(await _district.MailAsync("resend@futian.example", 1));
        using var admin = _district.AsAdmin();

        using var resent = await admin.PostAsync($"{UserEndpoints.Path}/{id}/invitation", null);
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = UsersDistrict.LinkIn(await _district.MailAsync("resend@futian.example", 2));

        second.Should().NotBe(first);
        using var browser = new Browser(_district.Host);
        using (var old = await browser.GetAsync(DirectoryHost.Local(first)))
        {
            old.StatusCode.Should().Be(HttpStatusCode.Gone);
        }

        using (var set = await DirectoryHost.SetPasswordAsync(browser, second, UsersDistrict.Password))
        {
            set.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var again = await admin.PostAsync($"{UserEndpoints.Path}/{id}/invitation", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.AlreadyJoined);
    }

    [Fact]
    public async Task A_taken_user_name_and_an_e_mail_already_used_are_refused_saying_which()
    {
        await _district.InvitedAsync(_unit, "taken@futian.example", Roles.Purchaser);
        using var admin = _district.AsAdmin();

        var sameName = await UsersDistrict.InviteAsync(admin, new
        {
            organisationId = _unit, email = "other@futian.example", userName = "taken@futian.example", displayName = "Other", roles = new[] { Roles.Purchaser },
        });
        var sameMail = await UsersDistrict.InviteAsync(admin, new
        {
            organisationId = _unit, email = "TAKEN@futian.example", userName = "someone-else", displayName = "Other", roles = new[] { Roles.Purchaser },
        });

        sameName.Status.Should().Be(HttpStatusCode.Conflict);
        sameName.Body.GetProperty("rule").GetString().Should().Be(UserCodes.UserNameTaken);
        sameName.Body.GetProperty("detail").GetString().Should().Contain("taken@futian.example");
        sameMail.Status.Should().Be(HttpStatusCode.Conflict);
        sameMail.Body.GetProperty("rule").GetString().Should().Be(UserCodes.EmailTaken);
    }

    [Theory]
    [InlineData(Roles.Agency, UserCodes.RoleNotForKind)]
    [InlineData(Roles.OrganisationAdmin, UserCodes.PersonRoleRequired)]
    public async Task Roles_must_fit_the_organisations_kind_and_include_its_person_role(string role, string code)
    {
        using var admin = _district.AsAdmin();

        var refused = await UsersDistrict.InviteAsync(admin, new { organisationId = _unit, email = "roles@futian.example", displayName = "Roles", roles = new[] { role } });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity, refused.Body.ToString());
        refused.Body.GetProperty("rule").GetString().Should().Be(code);
        (await _district.InDbAsync(db => db.Users.AnyAsync(u => u.Email == "roles@futian.example"))).Should().BeFalse();
    }

    [Fact]
    public async Task An_evaluator_invited_into_the_expert_pool_joins_it_with_the_service_domains_named()
    {
        var pool = await _district.OrganisationAsync("深圳市社会工作专家库", OrganisationKind.ExpertPool);
        using var admin = _district.AsAdmin();
        var unknownDomain = await UsersDistrict.InviteAsync(admin, new
        {
            organisationId = pool, email = "expert@pool.example", displayName = "Chen Jing / 陈静", roles = new[] { Roles.Evaluator }, serviceDomains = new[] { "Astrology" },
        });
        unknownDomain.Status.Should().Be(HttpStatusCode.BadRequest);

        var (status, body) = await UsersDistrict.InviteAsync(admin, new
        {
            organisationId = pool, email = "expert@pool.example", displayName = "Chen Jing / 陈静", roles = new[] { Roles.Evaluator },
            serviceDomains = new[] { "Elderly", "Disability" },
        });
        status.Should().Be(HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetGuid();
        (await _district.EventsAsync<ExpertJoinedPool>()).Should().BeEmpty("not before the invitation is accepted");

        using var browser = new Browser(_district.Host);
        using var set = await DirectoryHost.SetPasswordAsync(browser, UsersDistrict.LinkIn(await _district.MailAsync("expert@pool.example", 1)), UsersDistrict.Password);
        set.StatusCode.Should().Be(HttpStatusCode.OK);

        var joined = (await _district.EventsAsync<ExpertJoinedPool>()).Should().ContainSingle().Subject;
        joined.GetProperty("userId").GetGuid().Should().Be(id);
        joined.GetProperty("expertPoolId").GetGuid().Should().Be(pool);
        joined.GetProperty("name").GetString().Should().Be("Chen Jing / 陈静");
        joined.GetProperty("serviceDomains").EnumerateArray().Select(d => d.GetString()).Should().BeEquivalentTo("Elderly", "Disability");
        await using var scope = _district.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        (await users.GetClaimsAsync((await users.FindByIdAsync(id.ToString()))!)).Should().BeEmpty("the domains went with the event");
    }

    [Fact]
    public async Task Service_domains_are_refused_for_anyone_but_an_evaluator_of_the_expert_pool()
    {
        using var admin = _district.AsAdmin();

        var refused = await UsersDistrict.InviteAsync(admin, new
        {
            organisationId = _unit, email = "domains@futian.example", displayName = "Domains", roles = new[] { Roles.Purchaser }, serviceDomains = new[] { "Elderly" },
        });

        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.Body.GetProperty("errors").GetProperty("serviceDomains").EnumerateArray().Should().ContainSingle();
    }
}
