using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// One database's wake-up for the dispatchers of what it commits: a commit that added outbox rows wakes that
/// database's outbox dispatcher at once instead of at its next poll; a commit that added rows of a type a listener
/// asked for (the mail outbox's <c>OutgoingMail</c>) wakes that listener. A commit that added neither wakes no one.
/// The wake-up comes after the COMMIT: at the end of a save that ran in EF Core's own transaction, at the commit of a
/// caller's transaction, or when a group commit's writer says its batch committed (<see cref="Committed"/>). The poll
/// stays as the safety net (a crash between commit and wake-up loses no event).
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly SemaphoreSlim _outbox = new(0, int.MaxValue);
    private readonly List<(Type RowType, SemaphoreSlim Wake)> _listeners = [];

    /// <summary>Per context, the kinds of rows its saves added that wait for their transaction's commit.</summary>
    private readonly ConditionalWeakTable<DbContext, Added> _uncommitted = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => CommittedUnlessInTransaction(eventData.Context, failed: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommittedUnlessInTransaction(eventData.Context, failed: true);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The transaction that holds <paramref name="context"/>'s saves committed: wakes whoever waits for what they added.
    /// A group commit's writer calls it after its COMMIT (that transaction is not the context's own).
    /// </summary>
    public void Committed(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var added))
        {
            return;
        }

        _uncommitted.Remove(context);
        if (added.Outbox)
        {
            Wake(_outbox);
        }

        lock (_listeners)
        {
            foreach (var (rowType, wake) in _listeners)
            {
                if (added.Types.Contains(rowType))
                {
                    Wake(wake);
                }
            }
        }
    }

    /// <summary>The saves of <paramref name="context"/> were rolled back: what they added wakes no one.</summary>
    public void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }

    /// <summary>Wakes the outbox dispatcher as if outbox rows had been committed (a test, or a row made ready by hand).</summary>
    public void Notify() => Wake(_outbox);

    /// <summary>The outbox dispatcher's wait: until a commit added outbox rows, or <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _outbox.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// A wait of its own for another dispatcher of this database (the mail outbox): a commit that added rows of
    /// <typeparamref name="TRow"/> wakes it, without taking the wake-up from the outbox dispatcher.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task<bool>> Listen<TRow>()
    {
        var listener = new SemaphoreSlim(0, int.MaxValue);
        lock (_listeners)
        {
            _listeners.Add((typeof(TRow), listener));
        }

        return listener.WaitAsync;
    }

    /// <summary>Before a save: notes whether it adds outbox rows or rows a listener waits for.</summary>
    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Type[] wanted;
        lock (_listeners)
        {
            wanted = [.. _listeners.Select(l => l.RowType)];
        }

        var outbox = false;
        List<Type>? types = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var type = entry.Metadata.ClrType;
            if (type == typeof(OutboxMessage))
            {
                outbox = true;
            }
            else if (Array.IndexOf(wanted, type) >= 0)
            {
                (types ??= []).Add(type);
            }
        }

        if (outbox || types is not null)
        {
            var added = _uncommitted.GetOrCreateValue(context);
            added.Outbox |= outbox;
            added.Types.UnionWith(types ?? []);
        }
    }

    /// <summary>After a save: EF Core's own transaction has committed (or rolled back), unless the save ran in a caller's transaction.</summary>
    private void CommittedUnlessInTransaction(DbContext? context, bool failed = false)
    {
        if (context is null || context.Database.CurrentTransaction is not null)
        {
            return;
        }

        if (failed)
        {
            Forget(context);
        }
        else
        {
            Committed(context);
        }
    }

    private static void Wake(SemaphoreSlim semaphore)
    {
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    private sealed class Added
    {
        public bool Outbox { get; set; }

        public HashSet<Type> Types { get; } = [];
    }
}

/// <summary>The <see cref="OutboxSignal"/> of each database of the host, by its context type.</summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<Type, OutboxSignal> _signals = new();

    public OutboxSignal For(Type contextType) => _signals.GetOrAdd(contextType, _ => new OutboxSignal());

    public OutboxSignal For<TContext>()
        where TContext : DbContext => For(typeof(TContext));
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
