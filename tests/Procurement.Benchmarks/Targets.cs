using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Procurement.Bidding;
using Procurement.Gateway;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Standalone;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Benchmarks;

/// <summary>What the load is sent to: the edge address, and the services of the host that runs Bidding.</summary>
internal sealed class Target(string description, Uri edge, IServiceProvider bidding, Func<ValueTask> stop) : IAsyncDisposable
{
    /// <summary>Generous enough that the per-client window never refuses a benchmark request.</summary>
    private const string RaisedPermitLimit = "10000000";

    public string Description { get; } = description;

    public Uri Edge { get; } = edge;

    public IServiceProvider Bidding { get; } = bidding;

    public ValueTask DisposeAsync() => stop();

    /// <summary>The target of a rush mode (<c>standalone</c>, <c>direct</c>, <c>gateway</c>, <c>distributed</c>); null when it cannot be had.</summary>
    public static async Task<Target?> StartAsync(string mode, IReadOnlyDictionary<string, string?>? values = null) => mode switch
    {
        "standalone" => await StandaloneAsync(values),
        "direct" when values is null => await DirectAsync(),
        "gateway" when values is null => await GatewayAsync(),
        "distributed" => await DistributedAsync(values),
        _ => throw new ArgumentException($"Unknown mode '{mode}'{(values is null ? "" : " with extra settings")}."),
    };

    /// <summary>
    /// Every module in one Standalone host on loopback Kestrel, its in-process edge in front, the in-memory bus;
    /// <paramref name="values"/> added to its configuration.
    /// </summary>
    public static async Task<Target> StandaloneAsync(IReadOnlyDictionary<string, string?>? values = null)
    {
        var settings = new TestSettings
        {
            UseKestrel = true,
            Values =
            {
                ["Edge:RateLimit:PermitLimit"] = RaisedPermitLimit,
                ["Messaging:Transport"] = "InMemory",
            },
        };
        foreach (var (key, value) in values ?? new Dictionary<string, string?>())
        {
            settings.Values[key] = value;
        }

        var app = StandaloneHost.Build(TestHosts.CreateBuilder(settings));
        await app.InitialiseDatabasesAsync();
        await app.StartAsync();
        var host = new RunningHost(app, settings);
        return new Target("Standalone host (all modules, in-process edge), loopback Kestrel", host.BaseAddress, host.Services, host.DisposeAsync);
    }

    /// <summary>A host of only the Bidding module on loopback Kestrel: no edge, no gateway.</summary>
    public static async Task<Target> DirectAsync()
    {
        var host = await TestHosts.StartAsync(new TestSettings { UseKestrel = true }, "bidding", BiddingModule.Module);
        return new Target("Bidding-only host, loopback Kestrel, no gateway", host.BaseAddress, host.Services, host.DisposeAsync);
    }

    /// <summary>The real gateway (its appsettings.json route table) in front of a Bidding-only host; both on loopback Kestrel.</summary>
    public static async Task<Target> GatewayAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-bench", Guid.NewGuid().ToString("N"));
        var gatewayPort = TestHosts.FreePort();
        var issuer = $"http://127.0.0.1:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        var bidding = await TestHosts.StartAsync(
            new TestSettings { UseKestrel = true, DataDirectory = dataDirectory, Issuer = issuer, KeepDataDirectory = true },
            "bidding", BiddingModule.Module);
        var gatewaySettings = new TestSettings
        {
            UseKestrel = true,
            Port = gatewayPort,
            DataDirectory = dataDirectory,
            Issuer = issuer,
            KeepDataDirectory = true,
            Values =
            {
                ["ReverseProxy:Clusters:bidding:Destinations:primary:Address"] = bidding.BaseAddress.ToString(),
                ["Edge:RateLimit:PermitLimit"] = RaisedPermitLimit,
            },
        };
        WebApplication? app = null;
        try
        {
            app = GatewayHost.Build(TestHosts.CreateBuilder(gatewaySettings));
            await app.StartAsync();
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await bidding.DisposeAsync();
            throw;
        }

        var gateway = new RunningHost(app, gatewaySettings);
        return new Target("GatewayHost -> Bidding-only host, both loopback Kestrel", gateway.BaseAddress, bidding.Services, async () =>
        {
            await gateway.DisposeAsync();
            await bidding.DisposeAsync();
            DeleteQuietly(dataDirectory);
        });
    }

    /// <summary>
    /// The distributed platform (one host per service, gateway in front) on RabbitMQ, <paramref name="values"/> added to
    /// every host's configuration; null when no broker can be had.
    /// </summary>
    public static async Task<Target?> DistributedAsync(IReadOnlyDictionary<string, string?>? values = null)
    {
        var rabbitMq = RabbitMqSettings.FromEnvironment();
        PrivateRabbitMqNode? node = null;
        if (rabbitMq is null)
        {
            try
            {
                Console.WriteLine("No PROCUREMENT_TEST_RABBITMQ_* broker; starting a private node with scripts/rabbitmq-node.sh ...");
                node = await PrivateRabbitMqNode.StartAsync();
                rabbitMq = node.Settings;
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
            {
                Console.WriteLine($"Skipping the distributed mode: no broker ({exception.Message}). {DistributedPlatform.NoBrokerReason}");
                return null;
            }
        }

        var hostValues = new Dictionary<string, string?>(values ?? new Dictionary<string, string?>()) { ["Edge:RateLimit:PermitLimit"] = RaisedPermitLimit };
        DistributedPlatform platform;
        try
        {
            platform = await DistributedPlatform.StartAsync(rabbitMq, hostValues);
        }
        catch
        {
            // The platform did not start: the private node this method started must not outlive it.
            if (node is not null)
            {
                await node.DisposeAsync();
            }

            throw;
        }

        return new Target("Distributed: GatewayHost -> Bidding host (one host per service) on RabbitMQ, loopback Kestrel",
            platform.Gateway.BaseAddress, platform.Bidding.Services, async () =>
            {
                await platform.DisposeAsync();
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            });
    }

    private static void DeleteQuietly(string directory)
    {
        DatabaseExtensions.ReleaseSqliteFiles();
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}
