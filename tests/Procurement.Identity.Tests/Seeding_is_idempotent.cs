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
        (await db.Roles.CountAsync()).Should().Be(Roles.All.Count);
        (await db.UserRoles.CountAsync()).Should().Be(DemoDirectory.Users.Count);
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
}
