using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 12, item 6: a data folder a Development host created (demo users, the machine client's development secret,
/// development keys in <c>keys/</c>) and then started in Production: Identity refuses to start, naming what to change,
/// until no development credential is left.
/// </summary>
public sealed class A_development_data_folder_started_in_production : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            new TestSettings { DataDirectory = folder }.DeleteDataDirectory();
        }
    }

    [Fact]
    public async Task Is_refused_while_demo_users_are_in_the_database()
    {
        var folder = await DevelopmentFolderAsync();

        var refusal = await RefusalAsync(InProduction(folder));

        refusal.Should().Contain("demo user").And.Contain("purchaser").And.Contain("admin");
        refusal.Should().NotContain(IdentitySettings.MachineClientSecret, "the configured secret replaced the development one at this start");
    }

    [Fact]
    public async Task Is_refused_while_the_machine_client_keeps_the_development_secret_and_starts_once_a_secret_is_configured()
    {
        var folder = await DevelopmentFolderAsync(deleteDemoUsers: true);

        var refusal = await RefusalAsync(InProduction(folder, new() { [IdentitySettings.MachineClientSecret] = null }));

        refusal.Should().Contain(IdentitySettings.MachineClientSecret).And.NotContain("demo user");

        await using var host = await TestHosts.StartAsync(InProduction(folder), "identity", IdentityModule.Module);
        using var client = host.CreateClient();
        (await TokenClient.ClientCredentialsAsync(client, IdentityHosts.ProductionMachineSecret)).Status.Should().Be(HttpStatusCode.OK);
        (await TokenClient.ClientCredentialsAsync(client, IdentitySettings.DevelopmentMachineClientSecret)).Error.Should().Be("invalid_client");
    }

    [Fact]
    public async Task Is_refused_while_a_user_with_a_demo_name_keeps_the_demo_password_but_not_with_a_password_of_its_own()
    {
        var folder = await DevelopmentFolderAsync(deleteDemoUsers: true, recreate: [("treasury", DemoDirectory.Password), ("admin", "An0ther-Passw0rd!")]);

        var refusal = await RefusalAsync(InProduction(folder));

        refusal.Should().Contain("1 demo user(s)").And.Contain("(treasury)").And.NotContain("admin");
    }

    [Fact]
    public async Task Is_refused_with_a_configured_token_key_that_equals_a_development_key()
    {
        var folder = await DevelopmentFolderAsync(deleteDemoUsers: true);
        var keys = Path.Combine(folder, DevelopmentKeys.Folder);
        var signingKey = await File.ReadAllTextAsync(Path.Combine(keys, "signing-key.pem"));
        var encryptionKey = await File.ReadAllTextAsync(Path.Combine(keys, "encryption-key.txt"));

        var both = await RefusalAsync(InProduction(folder, new()
        {
            [TokenKeys.SigningKeySetting] = signingKey,
            [TokenKeys.EncryptionKeySetting] = encryptionKey,
        }));

        both.Should().Contain(TokenKeys.SigningKeySetting).And.Contain(TokenKeys.EncryptionKeySetting);

        // Written differently, it is the same key: its public half (what a validator is given) or the PKCS#8 layout.
        using var rsa = RSA.Create();
        rsa.ImportFromPem(signingKey);
        foreach (var layout in new[] { rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportPkcs8PrivateKeyPem() })
        {
            var refusal = await RefusalAsync(InProduction(folder, new() { [TokenKeys.SigningKeySetting] = layout }));
            refusal.Should().Contain(TokenKeys.SigningKeySetting).And.NotContain(TokenKeys.EncryptionKeySetting);
        }
    }

    [Fact]
    public async Task Starts_with_production_settings_and_a_clean_directory()
    {
        var settings = InProduction(IdentityHosts.NewDataDirectory(), keepDataDirectory: false);

        await using var host = await TestHosts.StartAsync(settings, "identity", IdentityModule.Module);

        using var client = host.CreateClient();
        (await TokenClient.ClientCredentialsAsync(client, IdentityHosts.ProductionMachineSecret)).Status.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A data folder as a Development host leaves it: demo directory, development secret and keys.</summary>
    private async Task<string> DevelopmentFolderAsync(bool deleteDemoUsers = false, params (string UserName, string Password)[] recreate)
    {
        var folder = IdentityHosts.NewDataDirectory();
        _folders.Add(folder);
        await using var host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(folder, keepDataDirectory: true));
        if (deleteDemoUsers)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
            foreach (var demo in DemoDirectory.Users)
            {
                (await users.DeleteAsync((await users.FindByNameAsync(demo.UserName))!)).Succeeded.Should().BeTrue();
            }

            // Users created by hand under demo names, with new ids; hashed directly, as the demo password is shorter
            // than the password policy allows (a database from before the policy can hold it).
            foreach (var (userName, password) in recreate)
            {
                var demo = DemoDirectory.UserNamed(userName);
                var user = new ProcurementUser(Guid.CreateVersion7(), userName, demo.DisplayName, demo.OrganisationId);
                user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
                (await users.CreateAsync(user)).Succeeded.Should().BeTrue();
            }
        }

        return folder;
    }

    /// <summary>Production settings (fresh keys, a configured machine secret) on <paramref name="folder"/>, changed by <paramref name="changes"/>.</summary>
    private static TestSettings InProduction(string folder, Dictionary<string, string?>? changes = null, bool keepDataDirectory = true) => new()
    {
        Environment = "Production",
        DataDirectory = folder,
        KeepDataDirectory = keepDataDirectory,
        Values = IdentityHosts.ProductionSettings(changes).Values,
    };

    private static Task<string> RefusalAsync(TestSettings settings) =>
        StartRefusal.ReasonAsync(() => ProcurementHost.Build(TestHosts.CreateBuilder(settings), "identity", IdentityModule.Module));
}
