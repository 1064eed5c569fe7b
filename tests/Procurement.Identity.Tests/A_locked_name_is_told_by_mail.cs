using Procurement.Identity.Accounts;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 6: when the fifth failure in fifteen minutes locks a known user's name, a mail tells them, with the end
/// of the lock in Beijing time and a link to reset the password; attempts while locked send no further mail.
/// </summary>
public sealed class A_locked_name_is_told_by_mail : IAsyncLifetime
{
    private UsersDistrict _district = null!;

    public async Task InitializeAsync() => _district = await UsersDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task The_fifth_failure_sends_one_mail_saying_until_when_and_linking_the_reset_page()
    {
        var agency = await _district.OrganisationAsync("深圳市诚信招标代理有限公司", OrganisationKind.Agency);
        await _district.JoinedAsync(agency, "li.na@agency.example", Roles.Agency);
        var lockedAt = _district.Directory.Clock.GetUtcNow();

        for (var i = 0; i < 4; i++)
        {
            await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", "Wrong-Password-Entirely-1");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        _district.Smtp.MailsTo("li.na@agency.example").Should().HaveCount(1, "four failures lock nothing: only the invitation");
        await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", "Wrong-Password-Entirely-1");
        await DirectoryHost.SignInAsync(_district.Host, "li.na@agency.example", "Wrong-Password-Entirely-1");

        var notice = await _district.MailAsync("li.na@agency.example", 2);
        var text = TestSmtpServer.TextOf(notice);
        notice.Subject.Should().Contain("锁定").And.Contain("locked");
        text.Should().Contain(AccountMails.BeijingTime(lockedAt + TimeSpan.FromMinutes(15)));
        UsersDistrict.LinkIn(notice).Should().Be(new Uri(DirectoryHost.PublicBaseUrl + "account/forgot-password"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        _district.Smtp.MailsTo("li.na@agency.example").Should().HaveCount(2, "the attempt while locked sends nothing more");
    }

    [Fact]
    public async Task An_unknown_name_locked_the_same_way_sends_no_mail()
    {
        for (var i = 0; i < 5; i++)
        {
            (await DirectoryHost.SignInAsync(_district.Host, "nobody@agency.example", "Wrong-Password-Entirely-1")).AccessToken.Should().BeNull();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        _district.Smtp.Received.Should().BeEmpty();
    }
}
