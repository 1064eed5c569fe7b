using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 1: <c>admin create</c> on a Production data folder creates the platform operator organisation and an
/// administrator without a password, prints a one-time link that sets it, and refuses a second administrator unless
/// <c>--force</c>. Nothing else is created.
/// </summary>
public sealed class The_first_administrator_from_the_command_line : IAsyncLifetime
{
    private readonly DirectoryHost _district = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task Creates_the_operator_organisation_and_an_administrator_without_a_password_and_prints_a_link_valid_72_hours()
    {
        var (exitCode, output, error) = await _district.AdminAsync("create", "--username", "ops", "--email", "ops@district.example");

        exitCode.Should().Be(0, error);
        output.Should().Contain("72").And.Contain("ops");
        var link = DirectoryHost.LinkIn(output);
        link.GetLeftPart(UriPartial.Path).Should().Be(DirectoryHost.PublicBaseUrl + "account/set-password");

        var host = await _district.HostAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var organisation = await db.Organisations.SingleAsync();
        organisation.Kind.Should().Be(OrganisationKind.PlatformOperator);
        var ops = await users.Users.SingleAsync();
        ops.UserName.Should().Be("ops");
        ops.Email.Should().Be("ops@district.example");
        ops.OrganisationId.Should().Be(organisation.Id);
        (await users.HasPasswordAsync(ops)).Should().BeFalse();
        (await users.GetRolesAsync(ops)).Should().Equal(Roles.Admin);

        var stored = await db.OneTimeLinks.SingleAsync();
        stored.UserId.Should().Be(ops.Id);
        stored.Purpose.Should().Be(OneTimeLinkPurpose.SetPassword);
        (stored.ExpiresAt - stored.CreatedAt).Should().Be(TimeSpan.FromHours(72));
        (await db.OrganisationAudit.SingleAsync()).ActorName.Should().Be(AdminCommand.CommandLineActor);
    }

    [Fact]
    public async Task The_printed_link_sets_the_password_and_the_administrator_signs_in_with_it_through_the_authorization_code_flow()
    {
        var link = await _district.FirstAdministratorAsync();
        var host = await _district.HostAsync();

        using (var browser = new Browser(host))
        {
            using var set = await DirectoryHost.SetPasswordAsync(browser, link, "Harbour-Lantern-Quietly-42");
            set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        }

        var tokens = await DirectoryHost.SignInAsync(host, "ops", "Harbour-Lantern-Quietly-42");

        tokens.Status.Should().Be(HttpStatusCode.OK, tokens.ErrorDescription);
        tokens.Access.Values(ProcurementClaims.Role).Should().Equal(Roles.Admin);
        (await DirectoryHost.SignInAsync(host, "ops", "a-guess")).Error.Should().Be("login_refused");
    }

    [Fact]
    public async Task Refuses_a_second_administrator_with_exit_code_2_saying_why_and_how_to_override()
    {
        await _district.FirstAdministratorAsync();

        var (exitCode, output, error) = await _district.AdminAsync("create", "--username", "ops2", "--email", "ops2@district.example");

        exitCode.Should().Be(2);
        error.Should().Contain("administrator already exists").And.Contain("ops").And.Contain("--force");
        output.Should().NotContain("set-password");
        var host = await _district.HostAsync();
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>().FindByNameAsync("ops2")).Should().BeNull();
    }

    [Fact]
    public async Task With_force_creates_another_administrator_in_the_same_operator_organisation()
    {
        await _district.FirstAdministratorAsync();

        var (exitCode, output, error) = await _district.AdminAsync("create", "--username", "ops2", "--email", "ops2@district.example", "--force");

        exitCode.Should().Be(0, error);
        DirectoryHost.LinkIn(output);
        var host = await _district.HostAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.UserName).Should().BeEquivalentTo(["ops", "ops2"]);
        (await db.Organisations.CountAsync()).Should().Be(1, "both belong to the one platform operator");
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_even_with_force()
    {
        await _district.FirstAdministratorAsync();

        var (exitCode, _, error) = await _district.AdminAsync("create", "--username", "ops", "--email", "other@district.example", "--force");

        exitCode.Should().Be(2);
        error.Should().Contain("ops is taken");
    }

    [Theory]
    [InlineData("create", "--username", "ops")]
    [InlineData("create", "--email", "ops@district.example")]
    [InlineData("create", "--username", "ops", "--email", "not-an-address")]
    [InlineData("delete", "--username", "ops", "--email", "ops@district.example")]
    public async Task Without_a_user_name_and_an_e_mail_address_it_prints_its_usage_and_creates_nothing(params string[] args)
    {
        var (exitCode, output, error) = await _district.AdminAsync(args);

        exitCode.Should().Be(1);
        error.Should().Contain("Usage: admin create --username");
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task Creates_nothing_else_outside_development_no_demo_user_and_no_password_grant_client()
    {
        await _district.FirstAdministratorAsync();
        var host = await _district.HostAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        (await users.Users.Select(u => u.UserName).ToListAsync()).Should().Equal("ops");
        (await scope.ServiceProvider.GetRequiredService<IdentityDb>().Organisations.CountAsync()).Should().Be(1);
        using var client = host.CreateClient();
        (await TokenClient.PasswordAsync(client, "ops", "anything")).Error.Should().Be("unsupported_grant_type");
    }
}
