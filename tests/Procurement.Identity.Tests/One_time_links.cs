using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 2: a one-time link carries a token of 256 random bits of which only the SHA-256 is stored; it sets a
/// password once, before it expires 72 hours after it was made; the password goes through the password validators,
/// each failure beside its field in the user's language; a used, expired or unknown link answers one and the same page.
/// </summary>
public sealed partial class One_time_links : IAsyncLifetime
{
    private const string Password = "Harbour-Lantern-Quietly-42";

    private readonly DirectoryHost _district = new();
    private Uri _link = null!;

    public async Task InitializeAsync() => _link = await _district.FirstAdministratorAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task Only_the_sha256_of_a_token_of_at_least_128_random_bits_is_stored()
    {
        var token = QueryHelpers.ParseQuery(_link.Query)["token"].ToString();
        var host = await _district.HostAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdentityDb>().OneTimeLinks.SingleAsync();

        Base64UrlEncoder.DecodeBytes(token).Length.Should().BeGreaterThanOrEqualTo(16);
        stored.TokenHash.Should().Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        stored.UsedAt.Should().BeNull();
    }

    [Fact]
    public async Task Is_valid_72_hours_less_a_second_after_it_was_made()
    {
        var host = await _district.HostAsync();
        _district.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        using var browser = new Browser(host);

        using var set = await DirectoryHost.SetPasswordAsync(browser, _link, Password);

        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await DirectoryHost.SignInAsync(host, "ops", Password)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Is_no_longer_valid_72_hours_and_a_second_after_it_was_made()
    {
        var host = await _district.HostAsync();
        _district.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));
        using var browser = new Browser(host);

        using var page = await browser.GetAsync(DirectoryHost.Local(_link));

        page.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await MainContent(page)).Should().Contain("链接已失效").And.NotContain("<form");
    }

    [Fact]
    public async Task A_form_posted_after_expiry_sets_no_password()
    {
        var host = await _district.HostAsync();
        using var browser = new Browser(host);
        using var page = await browser.GetAsync(DirectoryHost.Local(_link));
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["newPassword"] = form["confirmPassword"] = Password;
        _district.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));

        using var posted = await browser.PostAsync(new Uri(SetPasswordEndpoints.Path, UriKind.Relative), form);

        posted.StatusCode.Should().Be(HttpStatusCode.Gone);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        (await users.HasPasswordAsync((await users.FindByNameAsync("ops"))!)).Should().BeFalse();
    }

    [Fact]
    public async Task Works_once_and_a_used_an_expired_and_an_unknown_link_answer_the_same_page()
    {
        var host = await _district.HostAsync();
        using var browser = new Browser(host);
        using (var set = await DirectoryHost.SetPasswordAsync(browser, _link, Password))
        {
            set.StatusCode.Should().Be(HttpStatusCode.OK);
            (await set.Content.ReadAsStringAsync()).Should().Contain("密码已设置");
        }

        using var used = await browser.GetAsync(DirectoryHost.Local(_link));
        using var unknown = await browser.GetAsync(new Uri(SetPasswordEndpoints.Path + "?token=" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), UriKind.Relative));
        using var missing = await browser.GetAsync(new Uri(SetPasswordEndpoints.Path, UriKind.Relative));

        used.StatusCode.Should().Be(HttpStatusCode.Gone);
        unknown.StatusCode.Should().Be(HttpStatusCode.Gone);
        missing.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await MainContent(unknown)).Should().Be(await MainContent(used)).And.Be(await MainContent(missing));

        // Posting the used link again sets nothing.
        using var again = await browser.PostAsync(new Uri(SetPasswordEndpoints.Path, UriKind.Relative), new()
        {
            ["token"] = QueryHelpers.ParseQuery(_link.Query)["token"].ToString(),
            ["newPassword"] = "An0ther-Passw0rd!",
            ["confirmPassword"] = "An0ther-Passw0rd!",
        });
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await DirectoryHost.SignInAsync(host, "ops", Password)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_passwords_that_differ_are_refused_beside_the_second_field_and_the_link_stays_usable()
    {
        var host = await _district.HostAsync();
        using var browser = new Browser(host);

        using var refused = await DirectoryHost.SetPasswordAsync(browser, _link, Password, confirmation: Password + "x");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        FieldErrors(html, "confirmPassword").Should().Equal("两次输入的密码不一致。");
        FieldErrors(html, "newPassword").Should().BeEmpty();
        using var set = await DirectoryHost.SetPasswordAsync(browser, _link, Password);
        set.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_the_validators_refuse_is_shown_beside_the_field_in_chinese_and_in_english_and_the_link_stays_usable()
    {
        var host = await _district.HostAsync();
        using var browser = new Browser(host);

        using var chinese = await DirectoryHost.SetPasswordAsync(browser, _link, "abc");
        browser.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var english = await DirectoryHost.SetPasswordAsync(browser, _link, "abc");

        chinese.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var inChinese = FieldErrors(await chinese.Content.ReadAsStringAsync(), "newPassword");
        inChinese.Should().Equal("密码至少需要 12 个字符。");
        var inEnglish = FieldErrors(await english.Content.ReadAsStringAsync(), "newPassword");
        inEnglish.Should().ContainSingle().Which.Should().Contain("12 characters");
        inEnglish.Should().HaveSameCount(inChinese);
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IdentityDb>().OneTimeLinks.SingleAsync()).UsedAt.Should().BeNull();
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_sets_nothing()
    {
        var host = await _district.HostAsync();
        using var browser = new Browser(host);
        using var page = await browser.GetAsync(DirectoryHost.Local(_link));
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form.Remove(form.Keys.Single(k => k != "token"));
        form["newPassword"] = form["confirmPassword"] = Password;

        using var posted = await browser.PostAsync(new Uri(SetPasswordEndpoints.Path, UriKind.Relative), form);

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        (await users.HasPasswordAsync((await users.FindByNameAsync("ops"))!)).Should().BeFalse();
    }

    private static async Task<string> MainContent(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return MainElement().Match(html).Value;
    }

    /// <summary>The messages shown beside a field (its <c>…-errors</c> block).</summary>
    private static List<string> FieldErrors(string html, string field)
    {
        var block = Regex.Match(html, $"""<div role="alert" class="alert" id="{field}-errors">(?<messages>.*?)</div></div>""", RegexOptions.Singleline);
        return block.Success
            ? [.. Regex.Matches(block.Groups["messages"].Value + "</div>", "<div>(?<m>.*?)</div>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["m"].Value))]
            : [];
    }

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();
}
