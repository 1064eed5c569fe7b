using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Identity;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 3: the platform administrator suspends a fraudulent registration with a reason the agency sees, and
/// reinstates it; both are audited and raised for Bidding. Only agencies are suspended.
/// </summary>
public sealed class Suspending_an_agency : IAsyncLifetime
{
    private const string Path = OrganisationEndpoints.Path;

    private RegistrationDistrict _district = null!;
    private Guid _agency;

    public async Task InitializeAsync()
    {
        _district = await RegistrationDistrict.StartAsync();
        (_agency, var link) = await _district.RegisteredAsync();
        using var browser = new Browser(_district.Host);
        (await browser.GetAsync(DirectoryHost.Local(link))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task The_administrator_suspends_with_a_reason_the_agency_reads_and_the_change_is_audited_and_raised()
    {
        using var admin = _district.As(Roles.Admin);

        using var suspended = await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = "登记证书系伪造" });

        suspended.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await suspended.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("suspended").GetBoolean().Should().BeTrue();
        body.GetProperty("suspendedAt").GetDateTimeOffset().Should().Be(RegistrationDistrict.Start);
        using var agency = _district.As(Roles.Agency, _agency);
        var mine = await agency.GetFromJsonAsync<JsonElement>($"{Path}/mine");
        mine.GetProperty("id").GetGuid().Should().Be(_agency);
        mine.GetProperty("suspended").GetBoolean().Should().BeTrue();
        mine.GetProperty("suspensionReason").GetString().Should().Be("登记证书系伪造");
        mine.GetProperty("registrationAuthority").GetString().Should().Be("深圳市福田区民政局");
        mine.GetProperty("awaitingConfirmation").GetBoolean().Should().BeFalse();
        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{Path}/{_agency}/history"))!;
        history[^1].GetProperty("change").GetString().Should().Be("Suspended");
        history[^1].GetProperty("newValue").GetString().Should().Be("登记证书系伪造");
        history[^1].GetProperty("actorName").GetString().Should().Be("ops");
        var raised = JsonSerializer.Deserialize<AgencySuspended>((await _district.EventsAsync<AgencySuspended>()).Single(), JsonSerializerOptions.Web)!;
        raised.Should().Be(new AgencySuspended(_agency, "登记证书系伪造", RegistrationDistrict.Start));
    }

    [Fact]
    public async Task Reinstating_lifts_the_suspension_audited_and_raised_and_each_twice_is_a_conflict()
    {
        using var admin = _district.As(Roles.Admin);
        (await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = "登记证书系伪造" })).EnsureSuccessStatusCode();

        using var again = await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = "again" });
        using var reinstated = await admin.DeleteAsync($"{Path}/{_agency}/suspension");
        using var twice = await admin.DeleteAsync($"{Path}/{_agency}/suspension");

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(OrganisationCodes.AlreadySuspended);
        reinstated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reinstated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspended").GetBoolean().Should().BeFalse();
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(OrganisationCodes.NotSuspended);
        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{Path}/{_agency}/history"))!;
        history.Select(h => h.GetProperty("change").GetString()).Should().Equal("Registered", "RegistrationConfirmed", "Suspended", "Reinstated");
        history[^1].GetProperty("oldValue").GetString().Should().Be("登记证书系伪造");
        (await _district.EventsAsync<AgencyReinstated>()).Should().ContainSingle();
    }

    [Fact]
    public async Task Only_the_platform_administrator_suspends()
    {
        using var agency = _district.As(Roles.Agency, _agency);
        using var auditor = _district.As(Roles.Auditor);

        using var byAgency = await agency.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = "x" });
        using var byAuditor = await auditor.DeleteAsync($"{Path}/{_agency}/suspension");

        byAgency.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byAuditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _district.EventsAsync<AgencySuspended>()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_suspension_needs_a_reason_of_at_most_500_characters()
    {
        using var admin = _district.As(Roles.Admin);

        using var none = await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = " " });
        using var tooLong = await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = new string('x', 501) });
        using var longest = await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = new string('x', 500) });

        none.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        longest.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_an_agency_is_suspended()
    {
        using var admin = _district.As(Roles.Admin);

        using var refused = await admin.PostAsJsonAsync($"{Path}/{_district.OperatorId}/suspension", new { reason = "x" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(OrganisationCodes.OnlyAgenciesSuspended);
    }

    [Fact]
    public async Task Agencies_are_listed_by_kind_with_their_registration()
    {
        using var admin = _district.As(Roles.Admin);

        var agencies = (await admin.GetFromJsonAsync<JsonElement[]>($"{Path}?kind=Agency"))!;

        var agency = agencies.Should().ContainSingle().Subject;
        agency.GetProperty("id").GetGuid().Should().Be(_agency);
        agency.GetProperty("legalRepresentative").GetString().Should().Be("王芳");
        agency.GetProperty("registrationDate").GetString().Should().Be("2015-06-01");
        agency.GetProperty("address").GetString().Should().Be("深圳市福田区深南大道 1 号");
    }

    [Fact]
    public async Task A_suspended_agency_still_signs_in_to_read_why()
    {
        using var admin = _district.As(Roles.Admin);
        (await admin.PostAsJsonAsync($"{Path}/{_agency}/suspension", new { reason = "登记证书系伪造" })).EnsureSuccessStatusCode();

        var signedIn = await DirectoryHost.SignInAsync(_district.Host, "liming", RegistrationDistrict.Password);

        signedIn.Status.Should().Be(HttpStatusCode.OK);
    }
}
