using System.Reflection.PortableExecutable;

namespace Procurement.Benchmarks;

/// <summary>How every timed load prints its figures, so the rush, the cold figure and the ceiling read alike.</summary>
internal static class Report
{
    /// <summary>Accepted/s, latency percentiles, latency by order sent, CPU and JIT per <paramref name="what"/>, errors.</summary>
    public static void PrintLoad(LoadRun load, string what)
    {
        Console.WriteLine($"  accepted      {load.Accepted}/{load.Sent} ({load.AcceptedPerSecond:F0} accepted per second, wall {load.Seconds:F2} s)");
        Console.WriteLine($"  latency ms    {Percentiles(load)}");
        Console.WriteLine($"  by order      mean of the first 10% sent {load.FirstTenthMs:F1} ms, of the last 10% {load.LastTenthMs:F1} ms");
        Console.WriteLine($"  cpu           {load.CpuMsPerRequest:F2} ms per {what} ({load.CpuMs / 1000:F2} s of CPU in this process: hosts and load generator; " +
            $"{load.CpuMs / 1000 / load.Seconds:F2} cores used)");
        Console.WriteLine($"  jit           {load.JitMethods} methods compiled, {load.JitMs:F0} ms compiling (all threads)");
        Console.WriteLine($"  heap          {(load.Sent == 0 ? double.NaN : load.AllocatedBytes / 1024.0 / load.Sent):F1} KiB allocated per {what} (the whole process); " +
            $"{load.Gen0Collections} collections, {load.Gen2Collections} of them gen 2, paused {load.GcPauseMs:F0} ms");
        Console.WriteLine($"  errors        {load.ErrorText}");
    }

    /// <summary>The nearest-rank <paramref name="p"/>th percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Percentiles(LoadRun load) =>
        $"p50 {load.Percentile(50):F1}  p95 {load.Percentile(95):F1}  p99 {load.Percentile(99):F1}  max {(load.LatenciesMs.Length == 0 ? double.NaN : load.LatenciesMs[^1]):F1}";

    /// <summary>The machine's load average (1, 5, 15 minutes) as <c>/proc/loadavg</c> has it, or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>
    /// Whether the platform's own assemblies (Bidding's, as the sample) are ReadyToRun images, i.e. carry precompiled
    /// native code (a ManagedNativeHeader), as after <c>dotnet publish -r linux-x64</c> with PublishReadyToRun, or IL only,
    /// as in build output, where the JIT compiles every method on its first call.
    /// </summary>
    public static string CodeKind()
    {
        var path = typeof(Procurement.Bidding.BiddingModule).Assembly.Location;
        using var reader = new PEReader(File.OpenRead(path));
        var readyToRun = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        return $"{Path.GetFileName(path)} is {(readyToRun ? "ReadyToRun (precompiled)" : "IL only (JIT)")}";
    }
}
