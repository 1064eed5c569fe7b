using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests;

/// <summary>
/// Issue 14, item 3 across modules on the embedded platform: an agency registers through Identity's anonymous API, its
/// contact follows the link of the mail the SMTP server received, and Bidding holds the agency's profile at once
/// (AgencyRegistered through Identity's outbox), read with the agency's own token.
/// </summary>
public sealed class An_agency_registers_itself_and_bids_at_once : IAsyncLifetime
{
    private const string Password = "Harbour-Lantern-Quietly-42";

    private EmbeddedPlatform _platform = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _platform = await EmbeddedPlatform.StartAsync(new()
        {
            ["Mail:From"] = "采购平台 <noreply@district.example>",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseTls"] = "None",
        });
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_confirmed_registration_is_the_agency_s_profile_in_bidding()
    {
        using var anonymous = _platform.CreateClient();
        using var registered = await anonymous.PostAsJsonAsync("/api/identity/agency-registrations", new
        {
            name = "深圳市罗湖区晨光社会工作服务中心",
            unifiedSocialCreditCode = "52440303MJL300019Y",
            registrationAuthority = "深圳市罗湖区民政局",
            legalRepresentative = "陈静",
            registrationDate = "2016-03-15",
            address = "深圳市罗湖区人民南路 8 号",
            contactName = "周洁",
            contactPhone = "0755-82345678",
            email = "zhoujie@chenguang.example",
            userName = "zhoujie",
            password = Password,
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Accepted, await registered.Content.ReadAsStringAsync());
        var agencyId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationId").GetGuid();

        var mail = await _smtp.WaitForMailToAsync("zhoujie@chenguang.example", TimeSpan.FromSeconds(30));
        var link = TestSmtpServer.LinksIn(mail).Distinct().Single();
        using (var confirmed = await anonymous.GetAsync(link.PathAndQuery))
        {
            confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var agency = _platform.CreateClient().WithToken(await _platform.SignInAsync("zhoujie", Password));
        JsonElement profile = default;
        await Poll.UntilAsync(async () =>
        {
            using var response = await agency.GetAsync("/api/agencies/me");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            profile = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, "Bidding to hold the registered agency's profile", TimeSpan.FromSeconds(30));

        profile.GetProperty("id").GetGuid().Should().Be(agencyId);
        profile.GetProperty("name").GetString().Should().Be("深圳市罗湖区晨光社会工作服务中心");
        profile.GetProperty("unifiedSocialCreditCode").GetString().Should().Be("52440303MJL300019Y");
        var contact = profile.GetProperty("contacts").EnumerateArray().Should().ContainSingle().Subject;
        contact.GetProperty("name").GetString().Should().Be("周洁");
        contact.GetProperty("phone").GetString().Should().Be("0755-82345678");
        profile.GetProperty("suspended").GetBoolean().Should().BeFalse();
    }
}
