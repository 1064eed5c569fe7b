using System.Globalization;
using System.Net;
using System.Text;
using Procurement.Benchmarks;

// The deadline rush (issue 3, item 7). Prints figures; asserts nothing about time.
//   dotnet run -c Release --project tests/Procurement.Benchmarks -- --agencies 1000 --concurrency 64 --mode standalone
// Modes: standalone | direct | gateway | distributed | all (standalone, direct, gateway, then distributed if a broker can be had).
// The portal's page benchmark (issue 13, item 8): --mode portal [--rounds N]
if (args.Length >= 2 && args[0] == "--mode" && args[1] == "portal")
{
    return await PortalPageBenchmark.RunAsync(args.Length >= 4 && args[2] == "--rounds" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200);
}

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --agencies N --concurrency C --warmup W --mode standalone|direct|gateway|distributed|all");
    return 2;
}

// The hosts read appsettings.json from the working directory, as under the test runner: the gateway's route
// table is copied next to this program.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine($"Deadline rush: {options.Agencies} agencies, {options.Concurrency} concurrent clients, {options.Warmup} warm-up bids; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

var modes = options.Mode == "all" ? ["standalone", "direct", "gateway", "distributed"] : new[] { options.Mode };
var results = new List<(string Mode, RushResult Result)>();
foreach (var mode in modes)
{
    var result = await RunAsync(mode, options);
    if (result is not null)
    {
        results.Add((mode, result));
    }
}

if (results.Count > 1)
{
    var table = new StringBuilder();
    table.AppendLine("| mode | accepted | accepted/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
    table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
    foreach (var (mode, r) in results)
    {
        table.AppendLine($"| {mode} | {r.Accepted}/{r.Sent} | {r.AcceptedPerSecond:F0} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} | {r.LatenciesMs[^1]:F1} | {Errors(r)} |");
    }

    Console.WriteLine();
    Console.Write(table);
    var direct = results.Find(r => r.Mode == "direct").Result;
    if (direct is not null)
    {
        foreach (var (mode, r) in results.Where(r => r.Mode != "direct"))
        {
            Console.WriteLine($"{mode} / direct throughput: {r.AcceptedPerSecond / direct.AcceptedPerSecond:P0}");
        }
    }
}

return 0;

static async Task<RushResult?> RunAsync(string mode, Options options)
{
    Console.WriteLine();
    Console.WriteLine($"== {mode} ==");
    var started = System.Diagnostics.Stopwatch.StartNew();
    await using var target = mode switch
    {
        "standalone" => await Target.StandaloneAsync(),
        "direct" => await Target.DirectAsync(),
        "gateway" => await Target.GatewayAsync(),
        "distributed" => await Target.DistributedAsync(),
        _ => throw new ArgumentException($"Unknown mode '{mode}'."),
    };
    if (target is null)
    {
        return null;
    }

    Console.WriteLine($"{target.Description} at {target.Edge} (started in {started.Elapsed.TotalSeconds:F1} s)");
    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency * 2,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    };
    using var http = new HttpClient(handler) { BaseAddress = target.Edge, Timeout = TimeSpan.FromSeconds(30) };
    var rush = new Rush(target, http, options.Concurrency);

    // Phase 1, not timed: the agencies (tokens minted with the host's keys: a password grant each would
    // measure Identity's password hashing, not bidding), their profiles and rosters.
    var setup = System.Diagnostics.Stopwatch.StartNew();
    var agencies = await rush.CreateAgenciesAsync(0, options.Agencies);
    var warm = await rush.CreateAgenciesAsync(options.Agencies, options.Warmup);
    Console.WriteLine($"Phase 1 (not timed): {agencies.Length + warm.Length} agencies with a profile and 3 workers each in {setup.Elapsed.TotalSeconds:F1} s");

    // Warm-up, not timed: other agencies bid on another tender, so the submit path is compiled and its caches filled.
    if (warm.Length > 0)
    {
        var warmTender = await rush.PublishTenderAsync("Warm-up tender", TimeSpan.FromMinutes(5));
        var warmed = await rush.SubmitAsync(warmTender, warm);
        Console.WriteLine($"Warm-up (not timed): {warmed.Accepted}/{warmed.Sent} accepted{(warmed.Errors.Count > 0 ? ", " + Errors(warmed) : "")}");
    }

    // Phase 2, timed: the tender closes 90 s from now on the host's clock; every agency bids once.
    var tenderId = await rush.PublishTenderAsync("Elderly care in Futian 2027 (deadline rush)", TimeSpan.FromSeconds(90));
    var result = await rush.SubmitAsync(tenderId, agencies);
    Console.WriteLine($"Phase 2 (timed): {result.Sent} bids in {result.Seconds:F2} s");
    Console.WriteLine($"  accepted      {result.Accepted} ({result.AcceptedPerSecond:F0} accepted bids/s)");
    Console.WriteLine($"  latency ms    p50 {result.Percentile(50):F1}  p95 {result.Percentile(95):F1}  p99 {result.Percentile(99):F1}  max {result.LatenciesMs[^1]:F1}");
    Console.WriteLine($"  by order      mean of the first 10% sent {result.FirstTenthMs:F1} ms, of the last 10% {result.LastTenthMs:F1} ms");
    Console.WriteLine($"  cpu           {result.CpuMs / 1000:F1} s of CPU in this process, {result.CpuMsPerBid:F2} ms per bid (hosts and load generator)");
    Console.WriteLine($"  errors        {(result.Errors.Count == 0 ? "none" : Errors(result))}");
    Console.WriteLine($"  stored        {result.StoredBids} bid rows for the tender in bidding.db ({result.Synchronous})" +
        (result.StoredBids == result.Accepted ? "" : $"  MISMATCH: {result.Accepted} accepted"));
    return result;
}

static string Errors(RushResult result) =>
    result.Errors.Count == 0 ? "none" : string.Join("; ", result.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} x{e.Value}"));

internal sealed record Options(int Agencies, int Concurrency, int Warmup, string Mode)
{
    public static Options? Parse(string[] args)
    {
        var agencies = 1000;
        var concurrency = 64;
        var warmup = 64;
        var mode = "standalone";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--agencies" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    agencies = n;
                    break;
                case "--concurrency" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 0:
                    concurrency = c;
                    break;
                case "--warmup" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w >= 0:
                    warmup = w;
                    break;
                case "--mode" when args[i + 1] is "standalone" or "direct" or "gateway" or "distributed" or "all":
                    mode = args[i + 1];
                    break;
                default:
                    return null;
            }
        }

        return args.Length % 2 == 0 ? new Options(agencies, concurrency, warmup, mode) : null;
    }
}
