using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace Procurement.Benchmarks;

/// <summary>
/// The figures of one timed load: requests sent <c>concurrency</c> at a time, each latency the whole request and answer.
/// </summary>
/// <param name="LatenciesMs">Sorted, fastest first.</param>
/// <param name="FirstTenthMs">Mean latency of the first 10% of requests sent; <paramref name="LastTenthMs"/> of the last 10%.</param>
/// <param name="CpuMs">CPU time this whole process (hosts and load generator together) used during the load.</param>
/// <param name="JitMethods">Methods the JIT compiled during the load (all threads), <paramref name="JitMs"/> the time it spent.</param>
/// <param name="AllocatedBytes">Bytes the whole process allocated on the managed heap during the load.</param>
/// <param name="GcPauseMs">Time the runtime paused the process for garbage collections, <paramref name="Gen2Collections"/> how many reached generation 2.</param>
internal sealed record LoadRun(
    int Sent, int Accepted, double Seconds, double[] LatenciesMs, IReadOnlyDictionary<string, int> Errors,
    double FirstTenthMs, double LastTenthMs, double CpuMs, long JitMethods, double JitMs,
    long AllocatedBytes, double GcPauseMs, int Gen0Collections, int Gen2Collections)
{
    /// <summary>CPU milliseconds per request sent: unlike wall time, little affected by other processes on the machine.</summary>
    public double CpuMsPerRequest => Sent == 0 ? double.NaN : CpuMs / Sent;

    public double AcceptedPerSecond => Accepted / Seconds;

    public double Percentile(double p) => Report.Percentile(LatenciesMs, p);

    public string ErrorText => Errors.Count == 0
        ? "none"
        : string.Join("; ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} x{e.Value}"));
}

/// <summary>The client side every timed load shares (the rush, the cold figure, the ceiling): the same loop at the same concurrency.</summary>
internal static class Load
{
    /// <summary>
    /// The pause between a warm-up and its timed phase: the runtime recompiles hot methods at tier 1 in the background,
    /// after a delay (100 ms without new tier-0 work by default), so a timed phase right after the warm-up still pays for it.
    /// </summary>
    public static readonly TimeSpan TierUpPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sends <paramref name="count"/> requests, <paramref name="concurrency"/> at a time, over <paramref name="http"/>;
    /// <paramref name="request"/> builds the i-th one (its body serialised beforehand, so the figure is the server's). A 2xx
    /// counts as accepted; anything else is counted by <paramref name="errorCode"/> of its status and body.
    /// </summary>
    public static async Task<LoadRun> DriveAsync(
        HttpClient http, int count, int concurrency, Func<int, HttpRequestMessage> request, Func<string, string> errorCode)
    {
        var latencies = new double[count];
        var accepted = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitMethodsBefore = JitInfo.GetCompiledMethodCount();
        var jitBefore = JitInfo.GetCompilationTime();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var message = request(i);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message);
                    var answer = await response.Content.ReadAsStringAsync();
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref accepted);
                    }
                    else
                    {
                        errors.AddOrUpdate($"{(int)response.StatusCode} {errorCode(answer)}", 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException exception)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    errors.AddOrUpdate($"transport {exception.HttpRequestError}", 1, (_, n) => n + 1);
                }
                catch (TaskCanceledException)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    errors.AddOrUpdate("timeout", 1, (_, n) => n + 1);
                }
            }
        }).ToArray();
        await Task.WhenAll(clients);
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var jitMethods = JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
        var jitMs = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var pausedMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var gen2 = GC.CollectionCount(2) - gen2Before;

        // In the order sent: does a request cost more when more came before it (e.g. the FTE register grows)?
        var tenth = Math.Max(1, count / 10);
        var firstTenth = count == 0 ? double.NaN : latencies.Take(tenth).Average();
        var lastTenth = count == 0 ? double.NaN : latencies.TakeLast(tenth).Average();
        Array.Sort(latencies);
        return new LoadRun(count, accepted, seconds, latencies, errors, firstTenth, lastTenth, cpuMs, jitMethods, jitMs, allocated, pausedMs, gen0, gen2);
    }

    /// <summary>A client for a timed load: one pooled handler, enough connections for every client, no proxy, no decompression.</summary>
    public static HttpClient Client(Uri baseAddress, int concurrency) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency * 2,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseProxy = false,
        }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
