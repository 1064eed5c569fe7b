using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: an organisation's own administrator (org-admin) sees and invites only its organisation's people —
/// another organisation's users and the organisation itself answer 404, never its data — and cannot give the role admin;
/// the platform administrator sees everyone.
/// </summary>
public sealed class An_organisation_administrator_manages_only_its_own_organisation : IAsyncLifetime
{
    private UsersDistrict _district = null!;
    private Guid _futian;
    private Guid _nanshan;
    private Guid _futianAdmin;
    private Guid _nanshanUser;

    public async Task InitializeAsync()
    {
        _district = await UsersDistrict.StartAsync();
        _futian = await _district.OrganisationAsync("福田区民政局", OrganisationKind.PurchasingUnit);
        _nanshan = await _district.OrganisationAsync("南山区民政局", OrganisationKind.PurchasingUnit);
        _futianAdmin = await _district.InvitedAsync(_futian, "head@futian.example", Roles.Purchaser, Roles.OrganisationAdmin);
        _nanshanUser = await _district.InvitedAsync(_nanshan, "clerk@nanshan.example", Roles.Purchaser);
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private HttpClient FutianAdmin() => _district.As(Roles.OrganisationAdmin, _futian, _futianAdmin, "head@futian.example");

    [Fact]
    public async Task It_lists_only_its_own_organisations_users_and_the_platform_admin_lists_everyones()
    {
        using var orgAdmin = FutianAdmin();
        using var admin = _district.AsAdmin();

        var own = (await orgAdmin.GetFromJsonAsync<JsonElement[]>(UserEndpoints.Path))!;
        var all = (await admin.GetFromJsonAsync<JsonElement[]>(UserEndpoints.Path))!;

        own.Select(u => u.GetProperty("userName").GetString()).Should().Equal("head@futian.example");
        all.Select(u => u.GetProperty("userName").GetString()).Should().BeEquivalentTo("clerk@nanshan.example", "head@futian.example", "ops");
        (await admin.GetFromJsonAsync<JsonElement[]>($"{UserEndpoints.Path}?organisationId={_nanshan}"))!
            .Select(u => u.GetProperty("userName").GetString()).Should().Equal("clerk@nanshan.example");
    }

    [Fact]
    public async Task Another_organisations_users_answer_404_to_it()
    {
        using var orgAdmin = FutianAdmin();

        using var list = await orgAdmin.GetAsync($"{UserEndpoints.Path}?organisationId={_nanshan}");
        using var one = await orgAdmin.GetAsync($"{UserEndpoints.Path}/{_nanshanUser}");
        using var history = await orgAdmin.GetAsync($"{UserEndpoints.Path}/{_nanshanUser}/history");
        using var deactivate = await orgAdmin.PostAsJsonAsync($"{UserEndpoints.Path}/{_nanshanUser}/deactivate", new { reason = "x" });

        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        one.StatusCode.Should().Be(HttpStatusCode.NotFound);
        history.StatusCode.Should().Be(HttpStatusCode.NotFound);
        deactivate.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await one.Content.ReadAsStringAsync()).Should().NotContain("clerk@nanshan.example");
    }

    [Fact]
    public async Task It_invites_into_its_own_organisation_when_none_is_named_but_not_into_another()
    {
        using var orgAdmin = FutianAdmin();

        var own = await UsersDistrict.InviteAsync(orgAdmin, new { email = "new@futian.example", displayName = "New", roles = new[] { Roles.Purchaser } });
        var other = await UsersDistrict.InviteAsync(orgAdmin, new { organisationId = _nanshan, email = "new@nanshan.example", displayName = "New", roles = new[] { Roles.Purchaser } });

        own.Status.Should().Be(HttpStatusCode.Created, own.Body.ToString());
        own.Body.GetProperty("organisationId").GetGuid().Should().Be(_futian);
        other.Status.Should().Be(HttpStatusCode.NotFound);
        (await _district.InDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "new@nanshan.example")))).Should().BeFalse();
    }

    [Fact]
    public async Task It_cannot_give_the_role_admin_which_the_platform_admin_can()
    {
        using var operatorAdmin = _district.As(Roles.OrganisationAdmin, _district.OperatorId, _district.AdminId, "ops");
        using var admin = _district.AsAdmin();

        var byOrgAdmin = await UsersDistrict.InviteAsync(operatorAdmin, new { email = "second@ops.example", displayName = "Second", roles = new[] { Roles.Admin } });
        var byAdmin = await UsersDistrict.InviteAsync(admin, new { email = "second@ops.example", displayName = "Second", roles = new[] { Roles.Admin } });

        byOrgAdmin.Status.Should().Be(HttpStatusCode.Forbidden);
        byOrgAdmin.Body.GetProperty("rule").GetString().Should().Be(UserCodes.AdminByPlatformAdminOnly);
        byAdmin.Status.Should().Be(HttpStatusCode.Created, byAdmin.Body.ToString());
    }

    [Fact]
    public async Task A_person_role_alone_may_not_use_the_users_api()
    {
        using var purchaser = _district.As(Roles.Purchaser, _futian, Guid.NewGuid(), "someone");

        using var list = await purchaser.GetAsync(UserEndpoints.Path);

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
