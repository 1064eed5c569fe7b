using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Identity;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.Rules;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 3: an agency registers itself with no approval gate (财库〔2019〕38号) through the anonymous API; the
/// automatic checks (credit code with its check characters, registration date not in the future in Shanghai, the
/// contact's phone, the password policy) name every bad field; its contact confirms the e-mail by a 72-hour link and the
/// agency is active at once (AgencyRegistered raised); one credit code, one agency.
/// </summary>
public sealed class Agencies_register_themselves : IAsyncLifetime
{
    private RegistrationDistrict _district = null!;

    public async Task InitializeAsync() => _district = await RegistrationDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string[] Messages(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!)];

    private static string[] Rules(JsonElement problem, string field) =>
        [.. problem.GetProperty("violations").EnumerateArray().Where(v => v.GetProperty("field").GetString() == field).Select(v => v.GetProperty("rule").GetString()!)];

    [Fact]
    public async Task A_registration_is_accepted_awaiting_the_confirmation_of_its_e_mail()
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration());

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var accepted = await Json(response);
        var id = accepted.GetProperty("organisationId").GetGuid();
        accepted.GetProperty("email").GetString().Should().Be("liming@sunshine.example");
        accepted.GetProperty("confirmBy").GetDateTimeOffset().Should().Be(RegistrationDistrict.Start.AddHours(72));

        var organisation = await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id));
        organisation.Kind.Should().Be(OrganisationKind.Agency);
        organisation.UnifiedSocialCreditCode.Should().Be(RegistrationDistrict.CodeA);
        organisation.RegistrationAuthority.Should().Be("深圳市福田区民政局");
        organisation.LegalRepresentative.Should().Be("王芳");
        organisation.RegistrationDate.Should().Be(new DateOnly(2015, 6, 1));
        organisation.Address.Should().Be("深圳市福田区深南大道 1 号");
        organisation.AwaitingConfirmationSince.Should().Be(RegistrationDistrict.Start);
        await using var scope = _district.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var user = (await users.FindByNameAsync("liming"))!;
        user.OrganisationId.Should().Be(id);
        user.EmailConfirmed.Should().BeFalse();
        user.PhoneNumber.Should().Be("13800138000");
        user.DisplayName.Should().Be("李明");
        (await users.GetRolesAsync(user)).Should().BeEquivalentTo(Roles.Agency, Roles.OrganisationAdmin);
        var audit = await _district.InDbAsync(db => db.OrganisationAudit.Where(a => a.OrganisationId == id).ToListAsync());
        audit.Should().ContainSingle().Which.Change.Should().Be(OrganisationChange.Registered);
        audit[0].UserId.Should().Be(user.Id);
        (await _district.EventsAsync<AgencyRegistered>()).Should().BeEmpty("the agency is registered only once its e-mail is confirmed");

        var mail = await _district.Smtp.WaitForMailToAsync("liming@sunshine.example");
        var text = Testing.TestSmtpServer.TextOf(mail);
        text.Should().Contain("确认您的电子邮箱").And.Contain("confirm your e-mail").And.Contain(RegistrationDistrict.ConfirmBy);
        var link = RegistrationDistrict.LinkIn(mail);
        link.GetLeftPart(UriPartial.Path).Should().Be(DirectoryHost.PublicBaseUrl + "account/confirm-email");
    }

    [Fact]
    public async Task Every_missing_field_is_named_by_its_label_in_chinese()
    {
        using var response = await _district.RegisterAsync(new Dictionary<string, object?>(), "zh-CN");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        foreach (var field in new[]
        {
            "name", "unifiedSocialCreditCode", "registrationAuthority", "legalRepresentative", "registrationDate", "address",
            "contactName", "contactPhone", "email", "userName", "password",
        })
        {
            Rules(problem, field).Should().Equal(["required"], field);
        }

        Messages(problem, "registrationAuthority").Should().Equal("登记管理机关为必填项。");
        Messages(problem, "contactPhone").Should().Equal("联系电话为必填项。");
        Messages(problem, "userName").Should().Equal("用户名为必填项。");
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused_and_the_right_one_accepted()
    {
        using var wrong = await _district.RegisterAsync(RegistrationDistrict.Registration(code: "52440305MJL100017H"));
        using var right = await _district.RegisterAsync(RegistrationDistrict.Registration(code: "52440305mjl100017g"));

        wrong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a code that breaks its rule is a rule violation, as every other one");
        var problem = await Json(wrong);
        problem.GetProperty("rule").GetString().Should().Be("uscc_check_character");
        problem.GetProperty("field").GetString().Should().Be("unifiedSocialCreditCode");
        problem.GetProperty("detail").GetString().Should().StartWith("Unified social credit code does not pass its check character");
        right.StatusCode.Should().Be(HttpStatusCode.Accepted, "the code is checked trimmed and upper-cased");
        var id = (await Json(right)).GetProperty("organisationId").GetGuid();
        (await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).UnifiedSocialCreditCode.Should().Be(RegistrationDistrict.CodeA);
    }

    [Theory]
    [InlineData("52440305MJL10001", "uscc_length")]
    [InlineData("52440305MJL1000I7G", "uscc_character")]
    [InlineData("524403A5MJL100017G", "uscc_region")]
    public async Task A_credit_code_of_the_wrong_shape_is_a_422_naming_the_field_and_the_rule(string code, string rule)
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(code: code));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("rule").GetString().Should().Be(rule);
        problem.GetProperty("field").GetString().Should().Be("unifiedSocialCreditCode");
    }

    [Fact]
    public async Task A_bad_credit_code_beside_a_missing_field_waits_for_the_shape_a_400_naming_only_the_missing_field()
    {
        var registration = RegistrationDistrict.Registration(code: "52440305MJL100017H");
        registration["legalRepresentative"] = null;

        using var response = await _district.RegisterAsync(registration);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        Rules(problem, "legalRepresentative").Should().Equal("required");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("legalRepresentative");
    }

    [Fact]
    public async Task A_registration_date_of_today_in_shanghai_is_accepted_and_tomorrow_refused()
    {
        var today = ShanghaiDays.Date(RegistrationDistrict.Start);
        string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _district.Clock.SetUtcNow(ShanghaiDays.At(today, new TimeSpan(23, 59, 59)));

        using var onToday = await _district.RegisterAsync(RegistrationDistrict.Registration(registrationDate: Iso(today)));
        using var tomorrow = await _district.RegisterAsync(RegistrationDistrict.Registration(code: RegistrationDistrict.CodeB, userName: "wangfang",
            email: "wangfang@example.org", registrationDate: Iso(today.AddDays(1))));

        onToday.StatusCode.Should().Be(HttpStatusCode.Accepted);
        tomorrow.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a date after today breaks a rule (422), the one Bidding's profile keeps too");
        var problem = await Json(tomorrow);
        problem.GetProperty("rule").GetString().Should().Be("registration_date_in_future");
        problem.GetProperty("field").GetString().Should().Be("registrationDate");
        problem.GetProperty("detail").GetString().Should().Be($"Registration date must not be after today ({Iso(today)}, Beijing time).");

        _district.Clock.SetUtcNow(ShanghaiDays.At(today.AddDays(1), TimeSpan.Zero));
        using var atMidnight = await _district.RegisterAsync(RegistrationDistrict.Registration(code: RegistrationDistrict.CodeB, userName: "wangfang",
            email: "wangfang@example.org", registrationDate: Iso(today.AddDays(1))));
        atMidnight.StatusCode.Should().Be(HttpStatusCode.Accepted, "at midnight in Shanghai the next day is today");
    }

    [Theory]
    [InlineData("Lantern-Blu", PasswordRule.TooShort)]
    [InlineData("password", PasswordRule.Common)]
    [InlineData("liming-Harbour-42", PasswordRule.ContainsUserName)]
    public async Task A_password_the_policy_refuses_is_named(string password, PasswordRule rule)
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(password: password));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Rules(await Json(response), "password").Should().Contain(rule switch
        {
            PasswordRule.TooShort => Security.PasswordPolicy.TooShort,
            PasswordRule.Common => Security.PasswordPolicy.Common,
            _ => Security.PasswordPolicy.ContainsUserName,
        });
    }

    public enum PasswordRule
    {
        TooShort,
        Common,
        ContainsUserName,
    }

    [Fact]
    public async Task A_password_of_twelve_characters_is_enough()
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(password: "Lantern-Blue"[..11] + "7"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("1380013800")]
    [InlineData("12800138000")]
    [InlineData("0755-123")]
    public async Task A_phone_not_shaped_as_bidding_s_contact_phones_is_refused(string phone)
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(phone: phone));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Rules(await Json(response), "contactPhone").Should().Equal("phone_shape");
    }

    [Theory]
    [InlineData("liming@sunshine")]
    [InlineData("liming sunshine.example")]
    public async Task An_e_mail_bidding_would_not_take_as_a_contact_s_is_refused(string email)
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(email: email));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Rules(await Json(response), "email").Should().Equal("email_shape");
    }

    [Fact]
    public async Task A_landline_with_its_area_code_is_a_phone()
    {
        using var response = await _district.RegisterAsync(RegistrationDistrict.Registration(phone: "0755-12345678"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Confirming_the_e_mail_activates_the_agency_and_raises_agency_registered()
    {
        var (id, link) = await _district.RegisteredAsync();
        _district.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        using var browser = new Browser(_district.Host);

        using var page = await browser.GetAsync(DirectoryHost.Local(link));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("电子邮箱已确认");
        var organisation = await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id));
        organisation.AwaitingConfirmationSince.Should().BeNull();
        (await _district.InDbAsync(db => db.Users.SingleAsync(u => u.UserName == "liming"))).EmailConfirmed.Should().BeTrue();
        var audit = await _district.InDbAsync(db => db.OrganisationAudit.Where(a => a.OrganisationId == id).Select(a => a.Change).ToListAsync());
        audit.Should().BeEquivalentTo([OrganisationChange.Registered, OrganisationChange.RegistrationConfirmed]);
        var raised = JsonSerializer.Deserialize<AgencyRegistered>((await _district.EventsAsync<AgencyRegistered>()).Single(), JsonSerializerOptions.Web)!;
        raised.Should().BeEquivalentTo(new AgencyRegistered(
            id, "深圳市福田区阳光社会工作服务中心", RegistrationDistrict.CodeA, "深圳市福田区民政局", "王芳", new DateOnly(2015, 6, 1),
            "深圳市福田区深南大道 1 号", "李明", "13800138000", "liming@sunshine.example", _district.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_second_click_on_the_link_says_it_is_confirmed_already()
    {
        var (_, link) = await _district.RegisteredAsync();
        using var browser = new Browser(_district.Host);
        (await browser.GetAsync(DirectoryHost.Local(link))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var again = await browser.GetAsync(DirectoryHost.Local(link));

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Contain("该电子邮箱已确认");
        (await _district.EventsAsync<AgencyRegistered>()).Should().ContainSingle();
    }

    [Fact]
    public async Task The_link_is_no_longer_valid_72_hours_and_a_second_after_it_was_made_and_an_unknown_one_answers_the_same()
    {
        var (id, link) = await _district.RegisteredAsync();
        _district.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));
        using var browser = new Browser(_district.Host);

        using var expired = await browser.GetAsync(DirectoryHost.Local(link));
        using var unknown = await browser.GetAsync(new Uri(ConfirmEmailEndpoints.Path + "?token=" + new string('A', 43), UriKind.Relative));

        expired.StatusCode.Should().Be(HttpStatusCode.Gone);
        unknown.StatusCode.Should().Be(HttpStatusCode.Gone);
        var expiredText = await expired.Content.ReadAsStringAsync();
        expiredText.Should().Contain("链接已失效").And.Contain(ConfirmEmailEndpoints.ResendPath);
        (await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).AwaitingConfirmationSince.Should().NotBeNull("an expired link confirms nothing: the agency still waits");
        (await _district.EventsAsync<AgencyRegistered>()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_second_registration_with_a_code_on_record_is_refused_and_the_agency_s_administrators_are_told()
    {
        var (_, link) = await _district.RegisteredAsync();
        using (var browser = new Browser(_district.Host))
        {
            (await browser.GetAsync(DirectoryHost.Local(link))).EnsureSuccessStatusCode();
        }

        var before = _district.Smtp.MailsTo("liming@sunshine.example").Count;
        var second = RegistrationDistrict.Registration(userName: "zhaolei", email: "zhaolei@example.org");
        second["contactName"] = "赵磊";

        using var refused = await _district.RegisterAsync(second);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(refused);
        problem.GetProperty("rule").GetString().Should().Be("agency_already_registered");
        problem.GetProperty("detail").GetString().Should().Contain(RegistrationDistrict.CodeA).And.Contain("administrators were told");
        var told = await _district.LatestMailToAsync("liming@sunshine.example", before);
        var text = Testing.TestSmtpServer.TextOf(told);
        text.Should().Contain("赵磊").And.Contain("zhaolei@example.org");
        var invite = RegistrationDistrict.LinkIn(told);
        invite.GetLeftPart(UriPartial.Path).Should().Be(DirectoryHost.PublicBaseUrl + "users");
        var query = QueryHelpers.ParseQuery(invite.Query);
        query["inviteEmail"].ToString().Should().Be("zhaolei@example.org");
        query["inviteName"].ToString().Should().Be("赵磊");
        (await _district.InDbAsync(db => db.Users.AnyAsync(u => u.UserName == "zhaolei"))).Should().BeFalse();
        _district.Smtp.MailsTo("zhaolei@example.org").Should().BeEmpty();
    }

    [Fact]
    public async Task A_registration_awaiting_confirmation_within_its_link_s_life_still_holds_its_code()
    {
        await _district.RegisteredAsync();
        _district.Clock.Advance(TimeSpan.FromHours(71));

        using var refused = await _district.RegisterAsync(RegistrationDistrict.Registration(userName: "zhaolei", email: "zhaolei@example.org"));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(refused)).GetProperty("rule").GetString().Should().Be("agency_already_registered");
    }

    [Fact]
    public async Task A_stale_unconfirmed_registration_is_replaced_by_a_new_one_with_its_code_user_name_and_e_mail()
    {
        var (stale, _) = await _district.RegisteredAsync();
        _district.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));

        var (fresh, link) = await _district.RegisteredAsync();

        fresh.Should().NotBe(stale);
        (await _district.InDbAsync(db => db.Organisations.AnyAsync(o => o.Id == stale))).Should().BeFalse();
        (await _district.InDbAsync(db => db.OrganisationAudit.AnyAsync(a => a.OrganisationId == stale))).Should().BeFalse();
        (await _district.InDbAsync(db => db.Users.CountAsync(u => u.UserName == "liming"))).Should().Be(1);
        using var browser = new Browser(_district.Host);
        (await browser.GetAsync(DirectoryHost.Local(link))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == fresh))).AwaitingConfirmationSince.Should().BeNull();
    }

    [Fact]
    public async Task A_user_name_on_record_is_refused_naming_the_field()
    {
        await _district.RegisteredAsync();

        using var refused = await _district.RegisterAsync(RegistrationDistrict.Registration(code: RegistrationDistrict.CodeB, email: "other@example.org"));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(refused);
        problem.GetProperty("rule").GetString().Should().Be("user_name_taken");
        problem.GetProperty("field").GetString().Should().Be("userName");
        problem.GetProperty("detail").GetString().Should().Be("User name liming is taken; choose another.");
    }

    [Fact]
    public async Task An_e_mail_on_record_is_refused_naming_the_field()
    {
        await _district.RegisteredAsync();

        using var refused = await _district.RegisterAsync(RegistrationDistrict.Registration(code: RegistrationDistrict.CodeB, userName: "wangfang",
            email: "LiMing@Sunshine.example"));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(refused);
        problem.GetProperty("rule").GetString().Should().Be("email_taken");
        problem.GetProperty("field").GetString().Should().Be("email");
    }

    [Fact]
    public async Task The_link_sent_again_confirms_and_an_unknown_name_gets_the_same_answer_and_no_mail()
    {
        var (id, _) = await _district.RegisteredAsync();
        var before = _district.Smtp.MailsTo("liming@sunshine.example").Count;
        using var browser = new Browser(_district.Host);

        using var known = await ResendAsync(browser, "liming");
        using var unknown = await ResendAsync(browser, "nobody-here");

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await MainOf(known)).Should().Be(await MainOf(unknown));
        var mail = await _district.LatestMailToAsync("liming@sunshine.example", before);
        using var confirmed = await browser.GetAsync(DirectoryHost.Local(RegistrationDistrict.LinkIn(mail)));
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _district.InDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).AwaitingConfirmationSince.Should().BeNull();
        _district.Smtp.Received.Should().HaveCount(before + 1);
    }

    private static async Task<HttpResponseMessage> ResendAsync(Browser browser, string userNameOrEmail)
    {
        using var page = await browser.GetAsync(new Uri(ConfirmEmailEndpoints.ResendPath, UriKind.Relative));
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["userNameOrEmail"] = userNameOrEmail;
        return await browser.PostAsync(new Uri(ConfirmEmailEndpoints.ResendPath, UriKind.Relative), form);
    }

    private static async Task<string> MainOf(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return html[start..html.IndexOf("</main>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task An_unconfirmed_contact_cannot_sign_in_and_is_told_to_confirm_first_and_a_confirmed_one_can()
    {
        var (_, link) = await _district.RegisteredAsync();

        var refused = await DirectoryHost.SignInAsync(_district.Host, "liming", RegistrationDistrict.Password);

        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.ErrorDescription.Should().Contain("请先确认电子邮箱").And.Contain(ConfirmEmailEndpoints.ResendPath);
        using (var browser = new Browser(_district.Host))
        {
            (await browser.GetAsync(DirectoryHost.Local(link))).EnsureSuccessStatusCode();
        }

        (await DirectoryHost.SignInAsync(_district.Host, "liming", RegistrationDistrict.Password)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unconfirmed_contact_with_a_wrong_password_is_told_only_that_it_is_wrong()
    {
        await _district.RegisteredAsync();

        var refused = await DirectoryHost.SignInAsync(_district.Host, "liming", "Not-The-Password-At-All");

        refused.ErrorDescription.Should().NotContain("请先确认电子邮箱").And.NotContain(ConfirmEmailEndpoints.ResendPath);
    }

    [Fact]
    public async Task The_login_page_offers_to_register_an_agency()
    {
        using var browser = new Browser(_district.Host);

        using var login = await browser.GetAsync(new Uri(AccountEndpoints.LoginPath, UriKind.Relative));

        (await login.Content.ReadAsStringAsync()).Should().Contain($"<a href=\"{AgencyRegistrationEndpoints.PagePath}\">机构注册</a>");
    }
}
