using System.Diagnostics;

namespace Procurement.Benchmarks;

/// <summary>One rush mode against one target: Phase 1 (not timed), the cold figure, the rest of the warm-up, the timed phase.</summary>
internal static class RushMode
{
    /// <summary>Runs the rush on <paramref name="mode"/>'s target; null when the target cannot be had (no broker).</summary>
    /// <param name="firstInProcess">False after other modes ran in this process: the code is compiled then, and the first bids are not cold.</param>
    public static async Task<(RushResult Timed, RushResult? Cold)?> RunAsync(string mode, Options options, DatabaseCounters counters, bool firstInProcess)
    {
        Console.WriteLine();
        Console.WriteLine($"== {mode} ==");
        var started = Stopwatch.StartNew();
        await using var target = await Target.StartAsync(mode);
        if (target is null)
        {
            return null;
        }

        Console.WriteLine($"{target.Description} at {target.Edge} (started in {started.Elapsed.TotalSeconds:F1} s)");
        using var http = Load.Client(target.Edge, options.Concurrency);
        var rush = new Rush(target, http, options.Concurrency);
        var (agencies, cold) = await PrepareAsync(rush, options, counters, firstInProcess);

        // Phase 2, timed: the tender closes 90 s from now on the host's clock; every agency bids once.
        var tenderId = await rush.PublishTenderAsync("Elderly care in Futian 2027 (deadline rush)", TimeSpan.FromSeconds(90));
        var result = await rush.SubmitAsync(tenderId, agencies, counters);
        Console.WriteLine($"Phase 2 (timed, warm): {result.Load.Sent} bids in {result.Load.Seconds:F2} s");
        Print(result);
        return (result, cold);
    }

    /// <summary>
    /// Phase 1, not timed: the rush's agencies and the warm-up's, with their profiles and rosters (tokens minted with the
    /// host's keys: a password grant each would measure Identity's password hashing, not bidding). Then the warm-up: its
    /// agencies bid on another tender at the same concurrency; the first <see cref="Options.Cold"/> bids are timed as the
    /// cold figure (the submit path's first bids since the host started), the rest are not timed.
    /// </summary>
    public static async Task<(Agency[] Agencies, RushResult? Cold)> PrepareAsync(Rush rush, Options options, DatabaseCounters counters, bool firstInProcess = true)
    {
        var setup = Stopwatch.StartNew();
        var agencies = await rush.CreateAgenciesAsync(0, options.Agencies);
        var warm = await rush.CreateAgenciesAsync(options.Agencies, options.Warmup);
        Console.WriteLine($"Phase 1 (not timed): {agencies.Length + warm.Length} agencies with a profile and 3 workers each in {setup.Elapsed.TotalSeconds:F1} s");
        if (warm.Length == 0)
        {
            return (agencies, null);
        }

        var warmTender = await rush.PublishTenderAsync("Warm-up tender", TimeSpan.FromMinutes(10));
        RushResult? cold = null;
        var coldCount = Math.Min(options.Cold, warm.Length);
        if (coldCount > 0)
        {
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            cold = await rush.SubmitAsync(warmTender, warm[..coldCount], counters);
            Console.WriteLine(firstInProcess
                ? $"Cold (timed): the first {coldCount} bids of the warm-up, the first bids since the host started " +
                  $"({sinceStart.TotalSeconds:F0} s after the process started; Phase 1 ran the agency and roster endpoints before)"
                : $"First bids (timed): the first {coldCount} bids of the warm-up on this host; NOT cold: earlier modes in this process " +
                  "compiled the same code");
            Print(cold);
        }

        if (coldCount < warm.Length)
        {
            var warmed = await rush.SubmitAsync(warmTender, warm[coldCount..]);
            Console.WriteLine($"Warm-up (not timed): {warmed.Load.Accepted}/{warmed.Load.Sent} accepted, errors {warmed.Load.ErrorText}");
        }

        await Task.Delay(Load.TierUpPause);

        return (agencies, cold);
    }

    private static void Print(RushResult result)
    {
        Report.PrintLoad(result.Load, "bid");
        Console.WriteLine($"  stored        {result.StoredBids} bid rows for the tender in bidding.db ({result.Synchronous})" +
            (result.StoredBids == result.Load.Accepted ? "" : $"  MISMATCH: {result.Load.Accepted} accepted"));
        result.Figures?.Print("bidding.db", result.Load.Sent, result.Load.Seconds, "bid");
    }
}
