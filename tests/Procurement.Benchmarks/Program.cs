using System.Globalization;
using System.Text;
using Procurement.Benchmarks;

// The deadline rush (issue 3, item 7; issue 17, items 4 and 5). Prints figures; asserts nothing about time.
//   dotnet run -c Release --project tests/Procurement.Benchmarks -- --agencies 1000 --concurrency 64 --mode standalone
// Modes: standalone | direct | gateway | distributed | all (standalone, direct, gateway, then distributed if a broker can be had);
// after them, in the same process, the minimal durable-write ceiling (Ceiling.cs; --ceiling none skips it).
// Event latency (issue 17, item 6): --mode events [--events N] [--target standalone|distributed|both] (EventLatency.cs).
// The portal's page benchmark (issue 13, item 8): --mode portal [--rounds N]
if (args.Length >= 2 && args[0] == "--mode" && args[1] == "portal")
{
    return await PortalPageBenchmark.RunAsync(args.Length >= 4 && args[2] == "--rounds" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200);
}

// A year's OCDS bulk file, in memory beside streamed: --mode ocds-bulk [--releases N] (OcdsBulkBenchmark.cs).
if (args.Length >= 2 && args[0] == "--mode" && args[1] == "ocds-bulk")
{
    Directory.SetCurrentDirectory(AppContext.BaseDirectory);
    return await OcdsBulkBenchmark.RunAsync(args.Length >= 4 && args[2] == "--releases" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000);
}

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

// The hosts read appsettings.json from the working directory, as under the test runner: the gateway's route
// table is copied next to this program.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var counters = new DatabaseCounters();

Console.WriteLine($"{(options.Mode == "events" ? "Event latency" : "Deadline rush")}: {options.Agencies} agencies, {options.Concurrency} concurrent clients, " +
    $"{options.Warmup} warm-up bids ({(options.Mode == "events" ? "not timed" : $"the first {Math.Min(options.Cold, options.Warmup)} timed as the cold figure")}); " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; {Report.CodeKind()}");
Console.WriteLine($"Load average at start: {Report.LoadAverage()} ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");

if (options.Mode == "events")
{
    await EventLatency.RunAsync(options, counters);
    Console.WriteLine($"Load average at end: {Report.LoadAverage()}");
    return 0;
}

var modes = options.Mode == "all" ? ["standalone", "direct", "gateway", "distributed"] : new[] { options.Mode };
var results = new List<(string Mode, RushResult Timed, RushResult? Cold)>();
foreach (var mode in modes)
{
    if (await RushMode.RunAsync(mode, options, counters, firstInProcess: mode == modes[0]) is { } result)
    {
        results.Add((mode, result.Timed, result.Cold));
    }
}

// The ceiling's runs are short (5,000 rows take about 0.4 s with group commit); fewer rows would leave its CPU figure
// to a few of the kernel's 10 ms accounting ticks.
var ceiling = options.Ceiling ? await Ceiling.RunAsync(Math.Max(options.Agencies, Ceiling.MinimumRequests), options.Concurrency, counters) : [];
var single = ceiling.FirstOrDefault(c => c.Variant == "one writer");
var group = ceiling.FirstOrDefault(c => c.Variant == "group commit");

var table = new StringBuilder();
table.AppendLine("| run | accepted | accepted/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms/op | ÷ one-writer ceiling | ÷ group-commit ceiling | errors |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
void Row(string name, LoadRun r) => table.AppendLine(
    $"| {name} | {r.Accepted}/{r.Sent} | {r.AcceptedPerSecond:F0} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} | {r.LatenciesMs[^1]:F1} | " +
    $"{r.CpuMsPerRequest:F2} | {Ratio(r, single)} | {Ratio(r, group)} | {r.ErrorText} |");
foreach (var (mode, timed, cold) in results)
{
    if (cold is not null)
    {
        Row(mode == modes[0] ? $"{mode}, cold (first {cold.Load.Sent} bids)" : $"{mode}, first {cold.Load.Sent} bids (not cold: after {modes[0]})", cold.Load);
    }

    Row($"{mode}, warm", timed.Load);
}

foreach (var c in ceiling)
{
    Row($"ceiling, {c.Variant}", c.Load);
}

Console.WriteLine();
Console.Write(table);
var direct = results.Find(r => r.Mode == "direct").Timed;
if (direct is not null)
{
    foreach (var (mode, timed, _) in results.Where(r => r.Mode != "direct"))
    {
        Console.WriteLine($"{mode} / direct throughput: {timed.Load.AcceptedPerSecond / direct.Load.AcceptedPerSecond:P0}");
    }
}

Console.WriteLine($"Load average at end: {Report.LoadAverage()}");
return 0;

static string Ratio(LoadRun run, Ceiling.Result? limit) =>
    limit is null ? "–" : (run.AcceptedPerSecond / limit.Load.AcceptedPerSecond).ToString("F2", CultureInfo.InvariantCulture);
