using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class Outside_Development(ProductionIdentity identity) : IClassFixture<ProductionIdentity>
{
    [Fact]
    public async Task The_password_grant_is_not_supported()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, "purchaser", DemoDirectory.Password);

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Error.Should().Be("unsupported_grant_type");
    }

    [Fact]
    public async Task No_demo_user_organisation_or_cli_client_exists()
    {
        await using var scope = identity.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        (await users.Users.CountAsync()).Should().Be(0);
        foreach (var demo in DemoDirectory.Users)
        {
            (await users.FindByNameAsync(demo.UserName)).Should().BeNull();
        }

        (await db.Organisations.CountAsync()).Should().Be(0);
        (await applications.FindByClientIdAsync(IdentityModule.CliClientId)).Should().BeNull();
    }

    [Fact]
    public async Task The_roles_exist_for_real_users()
    {
        await using var scope = identity.Host.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();

        (await roles.Roles.Select(r => r.Name).ToListAsync()).Should().BeEquivalentTo([.. Roles.All, Roles.OrganisationAdmin]);
    }

    [Fact]
    public async Task The_portal_is_not_registered_without_configured_redirect_uris()
    {
        await using var scope = identity.Host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        (await applications.FindByClientIdAsync(IdentityModule.PortalClientId)).Should().BeNull();
    }

    [Fact]
    public async Task Client_credentials_still_work_with_the_configured_secret()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.ClientCredentialsAsync(client, IdentityHosts.ProductionMachineSecret);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.ErrorDescription);
        answer.Access.Value(ProcurementClaims.Subject).Should().Be(IdentityModule.MachineClientId);
        (await TokenClient.CallAsync(client, IdentityHosts.AnyCaller, answer.AccessToken)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_development_machine_secret_is_refused()
    {
        using var client = identity.Host.CreateClient();

        var answer = await TokenClient.ClientCredentialsAsync(client, IdentitySettings.DevelopmentMachineClientSecret);

        answer.Error.Should().Be("invalid_client");
    }
}
