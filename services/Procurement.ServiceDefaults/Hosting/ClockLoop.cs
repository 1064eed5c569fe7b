using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// The one loop that runs every <see cref="ClockJob"/> of a host (the embedded host's seven run here, not on seven
/// loops and seven timers), on the host's <see cref="TimeProvider"/> and one timer at a time: it sleeps until the
/// earliest job is due.
/// <list type="bullet">
/// <item>Start-up: once the host has started (every hosted service's start done, so seeders and upgrades come first),
/// one pass of each job — a moment missed while the host was down is caught.</item>
/// <item>Ticks: each job keeps its own interval, counted from start-up. Ticks a job slept through (a clock that jumped,
/// a machine that slept) make one pass, not one per tick missed.</item>
/// <item>A slow job holds back no other: the loop starts a pass and goes on at its first await. A job's
/// passes never overlap: a tick that comes while its pass still runs is kept, and one more pass follows as soon as that
/// one ends (ticks missed meanwhile make that one pass), as a <see cref="PeriodicTimer"/> does.</item>
/// <item>A failing pass is logged and the job tried again at its next tick; the other jobs and the host go on.</item>
/// <item>On shutdown the loop stops waking and waits for the passes under way, which are told to stop.</item>
/// </list>
/// </summary>
public sealed partial class ClockLoop(
    IEnumerable<ClockJob> jobs, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ClockLoop> logger) : BackgroundService
{
    private readonly IReadOnlyList<ClockJob> _jobs = [.. jobs];

    /// <summary>The jobs the loop runs, in the order they were registered.</summary>
    public IReadOnlyList<ClockJob> Jobs => _jobs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_jobs.Count == 0 || !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        // A job that cannot run (an interval of zero) stops the host at start, as a settings error should.
        _ = _jobs.Select(job => job.Period).ToList();
        var start = clock.GetUtcNow();
        var schedule = _jobs.Select(job => new Scheduled(job, start)).ToList();
        LogStarting(logger, schedule.Count);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var due = schedule.Where(e => e.Due <= now).ToList();
                foreach (var entry in due)
                {
                    entry.Due = NextTick(entry.Due, entry.Job.Period, now);
                }

                // The next wake-up is set from this same reading of the clock and before any pass starts, so the time
                // the passes take does not push the next tick later.
                var nextTick = Task.Delay(WholeMilliseconds(schedule.Min(e => e.Due) - now), clock, stoppingToken);
                foreach (var entry in due)
                {
                    if (!entry.Tick(stoppingToken))
                    {
                        LogStillRunning(logger, entry.Job.GetType().Name);
                    }
                }

                await nextTick;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await Task.WhenAll(schedule.Select(e => e.Pass));
    }

    /// <summary>The first tick of the job's schedule (<paramref name="due"/> plus whole intervals) after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextTick(DateTimeOffset due, TimeSpan interval, DateTimeOffset now)
    {
        var missed = now < due ? 0 : (now - due).Ticks / interval.Ticks;
        return due + TimeSpan.FromTicks(interval.Ticks * (missed + 1));
    }

    /// <summary>
    /// <paramref name="wait"/> rounded up to whole milliseconds. Timers count whole milliseconds and cut a fraction of one
    /// to none: a tick less than a millisecond away would wake the loop at once, find nothing due and sleep "none" again
    /// until the clock moved, which on a clock that stands still (a test's) is never.
    /// </summary>
    internal static TimeSpan WholeMilliseconds(TimeSpan wait) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    [LoggerMessage(Level = LogLevel.Information, Message = "The clock runs {Count} jobs")]
    private static partial void LogStarting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} is still running its last pass at its next tick; one more pass follows it")]
    private static partial void LogStillRunning(ILogger logger, string job);

    private sealed class Scheduled(ClockJob job, DateTimeOffset due)
    {
        private readonly Lock _gate = new();
        private bool _running;
        private bool _owed;

        public ClockJob Job { get; } = job;

        public DateTimeOffset Due { get; set; } = due;

        /// <summary>The passes under way (none: completed).</summary>
        public Task Pass { get; private set; } = Task.CompletedTask;

        /// <summary>Starts a pass; false when one is still running, which then runs one more when it ends.</summary>
        public bool Tick(CancellationToken stoppingToken)
        {
            lock (_gate)
            {
                if (_running)
                {
                    _owed = true;
                    return false;
                }

                _running = true;
            }

            // Started here, as a PeriodicTimer's loop did: the pass reads the clock at its tick; the loop goes on at the
            // pass's first await (a job does its I/O asynchronously), so a slow pass holds back no other.
            Pass = PassesAsync(stoppingToken);
            return true;
        }

        private async Task PassesAsync(CancellationToken stoppingToken)
        {
            while (true)
            {
                await Job.PassAsync(stoppingToken);
                lock (_gate)
                {
                    if (!_owed || stoppingToken.IsCancellationRequested)
                    {
                        _running = false;
                        _owed = false;
                        return;
                    }

                    _owed = false;
                }
            }
        }
    }
}
