using Microsoft.AspNetCore.Builder;

namespace Procurement.Testing;

/// <summary>What a test host is configured with; every host gets a data folder of its own.</summary>
public sealed class TestSettings
{
    public string Environment { get; init; } = "Development";

    /// <summary>Shared by hosts that must trust the same token keys (they live in its keys folder).</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public bool UseKestrel { get; init; }

    public int? Port { get; init; }

    /// <summary>Null: the in-memory bus. Otherwise the broker the test script started.</summary>
    public RabbitMqSettings? RabbitMq { get; init; }

    /// <summary>The bus is registered through MassTransit's test harness (ITestHarness) on its transport.</summary>
    public bool TestHarness { get; init; }

    public string Issuer { get; init; } = "http://127.0.0.1:5080/";

    public Dictionary<string, string?> Values { get; init; } = [];

    public Action<WebApplicationBuilder>? Configure { get; init; }

    public Action<WebApplication>? ConfigureApp { get; init; }

    public bool KeepDataDirectory { get; init; }

    public Dictionary<string, string?> ToConfiguration()
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Auth:Issuer"] = Issuer,
            ["Messaging:Transport"] = RabbitMq is null ? "InMemory" : "RabbitMq",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:TestHarness"] = TestHarness ? "true" : "false",
        };
        if (RabbitMq is not null)
        {
            values["Messaging:RabbitMq:Host"] = RabbitMq.Host;
            values["Messaging:RabbitMq:Port"] = RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values["Messaging:RabbitMq:Username"] = RabbitMq.Username;
            values["Messaging:RabbitMq:Password"] = RabbitMq.Password;
            values["Messaging:QueuePrefix"] = RabbitMq.QueuePrefix;
        }

        foreach (var (key, value) in Values)
        {
            values[key] = value;
        }

        return values;
    }

    public void DeleteDataDirectory()
    {
        if (!KeepDataDirectory && Directory.Exists(DataDirectory))
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Another host of the same test still uses the folder; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The broker <c>scripts/test.sh</c> started, from its environment variables.</summary>
public sealed record RabbitMqSettings(string Host, int Port, string Username, string Password, string QueuePrefix)
{
    /// <summary>The test script's broker, or null when none runs (the tests that need it then skip).</summary>
    public static RabbitMqSettings? FromEnvironment()
    {
        var port = System.Environment.GetEnvironmentVariable("PROCUREMENT_TEST_RABBITMQ_PORT");
        if (string.IsNullOrWhiteSpace(port))
        {
            return null;
        }

        return new RabbitMqSettings(
            System.Environment.GetEnvironmentVariable("PROCUREMENT_TEST_RABBITMQ_HOST") ?? "127.0.0.1",
            int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            System.Environment.GetEnvironmentVariable("PROCUREMENT_TEST_RABBITMQ_USER") ?? "guest",
            System.Environment.GetEnvironmentVariable("PROCUREMENT_TEST_RABBITMQ_PASSWORD") ?? "guest",
            "t" + Guid.NewGuid().ToString("N")[..8]);
    }
}
