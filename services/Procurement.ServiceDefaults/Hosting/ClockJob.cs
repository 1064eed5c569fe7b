using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// A job the clock runs, never a person (closing bidding, confirming awards, activating contracts, flagging late
/// instalments, …): one pass at start-up — so a moment missed while the service was down is caught at the next
/// start — and then one every <see cref="Interval"/> on the host's <see cref="TimeProvider"/>. A failing pass is
/// logged and retried at the next tick; it never stops the host.
/// </summary>
public abstract class ClockJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The host's clock.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The job's log.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>The longest period a <see cref="PeriodicTimer"/> takes (about 49.7 days), rounded down.</summary>
    public static TimeSpan LongestInterval { get; } = TimeSpan.FromDays(49);

    /// <summary>Whether <paramref name="interval"/> is one a job can run on: above zero and at most <see cref="LongestInterval"/>.</summary>
    public static bool IsValidInterval(TimeSpan interval) => interval > TimeSpan.Zero && interval <= LongestInterval;

    /// <summary>How often the job runs after its first pass.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a pass does, for the log, e.g. "Closing bidding at the deadline".</summary>
    protected abstract string Activity { get; }

    /// <summary>One pass; answers how many items it handled (logged when above zero).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval > LongestInterval ? LongestInterval : Interval, Clock);
        do
        {
            try
            {
                var handled = await RunOnceAsync(stoppingToken);
                if (handled > 0)
                {
                    Logger.LogInformation("{Activity}: {Count} handled", Activity, handled);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; a failing pass must not stop the host.
                Logger.LogError(exception, "{Activity} failed; retrying at the next check", Activity);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
