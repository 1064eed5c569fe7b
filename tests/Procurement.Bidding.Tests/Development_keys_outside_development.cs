using System.Net;
using System.Security.Cryptography;
using Procurement.Bidding.Data;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

/// <summary>
/// Issue 12, item 6: the Bidding host on a data folder a Development host created, started in Production with the
/// development sealing key or ID pepper copied into its configuration, refuses to start naming the setting.
/// </summary>
public sealed class Development_keys_outside_development : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await using var development = await TestHosts.StartAsync(new TestSettings { DataDirectory = _folder, KeepDataDirectory = true }, "bidding", BiddingModule.Module);
    }

    public Task DisposeAsync()
    {
        new TestSettings { DataDirectory = _folder }.DeleteDataDirectory();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(SealingKey.Setting, "bid-sealing-key.txt")]
    [InlineData(SealingKey.RetiredSetting + ":k0", "bid-sealing-key.txt")]
    [InlineData(IdNumberPepper.Setting, "id-number-pepper.txt")]
    public async Task A_key_copied_from_the_development_key_file_is_refused(string setting, string file)
    {
        var settings = InProduction(new() { [setting] = await File.ReadAllTextAsync(Path.Combine(_folder, DevelopmentKeys.Folder, file)) });

        var build = () => ProcurementHost.Build(TestHosts.CreateBuilder(settings), "bidding", BiddingModule.Module);

        build.Should().Throw<InvalidOperationException>().WithMessage($"*{setting} equals the development key*{file}*");
    }

    [Fact]
    public async Task Keys_of_its_own_start_it_on_the_same_folder()
    {
        await using var host = await TestHosts.StartAsync(InProduction([]), "bidding", BiddingModule.Module);

        using var client = host.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private TestSettings InProduction(Dictionary<string, string?> changes)
    {
        using var rsa = RSA.Create(2048);
        var values = new Dictionary<string, string?>
        {
            [TokenKeys.SigningKeySetting] = rsa.ExportSubjectPublicKeyInfoPem(),
            [SealingKey.Setting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [IdNumberPepper.Setting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return new TestSettings { Environment = "Production", DataDirectory = _folder, KeepDataDirectory = true, Values = values };
    }
}
