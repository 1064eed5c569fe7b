using System.Net;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class Demo_users_sign_in_with_the_password_grant(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    public static TheoryData<string> DemoUserNames => [.. DemoDirectory.Users.Select(u => u.UserName)];

    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public async Task Every_demo_user_gets_an_access_token_with_their_role_and_organisation(string userName)
    {
        var demo = DemoDirectory.UserNamed(userName);
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, userName, DemoDirectory.Password);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.ErrorDescription);
        var token = answer.Access;
        token.Issuer.Should().Be(TokenClient.Issuer);
        token.Audiences.Should().Equal(TokenKeys.DefaultAudience);
        token.Value(ProcurementClaims.Subject).Should().Be(demo.Id.ToString());
        token.Value(ProcurementClaims.Name).Should().Be(userName);
        token.Values(ProcurementClaims.Role).Should().BeEquivalentTo(
            IdentitySeeder.DemoOrganisationAdmins.Contains(userName) ? [demo.Role, Roles.OrganisationAdmin] : [demo.Role],
            "purchaser and agency1 are also their organisation's org-admin");
        token.Value(ProcurementClaims.OrganisationId).Should().Be(demo.OrganisationId.ToString());
        token.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.Organisations.Single(o => o.Id == demo.OrganisationId).Id.ToString());
        answer.RefreshToken.Should().NotBeNullOrEmpty("offline_access was asked for");
    }

    [Fact]
    public async Task A_wrong_password_is_an_invalid_grant()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, "agency2", "Wrong123$");

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Error.Should().Be("invalid_grant");
        answer.AccessToken.Should().BeNull();
    }

    [Fact]
    public async Task An_unknown_user_is_an_invalid_grant()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, "nobody", DemoDirectory.Password);

        answer.Error.Should().Be("invalid_grant");
    }

    [Fact]
    public async Task The_identity_token_carries_name_role_and_organisation_only_when_the_scopes_ask()
    {
        using var client = identity.Host.CreateClient();

        var bare = await TokenClient.PasswordAsync(client, "treasury", DemoDirectory.Password, "openid api");
        var full = await TokenClient.PasswordAsync(client, "treasury", DemoDirectory.Password, "openid profile roles api");

        bare.Identity.Value(ProcurementClaims.Subject).Should().Be(DemoDirectory.UserNamed("treasury").Id.ToString());
        bare.Identity.Value(ProcurementClaims.Name).Should().BeNull();
        bare.Identity.Value(ProcurementClaims.Role).Should().BeNull();
        bare.Identity.Value(ProcurementClaims.OrganisationId).Should().BeNull();
        full.Identity.Value(ProcurementClaims.Name).Should().Be("treasury");
        full.Identity.Values(ProcurementClaims.Role).Should().Equal(Roles.Treasury);
        full.Identity.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.FinanceBureau.ToString());
        bare.Access.Values(ProcurementClaims.Role).Should().ContainSingle("the access token carries every claim whatever the scopes")
            .Which.Should().Be(Roles.Treasury);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_for_the_same_user()
    {
        using var client = identity.Host.CreateClient();
        var first = await TokenClient.PasswordAsync(client, "auditor", DemoDirectory.Password);

        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.CliClientId, first.RefreshToken!);

        refreshed.Status.Should().Be(HttpStatusCode.OK, refreshed.ErrorDescription);
        refreshed.Access.Value(ProcurementClaims.Subject).Should().Be(DemoDirectory.UserNamed("auditor").Id.ToString());
        refreshed.Access.Values(ProcurementClaims.Role).Should().Equal(Roles.Auditor);
        refreshed.Access.Audiences.Should().Equal(TokenKeys.DefaultAudience);
    }

    [Fact]
    public async Task A_scope_the_client_may_not_use_is_refused()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, "admin", DemoDirectory.Password, "openid api payroll");

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Error.Should().Be("invalid_scope");
    }

    [Fact]
    public async Task Userinfo_answers_who_the_access_token_belongs_to()
    {
        using var client = identity.Host.CreateClient();
        var token = await TokenClient.PasswordAsync(client, "agency3", DemoDirectory.Password, "openid profile roles api");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token.AccessToken);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var agency3 = DemoDirectory.UserNamed("agency3");
        root.GetProperty("sub").GetString().Should().Be(agency3.Id.ToString());
        root.GetProperty("name").GetString().Should().Be("agency3");
        root.GetProperty("org_id").GetString().Should().Be(DemoDirectory.Agency3.ToString());
        root.GetProperty("role").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Agency);
    }
}
