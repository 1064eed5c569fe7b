using System.Security.Cryptography;
using Procurement.Acceptance.Tests.Runner;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;
using Procurement.Standalone;
using Procurement.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Directory on the embedded host (the Standalone) in Production, with its keys configured as a district
/// configures them, on Kestrel (a real browser's cookies and redirects) and a data folder that starts empty.
/// </summary>
[FeatureFolder("Features/Directory")]
public sealed class DirectoryFeaturesEmbedded(ProductionDistrict district, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<ProductionDistrict>
{
    protected override IEnumerable<object> Services => [district];
}

/// <summary>A freshly installed district: Production settings on an empty data folder; the host is started on demand.</summary>
public sealed class ProductionDistrict : IAsyncLifetime
{
    public TestSettings Settings { get; } = new()
    {
        Environment = "Production",
        UseKestrel = true,
        Values = new()
        {
            [TokenKeys.SigningKeySetting] = NewSigningKey(),
            [TokenKeys.EncryptionKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:SealingKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:IdNumberPepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:MachineClientSecret"] = "a-production-machine-secret",
            ["Auth:AllowHttp"] = "true",
        },
        KeepDataDirectory = true,
    };

    public RunningHost? Host { get; private set; }

    /// <summary>The Standalone as <c>dotnet run --project services/Procurement.Standalone</c> builds it, on these settings.</summary>
    public Microsoft.AspNetCore.Builder.WebApplication Build() => StandaloneHost.Build(TestHosts.CreateBuilder(Settings));

    public async Task<RunningHost> StartAsync()
    {
        if (Host is null)
        {
            var app = Build();
            Host = new RunningHost(app, Settings);
            await app.InitialiseDatabasesAsync();
            await app.StartAsync();
        }

        return Host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        new TestSettings { DataDirectory = Settings.DataDirectory }.DeleteDataDirectory();
    }

    private static string NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    }
}
