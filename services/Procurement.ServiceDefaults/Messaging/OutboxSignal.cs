using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the outbox dispatchers after a commit, so events leave at once instead of at the next poll.
/// The poll stays as the safety net (a crash between commit and signal loses no event).
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

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
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
