using System.Diagnostics;
using System.Globalization;

namespace Procurement.Testing.Platform;

/// <summary>
/// A RabbitMQ node of a test's own, started and stopped with <c>scripts/rabbitmq-node.sh</c>, so that a
/// test can take the broker away and bring it back without disturbing the broker other tests share.
/// Starting it again on the same state folder restarts the same node (name, data, ports): clients that
/// lost it reconnect to the address they knew.
/// </summary>
public sealed class PrivateRabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private readonly string _script;

    private PrivateRabbitMqNode(string script, string stateDirectory, RabbitMqSettings settings)
    {
        _script = script;
        StateDirectory = stateDirectory;
        Settings = settings;
    }

    public string StateDirectory { get; }

    /// <summary>The node's address, with a queue prefix of its own.</summary>
    public RabbitMqSettings Settings { get; }

    public bool IsRunning { get; private set; }

    /// <summary>Starts a new node in a fresh state folder.</summary>
    public static async Task<PrivateRabbitMqNode> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "rabbitmq-node.sh");
        var state = Path.Combine(Path.GetTempPath(), "procurement-rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(state);
        try
        {
            var exports = ParseExports(await RunAsync(script, "start", state));
            var settings = new RabbitMqSettings(
                exports.GetValueOrDefault("PROCUREMENT_TEST_RABBITMQ_HOST", "127.0.0.1"),
                int.Parse(exports["PROCUREMENT_TEST_RABBITMQ_PORT"], CultureInfo.InvariantCulture),
                exports.GetValueOrDefault("PROCUREMENT_TEST_RABBITMQ_USER", "guest"),
                exports.GetValueOrDefault("PROCUREMENT_TEST_RABBITMQ_PASSWORD", "guest"),
                "o" + Guid.NewGuid().ToString("N")[..8]);
            return new PrivateRabbitMqNode(script, state, settings) { IsRunning = true };
        }
        catch
        {
            await RunAsync(script, "stop", state, throwOnError: false);
            TryDelete(state);
            throw;
        }
    }

    /// <summary>Stops the node; its clients lose their connections.</summary>
    public async Task StopAsync()
    {
        await RunAsync(_script, "stop", StateDirectory);
        IsRunning = false;
    }

    /// <summary>Starts the same node again, on the same port.</summary>
    public async Task RestartAsync()
    {
        var exports = ParseExports(await RunAsync(_script, "start", StateDirectory));
        IsRunning = true;
        var port = int.Parse(exports["PROCUREMENT_TEST_RABBITMQ_PORT"], CultureInfo.InvariantCulture);
        if (port != Settings.Port)
        {
            throw new InvalidOperationException($"The node came back on port {port}, not on {Settings.Port}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync(_script, "stop", StateDirectory, throwOnError: false);
        IsRunning = false;
        TryDelete(StateDirectory);
    }

    private static Dictionary<string, string> ParseExports(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\'', '"'));

    private static async Task<string> RunAsync(string script, string command, string state, bool throwOnError = true)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(state);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot run {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Only the script itself: the node it may have started is stopped by `stop` on its pid files.
            process.Kill();
            throw new TimeoutException($"{script} {command} {state} did not finish within {ScriptTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{script} {command} {state} failed ({process.ExitCode}):\n{await stderr}");
        }

        return await stdout;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp cleaning.
        }
    }
}

/// <summary>The repository's root: the nearest folder upwards from the test output that holds Procurement.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Procurement.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Procurement.sln above {AppContext.BaseDirectory}.");
    }
}
