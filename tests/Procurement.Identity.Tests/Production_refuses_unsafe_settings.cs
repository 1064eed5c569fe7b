using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 7, for the Identity host: outside Development it refuses to start without its keys, naming the
/// setting; the password grant cannot be switched on by any setting, and the Development client that had it is gone
/// when a Development folder is started outside Development. (A development key copied into the settings and demo
/// users in the database: <see cref="A_development_data_folder_started_in_production"/>.)
/// </summary>
public sealed class Production_refuses_unsafe_settings
{
    [Theory]
    [InlineData(TokenKeys.SigningKeySetting)]
    [InlineData(TokenKeys.EncryptionKeySetting)]
    public async Task A_missing_token_key_is_refused_naming_its_setting(string setting)
    {
        var settings = IdentityHosts.ProductionSettings(new() { [setting] = null });

        var refusal = await StartRefusal.ReasonAsync(() => ProcurementHost.Build(TestHosts.CreateBuilder(settings), "identity", IdentityModule.Module));

        refusal.Should().Contain(setting).And.Contain("configured");
    }

    [Fact]
    public async Task No_setting_enables_the_password_grant()
    {
        var settings = IdentityHosts.ProductionSettings(new()
        {
            ["Identity:AllowPasswordGrant"] = "true",
            ["Identity:PasswordGrant"] = "true",
            ["OpenIddict:Server:AllowPasswordFlow"] = "true",
            ["OpenIddict:Server:GrantTypes:0"] = "password",
        });
        await using var host = await TestHosts.StartAsync(settings, "identity", IdentityModule.Module);
        using var client = host.CreateClient();

        var answer = await TokenClient.PasswordAsync(client, "admin", DemoDirectory.Password);
        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));

        answer.Error.Should().Be("unsupported_grant_type");
        discovery.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString())
            .Should().NotContain("password").And.Contain("authorization_code");
    }

    [Fact]
    public async Task A_development_folder_started_outside_development_keeps_no_client_with_the_password_grant()
    {
        var folder = IdentityHosts.NewDataDirectory();
        try
        {
            await using (var development = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder, keepDataDirectory: true)))
            {
                await using var scope = development.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
                foreach (var demo in DemoDirectory.Users)
                {
                    (await users.DeleteAsync((await users.FindByNameAsync(demo.UserName))!)).Succeeded.Should().BeTrue();
                }

                (await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(IdentityModule.CliClientId))
                    .Should().NotBeNull("Development has it");
            }

            await using var production = await TestHosts.StartAsync(new TestSettings
            {
                Environment = "Production",
                DataDirectory = folder,
                KeepDataDirectory = true,
                Values = IdentityHosts.ProductionSettings().Values,
            }, "identity", IdentityModule.Module);

            await using var check = production.Services.CreateAsyncScope();
            (await check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(IdentityModule.CliClientId))
                .Should().BeNull();
            using var client = production.CreateClient();
            (await TokenClient.PasswordAsync(client, "anyone", "anything")).Error.Should().Be("unsupported_grant_type");
        }
        finally
        {
            new TestSettings { DataDirectory = folder }.DeleteDataDirectory();
        }
    }
}
