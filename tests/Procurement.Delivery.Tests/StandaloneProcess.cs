using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Procurement.Testing;

namespace Procurement.Delivery.Tests;

/// <summary>
/// The embedded Standalone host as a real child process (<c>dotnet Procurement.Standalone.dll</c>) on a loopback port,
/// in Development (demo users), with its own data folder; killed with SIGKILL and started again on the same port and folder.
/// </summary>
public sealed class StandaloneProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public StandaloneProcess(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{TestHosts.FreePort()}");
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(40));

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan patience)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = DataDirectory;
        start.Environment["Messaging__Transport"] = "InMemory";
        start.Environment["Messaging__Outbox__PollInterval"] = "00:00:00.200";
        start.Environment["Edge__RateLimit__PermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Standalone host exited with {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The Standalone host was not ready within {patience}:{Environment.NewLine}{RecentOutput}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed but what SQLite already committed.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    /// <summary>The host's own build output (same configuration as this test), else the copy next to this test.</summary>
    private static string Executable()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Debug";
        for (var folder = new DirectoryInfo(here); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Procurement.sln")))
            {
                var built = Path.Combine(folder.FullName, "services", "Procurement.Standalone", "bin", configuration, "net10.0", "Procurement.Standalone.dll");
                if (File.Exists(built))
                {
                    return built;
                }

                break;
            }
        }

        var copy = Path.Combine(here, "Procurement.Standalone.dll");
        return File.Exists(copy) && File.Exists(Path.Combine(here, "Procurement.Standalone.runtimeconfig.json"))
            ? copy
            : throw new FileNotFoundException($"Procurement.Standalone.dll ({configuration}) was not built");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }
}
