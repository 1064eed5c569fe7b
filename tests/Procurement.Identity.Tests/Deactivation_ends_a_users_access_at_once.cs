using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Identity;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: deactivating a user locks the account, ends every refresh token and authorization at once and tells
/// the services (UserAccessRevoked), audited; the user cannot sign in until reactivated. Nobody deactivates themselves,
/// nor the last active platform admin.
/// </summary>
public sealed class Deactivation_ends_a_users_access_at_once() : A_district_with_one_organisation("深圳市诚信招标代理有限公司", OrganisationKind.Agency)
{
    [Fact]
    public async Task The_refresh_token_and_the_sign_in_are_refused_afterwards_and_work_again_after_reactivation()
    {
        var id = await District.JoinedAsync(Organisation, "li.na@agency.example", Roles.Agency);
        var tokens = await DirectoryHost.SignInAsync(District.Host, "li.na@agency.example", UsersDistrict.Password);
        tokens.RefreshToken.Should().NotBeNullOrEmpty(tokens.ErrorDescription);
        using var admin = District.AsAdmin();

        using var deactivated = await admin.PostAsJsonAsync($"{UserEndpoints.Path}/{id}/deactivate", new { reason = "left the agency" });

        deactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await deactivated.Content.ReadFromJsonAsync<JsonElement>();
        user.GetProperty("active").GetBoolean().Should().BeFalse();
        using var client = District.Host.CreateClient();
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Error.Should().Be("invalid_grant");
        (await DirectoryHost.SignInAsync(District.Host, "li.na@agency.example", UsersDistrict.Password)).AccessToken.Should().BeNull();
        var ended = (await District.EventsAsync<UserAccessRevoked>()).Should().ContainSingle().Subject;
        ended.GetProperty("userId").GetGuid().Should().Be(id);
        ended.GetProperty("reason").GetString().Should().Be("deactivated");

        using var reactivated = await admin.PostAsync($"{UserEndpoints.Path}/{id}/reactivate", null);
        reactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        // A second on: Identity refuses what was issued in the second of a revocation (the reset's, the deactivation's).
        District.Directory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await DirectoryHost.SignInAsync(District.Host, "li.na@agency.example", UsersDistrict.Password)).Status.Should().Be(HttpStatusCode.OK);
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Error.Should().Be("invalid_grant", "the old tokens stay revoked");
        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{UserEndpoints.Path}/{id}/history"))!;
        history.Select(h => h.GetProperty("change").GetString()).Should().Equal("UserInvited", "UserJoined", "UserDeactivated", "UserReactivated");
        history[2].GetProperty("newValue").GetString().Should().Contain("left the agency");
    }

    [Fact]
    public async Task Nobody_deactivates_themselves()
    {
        var id = await District.InvitedAsync(Organisation, "head@agency.example", Roles.Agency, Roles.OrganisationAdmin);
        using var self = District.As(Roles.OrganisationAdmin, Organisation, id, "head@agency.example");

        using var refused = await self.PostAsJsonAsync($"{UserEndpoints.Path}/{id}/deactivate", new { });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.NotYourself);
    }

    [Fact]
    public async Task The_last_active_platform_admin_is_not_deactivated_but_one_of_two_is()
    {
        var second = await District.InvitedAsync(District.OperatorId, "second@ops.example", Roles.Admin);
        using var secondAdmin = District.As(Roles.Admin, District.OperatorId, second, "second@ops.example");
        using var ops = District.AsAdmin();

        using var first = await secondAdmin.PostAsJsonAsync($"{UserEndpoints.Path}/{District.AdminId}/deactivate", new { });
        using var last = await ops.PostAsJsonAsync($"{UserEndpoints.Path}/{second}/deactivate", new { });

        first.StatusCode.Should().Be(HttpStatusCode.OK, "another admin stays");
        last.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(UserCodes.LastAdmin);
    }
}
