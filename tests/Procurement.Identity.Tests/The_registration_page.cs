using System.Net;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Endpoints;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 3 on Identity's own page <c>/account/register</c>: the same checks as the API, every error beside its
/// field in the user's language, nothing typed lost on a refusal but the passwords.
/// </summary>
public sealed class The_registration_page : IAsyncLifetime
{
    private static readonly Uri Page = new(AgencyRegistrationEndpoints.PagePath, UriKind.Relative);

    private RegistrationDistrict _district = null!;

    public async Task InitializeAsync() => _district = await RegistrationDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(Browser browser, Action<Dictionary<string, string>> change)
    {
        using var page = await browser.GetAsync(Page);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        foreach (var (field, value) in RegistrationDistrict.Registration())
        {
            form[field] = (string)value!;
        }

        form["confirmPassword"] = RegistrationDistrict.Password;
        change(form);
        var response = await browser.PostAsync(Page, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_complete_form_registers_the_agency_and_says_where_the_link_went()
    {
        using var browser = new Browser(_district.Host);

        var (response, html) = await SubmitAsync(browser, _ => { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain($"我们已向 liming@sunshine.example 发送确认链接，请在 {RegistrationDistrict.ConfirmBy}（北京时间）前打开。");
        (await _district.InDbAsync(db => db.Organisations.AnyAsync(o => o.UnifiedSocialCreditCode == RegistrationDistrict.CodeA))).Should().BeTrue();
        var mail = await _district.Smtp.WaitForMailToAsync("liming@sunshine.example");
        TestSmtpServer.LinksIn(mail).Should().Contain(l => l.AbsolutePath == ConfirmEmailEndpoints.Path, "the mail carries the confirmation link");
    }

    [Fact]
    public async Task Refusals_stand_beside_their_fields_and_everything_typed_but_the_passwords_stays()
    {
        using var browser = new Browser(_district.Host);

        var (response, html) = await SubmitAsync(browser, form =>
        {
            form["unifiedSocialCreditCode"] = "52440305MJL100017H";
            form["registrationDate"] = "2099-01-01";
            form["contactPhone"] = "12345";
            form["confirmPassword"] = "Something-Else-Entirely";
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("""<div role="alert" class="alert" id="unifiedSocialCreditCode-errors"><div>统一社会信用代码校验码不正确（GB 32100-2015），请检查是否有输错的字符。</div></div>""");
        html.Should().Contain($"""<div role="alert" class="alert" id="registrationDate-errors"><div>登记日期不得晚于今天（北京时间 {RegistrationDistrict.StartDay}）。</div></div>""");
        html.Should().Contain("""id="contactPhone-errors">""");
        html.Should().Contain("""id="confirmPassword-errors">""");
        html.Should().Contain("value=\"52440305MJL100017H\"").And.Contain("value=\"深圳市福田区阳光社会工作服务中心\"")
            .And.Contain("value=\"liming@sunshine.example\"").And.Contain("value=\"liming\"").And.Contain("value=\"2099-01-01\"");
        html.Should().NotContain(RegistrationDistrict.Password).And.NotContain("Something-Else-Entirely");
        (await _district.InDbAsync(db => db.Organisations.CountAsync())).Should().Be(1, "only the platform operator");
    }

    [Fact]
    public async Task A_password_the_policy_refuses_is_said_beside_the_password_in_english()
    {
        using var browser = new Browser(_district.Host);
        using (await browser.GetAsync(new Uri(AccountEndpoints.LanguagePath + "?culture=en&returnUrl=/account/register", UriKind.Relative)))
        {
        }

        var (response, html) = await SubmitAsync(browser, form => form["password"] = form["confirmPassword"] = "short-one");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("""<div role="alert" class="alert" id="password-errors"><div>The password must have at least 12 characters.</div></div>""");
        html.Should().Contain("Register your agency");
    }

    [Fact]
    public async Task A_code_on_record_is_refused_beside_the_code()
    {
        await _district.RegisteredAsync();
        using var browser = new Browser(_district.Host);

        var (response, html) = await SubmitAsync(browser, form =>
        {
            form["userName"] = "zhaolei";
            form["email"] = "zhaolei@example.org";
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("""id="unifiedSocialCreditCode-errors"><div>统一社会信用代码为 52440305MJL100017G 的机构已注册。""");
        html.Should().Contain("value=\"zhaolei@example.org\"");
    }
}
