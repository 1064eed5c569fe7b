using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class Seeding_is_idempotent
{
    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing_and_still_issues_tokens()
    {
        var folder = IdentityHosts.NewDataDirectory();
        await using (await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder, keepDataDirectory: true)))
        {
        }

        await using var host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder));
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        (await users.Users.CountAsync()).Should().Be(DemoDirectory.Users.Count);
        (await db.Organisations.CountAsync()).Should().Be(DemoDirectory.Organisations.Count);
        (await db.Roles.CountAsync()).Should().Be(Roles.All.Count + 1, "the person roles and org-admin");
        (await db.UserRoles.CountAsync()).Should().Be(DemoDirectory.Users.Count + 2, "one role each, and org-admin for purchaser and agency1");
        (await applications.CountAsync()).Should().Be(3);

        using var client = host.CreateClient();
        var answer = await TokenClient.PasswordAsync(client, "evaluator3", DemoDirectory.Password);
        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Access.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.Expert3.ToString());
    }

    [Fact]
    public async Task A_changed_machine_secret_and_redirect_uri_apply_at_the_next_start()
    {
        var folder = IdentityHosts.NewDataDirectory();
        await using (await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder, keepDataDirectory: true)))
        {
        }

        var changed = IdentityHosts.DevelopmentSettings(folder);
        changed.Values[IdentitySettings.MachineClientSecret] = "rotated-secret";
        changed.Values[IdentitySettings.PortalRedirectUris] = "https://portal.example/callback; http://localhost:5173/callback";
        await using var host = await IdentityHosts.StartDevelopmentAsync(changed);
        using var client = host.CreateClient();

        (await TokenClient.ClientCredentialsAsync(client, IdentitySettings.DevelopmentMachineClientSecret)).Error.Should().Be("invalid_client");
        (await TokenClient.ClientCredentialsAsync(client, "rotated-secret")).Status.Should().Be(HttpStatusCode.OK);
        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var portal = await applications.FindByClientIdAsync(IdentityModule.PortalClientId);
        (await applications.GetRedirectUrisAsync(portal!)).Should().BeEquivalentTo("https://portal.example/callback", "http://localhost:5173/callback");
    }

    [Fact]
    public async Task A_data_folder_made_before_the_portal_existed_gets_its_redirect_uris_and_permissions_at_the_next_start()
    {
        // Last week's folder: the portal client on localhost:5173, without the revocation endpoint.
        var folder = IdentityHosts.NewDataDirectory();
        var old = IdentityHosts.DevelopmentSettings(folder, keepDataDirectory: true);
        old.Values[IdentitySettings.PortalRedirectUris] = "http://localhost:5173/callback";
        old.Values[IdentitySettings.PortalPostLogoutRedirectUris] = "http://localhost:5173/";
        await using (var before = await IdentityHosts.StartDevelopmentAsync(old))
        {
            await using var scope = before.Services.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var portal = (await applications.FindByClientIdAsync(IdentityModule.PortalClientId))!;
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, portal);
            descriptor.Permissions.Remove(OpenIddictConstants.Permissions.Endpoints.Revocation).Should().BeTrue();
            await applications.UpdateAsync(portal, descriptor);
        }

        await using var host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var portal = (await applications.FindByClientIdAsync(IdentityModule.PortalClientId))!;
            (await applications.GetRedirectUrisAsync(portal)).Should().BeEquivalentTo(
                "http://127.0.0.1:5080/signin-oidc", "http://localhost:5080/signin-oidc");
            (await applications.GetPostLogoutRedirectUrisAsync(portal)).Should().BeEquivalentTo(
                "http://127.0.0.1:5080/signout-callback-oidc", "http://localhost:5080/signout-callback-oidc");
            (await applications.GetClientTypeAsync(portal)).Should().Be(OpenIddictConstants.ClientTypes.Public);
        }

        // The portal on its new address signs in, and revokes its refresh token at sign-out.
        using var browser = new Browser(host);
        var tokens = await PortalFlow.TokensAsync(host, browser, "purchaser");
        using var client = host.CreateClient();
        (await TokenClient.RevokeAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Should().Be(HttpStatusCode.OK);
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Error.Should().Be("invalid_grant");
    }
}
