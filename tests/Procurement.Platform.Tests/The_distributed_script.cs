using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Procurement.Platform.Tests;

/// <summary>
/// <c>scripts/run-distributed.sh</c> (issue 12, item 8): started as an operator starts it, on ports and a data folder of
/// its own; the portal answers through the gateway (issue 13: a page sends the browser to Identity's authorize endpoint
/// as the <c>procurement-portal</c> client, which Identity accepts, and Blazor's script is served); then sent SIGTERM
/// (as a service manager or <c>kill</c> does, not Ctrl-C to the whole process group): every process it recorded — the
/// eight hosts and the broker — is gone and every port is free again. It runs the build
/// the test run already made (<c>PROCUREMENT_NO_BUILD=1</c>), so nothing is built per service.
/// </summary>
public sealed partial class The_distributed_script
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StoppedWithin = TimeSpan.FromSeconds(90);

    [DistributedScriptFact]
    public async Task Serves_the_portal_through_the_gateway_and_stops_every_process_it_started_and_the_broker_on_SIGTERM()
    {
        var ports = Enumerable.Range(0, 8).Select(_ => FreePort()).Distinct().ToList();
        ports.Should().HaveCount(8);
        var data = Path.Combine(Path.GetTempPath(), "procurement-tests", "distributed-" + Guid.NewGuid().ToString("N"));
        var output = new StringBuilder();
        using var script = Start(data, ports, output);
        var recorded = new List<(string Name, int Pid)>();
        try
        {
            await ReadyAsync(script, ports[0], output);

            // The portal is ready when Identity's discovery document answers it through the gateway: it can sign people in.
            await ReadyAsync(script, ports[7], output);
            recorded.AddRange(Recorded(data));
            recorded.Select(r => r.Name).Should().BeEquivalentTo(
                ["broker", "identity", "tendering", "bidding", "evaluation", "contracting", "disbursement", "portal", "gateway"], Because(output));
            recorded.Should().OnlyContain(r => Running(r.Pid), Because(output));
            await ThePortalAnswersThroughTheGatewayAsync(ports[0], output);
            var amqpPort = int.Parse(BrokerPort().Match(output.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            Signal(script.Id, "TERM");

            using (var stopping = new CancellationTokenSource(StoppedWithin))
            {
                await script.WaitForExitAsync(stopping.Token);
            }

            script.ExitCode.Should().Be(143, Because(output));
            recorded.Where(r => Running(r.Pid)).Should().BeEmpty(Because(output));
            ports.Append(amqpPort).Where(p => !Free(p)).Should().BeEmpty(Because(output));
        }
        finally
        {
            if (!script.HasExited)
            {
                // The assertion above failed: leave nothing running behind the test, by the recorded pids only.
                Signal(script.Id, "KILL");
                foreach (var (_, pid) in recorded.Count > 0 ? recorded : Recorded(data))
                {
                    Signal(pid, "KILL");
                }
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static Process Start(string data, IReadOnlyList<int> ports, StringBuilder output)
    {
        var start = new ProcessStartInfo("bash", [RepoRoot.PathTo("scripts", "run-distributed.sh")])
        {
            WorkingDirectory = RepoRoot.Directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PROCUREMENT_NO_BUILD"] = "1";
        start.Environment["PROCUREMENT_CONFIGURATION"] = DistributedScriptFactAttribute.Configuration;
        start.Environment["PROCUREMENT_DISTRIBUTED_DATA"] = data;
        start.Environment["PROCUREMENT_DISTRIBUTED_PORTS"] = string.Join(' ', ports);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task ReadyAsync(Process script, int port, StringBuilder output)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + ReadyWithin;
        while (DateTime.UtcNow < until && !script.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"))).StatusCode == HttpStatusCode.OK)
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
                // Listening, but not answering yet.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new Xunit.Sdk.XunitException($"http://127.0.0.1:{port} was not ready within {ReadyWithin} (script exited: {script.HasExited}).{Because(output)}");
    }

    /// <summary>
    /// As a browser meets it: Blazor's script from the portal, and a page that sends an anonymous visitor to Identity's
    /// authorize endpoint at the public address, with the portal's redirect URI there — which Identity accepts (it
    /// answers with its login page, not an invalid redirect_uri error).
    /// </summary>
    private static async Task ThePortalAnswersThroughTheGatewayAsync(int gatewayPort, StringBuilder output)
    {
        var gateway = new Uri($"http://127.0.0.1:{gatewayPort}");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };

        using var blazorScript = await client.GetAsync(new Uri(gateway, "/_framework/blazor.web.js"));
        blazorScript.StatusCode.Should().Be(HttpStatusCode.OK, Because(output));
        blazorScript.Content.Headers.ContentType?.MediaType.Should().Be("text/javascript", Because(output));

        using var page = await client.GetAsync(new Uri(gateway, "/"));
        page.StatusCode.Should().Be(HttpStatusCode.Redirect, Because(output));
        var authorize = page.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).Should().Be($"{gateway}connect/authorize", Because(output));
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        query["client_id"].Should().Be("procurement-portal", Because(output));
        query["redirect_uri"].Should().Be($"{gateway}signin-oidc", "the portal names the gateway's address the browser used" + Because(output));
        query["code_challenge_method"].Should().Be("S256");

        using var identity = await client.GetAsync(authorize);
        identity.StatusCode.Should().Be(HttpStatusCode.Redirect, "Identity accepts the portal's redirect URI" + Because(output));
        identity.Headers.Location!.OriginalString.Should().Contain("/account/login", Because(output));
    }

    private static List<(string Name, int Pid)> Recorded(string data)
    {
        var file = Path.Combine(data, "run-distributed.pids");
        return !File.Exists(file)
            ? []
            : [.. File.ReadAllLines(file).Select(l => l.Split(' ', 2)).Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>A live process (a zombie has exited and holds nothing).</summary>
    private static bool Running(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false; // It went while we read.
        }
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        })!;
        kill.WaitForExit();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Because(StringBuilder output)
    {
        lock (output)
        {
            return Environment.NewLine + "Script output:" + Environment.NewLine + output;
        }
    }

    [GeneratedRegex(@"broker on [0-9.]+:(\d+)")]
    private static partial Regex BrokerPort();
}

/// <summary>
/// A fact that runs <c>scripts/run-distributed.sh</c>: it needs RabbitMQ installable or installed (the script starts a
/// node of its own, as root) and the hosts built in the test run's configuration; reported as skipped otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DistributedScriptFactAttribute : FactAttribute
{
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static readonly string[] Hosts =
    [
        "services/Procurement.Identity", "services/Procurement.Tendering", "services/Procurement.Bidding", "services/Procurement.Evaluation",
        "services/Procurement.Contracting", "services/Procurement.Disbursement", "services/Procurement.Portal", "gateway/Procurement.Gateway",
    ];

    public DistributedScriptFactAttribute()
    {
        var missing = Hosts.Select(h => RepoRoot.PathTo(h, "bin", Configuration, "net10.0", Path.GetFileName(h) + ".dll")).Where(f => !File.Exists(f)).ToList();
        if (Environment.GetEnvironmentVariable("PROCUREMENT_TEST_NO_BROKER") == "1")
        {
            Skip = "PROCUREMENT_TEST_NO_BROKER=1: the distributed script needs a RabbitMQ node of its own.";
        }
        else if (missing.Count > 0)
        {
            Skip = $"The hosts are not built in {Configuration} (missing {string.Join(", ", missing)}): build the solution first, as scripts/test.sh does.";
        }
    }
}
