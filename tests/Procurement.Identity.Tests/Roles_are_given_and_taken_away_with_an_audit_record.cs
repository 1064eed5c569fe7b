using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Identity;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: roles are given and taken away with an audit record; taking one away ends the user's access
/// (UserAccessRevoked) so they sign in again with what is left. A role must fit the organisation's kind; the last active
/// platform admin keeps admin, and a user keeps their only person role (deactivate instead).
/// </summary>
public sealed class Roles_are_given_and_taken_away_with_an_audit_record() : A_district_with_one_organisation("福田区民政局", OrganisationKind.PurchasingUnit)
{
    [Fact]
    public async Task Org_admin_is_given_and_taken_away_each_change_audited_and_the_taking_ends_the_users_access()
    {
        var id = await District.InvitedAsync(Organisation, "clerk@futian.example", Roles.Purchaser);
        using var admin = District.AsAdmin();

        using var granted = await admin.PostAsJsonAsync($"{UserEndpoints.Path}/{id}/roles", new { role = Roles.OrganisationAdmin });
        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString())
            .Should().Equal(Roles.OrganisationAdmin, Roles.Purchaser);
        (await District.EventsAsync<UserAccessRevoked>()).Should().BeEmpty("giving a role ends nothing");

        using var revoked = await admin.DeleteAsync($"{UserEndpoints.Path}/{id}/roles/{Roles.OrganisationAdmin}");
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Purchaser);

        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{UserEndpoints.Path}/{id}/history"))!;
        history.Select(h => (h.GetProperty("change").GetString(), h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString()))
            .Should().Equal(("UserInvited", null, history[0].GetProperty("newValue").GetString()), ("RoleGranted", null, Roles.OrganisationAdmin), ("RoleRevoked", Roles.OrganisationAdmin, null));
        var ended = (await District.EventsAsync<UserAccessRevoked>()).Should().ContainSingle().Subject;
        ended.GetProperty("userId").GetGuid().Should().Be(id);
        ended.GetProperty("reason").GetString().Should().Be("role_revoked");
    }

    [Fact]
    public async Task A_role_of_another_kind_of_organisation_is_not_given()
    {
        var id = await District.InvitedAsync(Organisation, "clerk@futian.example", Roles.Purchaser);
        using var admin = District.AsAdmin();

        using var refused = await admin.PostAsJsonAsync($"{UserEndpoints.Path}/{id}/roles", new { role = Roles.Treasury });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.RoleNotForKind);
    }

    [Fact]
    public async Task A_users_only_person_role_is_not_taken_away()
    {
        var id = await District.InvitedAsync(Organisation, "clerk@futian.example", Roles.Purchaser, Roles.OrganisationAdmin);
        using var admin = District.AsAdmin();

        using var refused = await admin.DeleteAsync($"{UserEndpoints.Path}/{id}/roles/{Roles.Purchaser}");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.OnlyPersonRole);
        (await District.EventsAsync<UserAccessRevoked>()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_last_active_platform_admin_keeps_admin()
    {
        using var admin = District.AsAdmin();

        using var refused = await admin.DeleteAsync($"{UserEndpoints.Path}/{District.AdminId}/roles/{Roles.Admin}");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.LastAdmin);
    }
}
