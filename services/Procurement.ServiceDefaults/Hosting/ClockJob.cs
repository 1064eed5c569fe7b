using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// A job the clock runs, never a person (closing bidding, confirming awards, activating contracts, flagging late
/// instalments, …). It says how often it runs and what one pass does; the host's one <see cref="ClockLoop"/> runs it:
/// one pass at start-up — so a moment missed while the service was down is caught at the next start — and then one
/// every <see cref="Interval"/> on the host's <see cref="TimeProvider"/>. A failing pass is logged and retried at the
/// next tick; it never stops the other jobs or the host. Register one with <see cref="ClockJobs.AddClockJob{TJob}"/>.
/// </summary>
public abstract class ClockJob(TimeProvider clock, ILogger logger)
{
    /// <summary>The host's clock.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The job's log.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>The longest interval a job runs on (about 49.7 days is the longest a timer waits), rounded down.</summary>
    public static TimeSpan LongestInterval { get; } = TimeSpan.FromDays(49);

    /// <summary>Whether <paramref name="interval"/> is one a job can run on: above zero and at most <see cref="LongestInterval"/>.</summary>
    public static bool IsValidInterval(TimeSpan interval) => interval > TimeSpan.Zero && interval <= LongestInterval;

    /// <summary>How often the job runs after its first pass.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a pass does, for the log, e.g. "Closing bidding at the deadline".</summary>
    protected abstract string Activity { get; }

    /// <summary>One pass; answers how many items it handled (logged when above zero).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>The interval the loop keeps: <see cref="Interval"/>, at most <see cref="LongestInterval"/>; none at or below zero.</summary>
    internal TimeSpan Period => Interval > TimeSpan.Zero
        ? (Interval > LongestInterval ? LongestInterval : Interval)
        : throw new InvalidOperationException($"{GetType().Name} cannot run every {Interval}: its interval must be above zero.");

    /// <summary>
    /// One pass as the loop runs it: its count logged, its failure logged and left for the next tick. Never throws, so one
    /// job's failure cannot reach the loop; a pass cut short because the host is stopping is not a failure.
    /// </summary>
    internal async Task PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            // What a pass changes is the platform's doing, on the clock: its audit entries say so.
            using var actor = Audit.AuditScope.System(GetType().Name, Activity);
            var handled = await RunOnceAsync(stoppingToken);
            if (handled > 0)
            {
                Logger.LogInformation("{Activity}: {Count} handled", Activity, handled);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the pass that was cut short runs again at the next start.
        }
        catch (Exception exception)
        {
            // The next tick tries again; a failing pass must not stop the other jobs or the host.
            Logger.LogError(exception, "{Activity} failed; retrying at the next check", Activity);
        }
    }
}

/// <summary>Registering clock jobs: one line per job in a module, one <see cref="ClockLoop"/> per host however many modules add jobs.</summary>
public static class ClockJobs
{
    /// <summary>
    /// Adds <typeparamref name="TJob"/> as a singleton (tests reach it to run a pass) and to the host's one
    /// <see cref="ClockLoop"/>, which is added with the first job.
    /// </summary>
    public static IServiceCollection AddClockJob<TJob>(this IServiceCollection services)
        where TJob : ClockJob
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ClockJob, TJob>(provider => provider.GetRequiredService<TJob>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClockLoop>());
        return services;
    }
}
