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
