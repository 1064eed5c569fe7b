using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the outbox dispatchers after a commit, so events leave at once instead of at the next poll.
/// The poll stays as the safety net (a crash between commit and signal loses no event).
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly List<SemaphoreSlim> _listeners = [];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify();
        return ValueTask.FromResult(result);
    }

    public void Notify()
    {
        Wake(_signal);
        lock (_listeners)
        {
            foreach (var listener in _listeners)
            {
                Wake(listener);
            }
        }
    }

    /// <summary>
    /// A wait of its own for another dispatcher of the same databases (the mail outbox): every commit wakes it too,
    /// without taking the wake-up from the outbox dispatchers.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task<bool>> Listen()
    {
        var listener = new SemaphoreSlim(0, int.MaxValue);
        lock (_listeners)
        {
            _listeners.Add(listener);
        }

        return listener.WaitAsync;
    }

    private static void Wake(SemaphoreSlim semaphore)
    {
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>The loop both kinds of outbox dispatcher run: a pass, then a wait for a commit or the poll interval.</summary>
public static class DispatchLoop
{
    /// <summary>
    /// Runs <paramref name="pass"/> until the host stops. A pass that throws (the database itself failed, not the
    /// broker or the mail server) is given to <paramref name="failed"/> and tried again at the next wake-up.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task> pass, Func<TimeSpan, CancellationToken, Task<bool>> wait, TimeSpan interval,
        Action<Exception> failed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failed(exception);
            }

            try
            {
                await wait(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Exponential back-off: <paramref name="first"/> after the first failed attempt, doubling, at most <paramref name="max"/>.</summary>
    public static TimeSpan BackOff(TimeSpan first, TimeSpan max, int attempts)
    {
        var delay = first * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay > max ? max : delay;
    }
}
