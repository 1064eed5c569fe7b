using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Procurement.Bidding;
using Procurement.Contracting;
using Procurement.Disbursement;
using Procurement.Evaluation;
using Procurement.Gateway;
using Procurement.Identity;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering;

namespace Procurement.Testing.Platform;

/// <summary>
/// The distributed mode in one test process: Identity and the five services each in a host of its own on
/// loopback Kestrel, events over the real RabbitMQ, and the gateway in front as the only public entry.
/// All hosts share one data folder (so they trust the same development token keys; each module's SQLite
/// file is its own), one <see cref="RabbitMqSettings"/> (so one queue prefix) and one issuer: the gateway's
/// address, which Identity stamps in tokens and every other host checks.
/// </summary>
public sealed class DistributedPlatform : IPlatform
{
    public const string NoBrokerReason =
        "Needs RabbitMQ: run scripts/test.sh, or start a node with scripts/rabbitmq-node.sh and export its PROCUREMENT_TEST_RABBITMQ_* variables.";

    /// <summary>The cluster names of the gateway's configuration, with the module each host runs.</summary>
    private static readonly (string Cluster, ServiceModule Module)[] Services =
    [
        ("identity", IdentityModule.Module),
        ("tendering", TenderingModule.Module),
        ("bidding", BiddingModule.Module),
        ("evaluation", EvaluationModule.Module),
        ("contracting", ContractingModule.Module),
        ("disbursement", DisbursementModule.Module),
    ];

    private readonly string _dataDirectory;
    private readonly Dictionary<string, RunningHost> _hosts;

    private DistributedPlatform(RunningHost gateway, Dictionary<string, RunningHost> hosts, string dataDirectory, RabbitMqSettings rabbitMq)
    {
        Gateway = gateway;
        _hosts = hosts;
        _dataDirectory = dataDirectory;
        RabbitMq = rabbitMq;
    }

    public string Mode => "distributed";

    /// <summary>Why the distributed mode cannot run here, or null when a broker is configured.</summary>
    public static string? SkipReason => RabbitMqSettings.FromEnvironment() is null ? NoBrokerReason : null;

    public RunningHost Gateway { get; }

    public RabbitMqSettings RabbitMq { get; }

    public RunningHost Identity => _hosts["identity"];

    public RunningHost Tendering => _hosts["tendering"];

    public RunningHost Bidding => _hosts["bidding"];

    public RunningHost Evaluation => _hosts["evaluation"];

    public RunningHost Contracting => _hosts["contracting"];

    public RunningHost Disbursement => _hosts["disbursement"];

    /// <summary>Starts the platform on the test script's broker, or returns null when there is none (see <see cref="SkipReason"/>).</summary>
    public static async Task<DistributedPlatform?> TryStartAsync(Dictionary<string, string?>? values = null)
    {
        var rabbitMq = RabbitMqSettings.FromEnvironment();
        return rabbitMq is null ? null : await StartAsync(rabbitMq, values);
    }

    /// <summary>Starts the platform on the given broker; every host gets these settings (and so one queue prefix).</summary>
    public static async Task<DistributedPlatform> StartAsync(RabbitMqSettings rabbitMq, Dictionary<string, string?>? values = null)
    {
        ArgumentNullException.ThrowIfNull(rabbitMq);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", "distributed-" + Guid.NewGuid().ToString("N"));
        var gatewayPort = TestHosts.FreePort();
        var issuer = $"http://127.0.0.1:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        var hosts = new Dictionary<string, RunningHost>();
        RunningHost? gateway = null;

        TestSettings SettingsFor(int? port, IEnumerable<KeyValuePair<string, string?>> extra)
        {
            var settings = new TestSettings
            {
                UseKestrel = true,
                Port = port,
                RabbitMq = rabbitMq,
                DataDirectory = dataDirectory,
                Issuer = issuer,
                KeepDataDirectory = true, // shared: deleted once, after the last host stopped
                Values = new Dictionary<string, string?>(PlatformDefaults.Values),
            };
            foreach (var (key, value) in extra.Concat(values ?? []))
            {
                settings.Values[key] = value;
            }

            return settings;
        }

        try
        {
            // Identity first: it writes the development keys the others read from the shared folder.
            var (identityCluster, identityModule) = Services[0];
            hosts[identityCluster] = await TestHosts.StartAsync(SettingsFor(null, []), identityCluster, identityModule);

            var started = await Task.WhenAll(Services.Skip(1).Select(async service =>
            {
                try
                {
                    return (service.Cluster, Host: (RunningHost?)await TestHosts.StartAsync(SettingsFor(null, []), service.Cluster, service.Module), Error: (Exception?)null);
                }
                catch (Exception exception)
                {
                    return (service.Cluster, Host: null, Error: exception);
                }
            }));
            foreach (var (cluster, host, _) in started)
            {
                if (host is not null)
                {
                    hosts[cluster] = host;
                }
            }

            if (started.FirstOrDefault(s => s.Error is not null) is { Error: { } error } failed)
            {
                throw new InvalidOperationException($"The {failed.Cluster} host did not start.", error);
            }

            var clusters = hosts.ToDictionary(
                h => $"ReverseProxy:Clusters:{h.Key}:Destinations:primary:Address",
                h => (string?)h.Value.BaseAddress.ToString());
            var gatewaySettings = SettingsFor(gatewayPort, clusters);
            var app = GatewayHost.Build(TestHosts.CreateBuilder(gatewaySettings));
            try
            {
                await app.StartAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            gateway = new RunningHost(app, gatewaySettings);
            return new DistributedPlatform(gateway, hosts, dataDirectory, rabbitMq);
        }
        catch
        {
            await StopAsync(gateway, hosts.Values, dataDirectory);
            throw;
        }
    }

    public HttpClient CreateClient() => Gateway.CreateClient();

    public async Task<string> SignInAsync(string userName, string password = PlatformSignIn.DemoPassword)
    {
        using var client = CreateClient();
        return await PlatformSignIn.PasswordGrantAsync(client, userName, password);
    }

    public ValueTask DisposeAsync() => new(StopAsync(Gateway, _hosts.Values, _dataDirectory));

    private static async Task StopAsync(RunningHost? gateway, IEnumerable<RunningHost> hosts, string dataDirectory)
    {
        var errors = new List<Exception>();
        foreach (var host in new[] { gateway }.Concat(hosts.Reverse()).OfType<RunningHost>())
        {
            try
            {
                await host.DisposeAsync();
            }
            catch (Exception exception)
            {
                errors.Add(exception);
            }
        }

        DatabaseExtensions.ReleaseSqliteFiles();
        try
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Stopping the distributed platform failed.", errors);
        }
    }
}
