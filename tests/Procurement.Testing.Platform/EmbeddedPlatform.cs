using Procurement.ServiceDefaults.Persistence;
using Procurement.Standalone;

namespace Procurement.Testing.Platform;

/// <summary>Every module in one Standalone host (on a test server), with the edge protection and the in-memory bus.</summary>
public sealed class EmbeddedPlatform : IPlatform
{
    private readonly RunningHost _host;

    private EmbeddedPlatform(RunningHost host) => _host = host;

    public string Mode => "embedded";

    /// <summary>The one host; its services reach every module's DbContext.</summary>
    public RunningHost Host => _host;

    public static Task<EmbeddedPlatform> StartAsync(Dictionary<string, string?>? values = null) => StartAsync(values, configure: null);

    /// <summary>
    /// As <see cref="StartAsync(Dictionary{string, string?}?)"/>, with <paramref name="configure"/> run on the host builder
    /// (e.g. to register a fake <see cref="TimeProvider"/> for every module, the token issuer and validator included),
    /// on a real Kestrel port on loopback when <paramref name="kestrelPort"/> is given (a browser must reach it).
    /// </summary>
    public static async Task<EmbeddedPlatform> StartAsync(
        Dictionary<string, string?>? values, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, int? kestrelPort = null)
    {
        var settings = new TestSettings
        {
            UseKestrel = kestrelPort is not null,
            Port = kestrelPort,
            Configure = configure,
            Values = new Dictionary<string, string?>(PlatformDefaults.Values)
            {
                // No broker: the Standalone's own default, stated so a RabbitMQ environment cannot change it.
                ["Messaging:Transport"] = "InMemory",
            },
        };
        foreach (var (key, value) in values ?? [])
        {
            settings.Values[key] = value;
        }

        return await StartOnAsync(settings);
    }

    /// <summary>The Standalone on <paramref name="settings"/> as they are (their environment, folder and values), databases prepared.</summary>
    public static async Task<EmbeddedPlatform> StartOnAsync(TestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = StandaloneHost.Build(TestHosts.CreateBuilder(settings));
        try
        {
            await app.InitialiseDatabasesAsync();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            settings.DeleteDataDirectory();
            throw;
        }

        return new EmbeddedPlatform(new RunningHost(app, settings));
    }

    public HttpClient CreateClient() => _host.CreateClient();

    public async Task<string> SignInAsync(string userName, string password = PlatformSignIn.DemoPassword)
    {
        using var client = CreateClient();
        return await PlatformSignIn.PasswordGrantAsync(client, userName, password);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>Configuration both modes share.</summary>
internal static class PlatformDefaults
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        // Tests poll the public entry (open tenders) many times a minute; the limit has its own tests.
        ["Edge:RateLimit:PermitLimit"] = "100000",
        ["Edge:RateLimit:AnonymousPermitLimit"] = "100000",

        // Every step signs in again, as its user, from the one test address.
        ["Edge:RateLimit:SignInPermitLimitPerAddress"] = "100000",
        ["Edge:RateLimit:SignInPermitLimitPerUserName"] = "100000",
    };
}
