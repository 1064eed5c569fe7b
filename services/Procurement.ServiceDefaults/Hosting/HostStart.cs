using Microsoft.Extensions.Hosting;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>Waiting for a host to have started: every hosted service's start done (seeders, upgrades, the bus).</summary>
public static class HostStart
{
    /// <summary>True once the host has started; false when it is stopped first.</summary>
    public static async Task<bool> StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var whenStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var whenStopped = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
