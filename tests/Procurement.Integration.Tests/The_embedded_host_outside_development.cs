using System.Security.Cryptography;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;
using Procurement.Standalone;
using Procurement.Testing;

namespace Procurement.Integration.Tests;

/// <summary>
/// Issue 12, item 6, for the embedded host (<c>dotnet run --project services/Procurement.Standalone</c>): its data folder
/// from a Development run, started in Production, is refused while it holds development credentials; a clean folder
/// with production settings starts.
/// </summary>
public sealed class The_embedded_host_outside_development : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var app = StandaloneHost.Build(TestHosts.CreateBuilder(new TestSettings { DataDirectory = _folder, KeepDataDirectory = true }));
        await app.InitialiseDatabasesAsync();
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        DatabaseExtensions.ReleaseSqliteFiles();
    }

    public Task DisposeAsync()
    {
        new TestSettings { DataDirectory = _folder }.DeleteDataDirectory();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Refuses_a_development_data_folder_naming_the_demo_users()
    {
        var refusal = await RefusalAsync(InProduction(_folder, []));

        refusal.Should().Contain("demo user").And.Contain("purchaser");
    }

    [Theory]
    [InlineData("Bidding:SealingKey", "bid-sealing-key.txt")]
    [InlineData("Bidding:IdNumberPepper", "id-number-pepper.txt")]
    [InlineData("Contracting:SigningKey", "contract-signing-key.txt")]
    [InlineData(TokenKeys.EncryptionKeySetting, "encryption-key.txt")]
    [InlineData(TokenKeys.SigningKeySetting, "signing-key.pem")]
    public async Task Refuses_a_development_key_copied_into_its_settings(string setting, string file)
    {
        var key = await File.ReadAllTextAsync(Path.Combine(_folder, DevelopmentKeys.Folder, file));

        var refusal = await RefusalAsync(InProduction(_folder, new() { [setting] = key }));

        refusal.Should().Contain($"{setting} equals the development key");
    }

    [Fact]
    public async Task Starts_with_production_settings_on_a_clean_folder()
    {
        var clean = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
        var settings = InProduction(clean, []);
        var app = StandaloneHost.Build(TestHosts.CreateBuilder(settings));
        await using var host = new RunningHost(app, settings);

        await app.InitialiseDatabasesAsync();
        await app.StartAsync();

        using var client = host.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    internal static TestSettings InProduction(string folder, Dictionary<string, string?> changes)
    {
        using var rsa = RSA.Create(2048);
        var values = new Dictionary<string, string?>
        {
            [TokenKeys.SigningKeySetting] = rsa.ExportRSAPrivateKeyPem(),
            [TokenKeys.EncryptionKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:SealingKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:IdNumberPepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Contracting:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:MachineClientSecret"] = "a-production-machine-secret",
            ["Auth:AllowHttp"] = "true",
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return new TestSettings { Environment = "Production", DataDirectory = folder, KeepDataDirectory = true, Values = values };
    }

    private static Task<string> RefusalAsync(TestSettings settings) =>
        StartRefusal.ReasonAsync(() => StandaloneHost.Build(TestHosts.CreateBuilder(settings)));
}
