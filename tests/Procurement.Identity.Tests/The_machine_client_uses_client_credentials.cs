using System.Net;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class The_machine_client_uses_client_credentials(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task It_gets_a_token_naming_itself_with_no_person_role()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.ClientCredentialsAsync(client, IdentitySettings.DevelopmentMachineClientSecret);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.ErrorDescription);
        var token = answer.Access;
        token.Value(ProcurementClaims.Subject).Should().Be(IdentityModule.MachineClientId);
        token.Value(ProcurementClaims.ClientId).Should().Be(IdentityModule.MachineClientId);
        token.Values(ProcurementClaims.Role).Should().BeEmpty();
        token.Value(ProcurementClaims.OrganisationId).Should().BeNull();
        token.Audiences.Should().Equal(TokenKeys.DefaultAudience);
        token.Issuer.Should().Be(TokenClient.Issuer);
        answer.RefreshToken.Should().BeNull();
    }

    [Fact]
    public async Task Its_token_passes_the_any_caller_policy_but_no_role_policy()
    {
        using var client = identity.Host.CreateClient();
        var token = await TokenClient.ClientCredentialsAsync(client, IdentitySettings.DevelopmentMachineClientSecret);

        (await TokenClient.CallAsync(client, IdentityHosts.AnyCaller, token.AccessToken)).Should().Be(HttpStatusCode.OK);
        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, token.AccessToken)).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_client()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.ClientCredentialsAsync(client, "not-the-secret");

        answer.Error.Should().Be("invalid_client");
        answer.AccessToken.Should().BeNull();
    }

    [Fact]
    public async Task A_public_client_cannot_use_client_credentials()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.RequestAsync(client, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityModule.CliClientId,
            ["scope"] = "api",
        });

        answer.AccessToken.Should().BeNull();
        answer.Status.Should().Be(System.Net.HttpStatusCode.BadRequest);
        answer.Error.Should().Be("invalid_request", "OpenIddict refuses client credentials without a secret as a malformed request");
    }
}
