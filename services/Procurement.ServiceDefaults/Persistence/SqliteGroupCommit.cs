using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// The single writer of one SQLite database file in this process, committing the saves that queue while it writes
/// in one transaction (group commit). SQLite has one writer and each COMMIT waits for its fsync (WAL,
/// <c>synchronous=FULL</c>); one transaction per save made the deadline rush queue behind the disk. Here each
/// save runs in its own savepoint inside the batch's transaction, so one save that fails (a rule checked again at
/// the commit, a duplicate key) is rolled back alone and answered with its own exception while the others commit;
/// every caller is answered only after the COMMIT that holds its save, so nothing is acknowledged before it is on
/// disk. A COMMIT that fails fails every save of its batch.
/// <para>
/// A save runs on the caller's own <see cref="DbContext"/> (its change tracker, its interceptors, its events): the
/// writer lends it the batch's connection and transaction for the save and gives it back its own connection after.
/// While its save is queued the caller awaits it and does not touch the context. A save made inside a caller's own
/// transaction does not come here (it holds its connection already). SQL Server takes concurrent writers and groups
/// their commits itself, so only SQLite contexts use this.
/// </para>
/// </summary>
public sealed class SqliteGroupCommit
{
    /// <summary>The most saves one transaction takes; the rest wait for the next.</summary>
    public const int MaxBatch = 256;

    private const string Savepoint = "group_commit_save";

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Writers = new(StringComparer.Ordinal);

    private readonly Channel<QueuedSave> _queue = Channel.CreateUnbounded<QueuedSave>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly string _connectionString;
    private readonly KeyValuePair<string, object?> _tag;

    private SqliteGroupCommit(string connectionString)
    {
        _connectionString = connectionString;
        _tag = new("db", Path.GetFileName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource));
        // The writer outlives the save that happened to start it: it must not keep that caller's flow (its request's user,
        // its audit scope) as its own.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(WriteAsync);
        }
    }

    /// <summary>The writer of the database file <paramref name="connectionString"/> names (one per file and process).</summary>
    public static SqliteGroupCommit For(string connectionString) => Writers.GetOrAdd(connectionString, cs => new SqliteGroupCommit(cs));

    /// <summary>
    /// Queues <paramref name="save"/> (a SaveChanges of <paramref name="context"/> that does not accept its changes) and
    /// answers what it answered once the transaction holding it has committed, or its own exception. A caller that gives
    /// up while its save still waits in the queue has it taken out; once the writer runs it, it runs to the end.
    /// </summary>
    public Task<int> SaveAsync(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        var queued = new QueuedSave(context, save, cancellationToken);

        // The save runs on the writer's thread, where the caller's user and audit scope are not: its audit entry names
        // the caller as pinned here.
        var pinned = Audit.AuditTrail.Pin(context);
        if (!_queue.Writer.TryWrite(queued))
        {
            pinned.Dispose();
            throw new InvalidOperationException("The SQLite writer no longer takes saves.");
        }

        return AnsweredAsync(queued.Done.Task, pinned);
    }

    private static async Task<int> AnsweredAsync(Task<int> done, IDisposable pinned)
    {
        using (pinned)
        {
            return await done;
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<QueuedSave>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                if (queued.CancellationToken.IsCancellationRequested)
                {
                    queued.Done.TrySetCanceled(queued.CancellationToken);
                }
                else
                {
                    batch.Add(queued);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception exception)
            {
                // Whatever went wrong after the transaction ended (answering, the signal): its saves are answered, and
                // the writer goes on, since every later save of this database waits for it.
                foreach (var queued in batch)
                {
                    queued.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>One transaction for <paramref name="batch"/>; every save is answered when it ends, whatever happens.</summary>
    private async Task CommitAsync(List<QueuedSave> batch)
    {
        var lead = batch[0].Context.Database;
        var started = Stopwatch.GetTimestamp();
        var opened = false;
        try
        {
            // The first save's context opens the connection, so EF Core sets it up as it sets up its own (functions).
            await lead.OpenConnectionAsync();
            opened = true;
            var connection = lead.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var queued in batch)
            {
                await SaveInSavepointAsync(queued, connection, transaction);
            }

            await transaction.CommitAsync();
            DatabaseMeter.Commands.Add(2 + (2 * batch.Count), _tag);
        }
        catch (Exception exception)
        {
            // The transaction is rolled back when it is disposed: no save of this batch is on disk.
            foreach (var queued in batch)
            {
                queued.Failure ??= exception;
            }
        }
        finally
        {
            if (opened)
            {
                await lead.CloseConnectionAsync();
            }

            DatabaseMeter.WriteBusy.Add(Stopwatch.GetElapsedTime(started).TotalSeconds, _tag);
            DatabaseMeter.WriteBatches.Add(1, _tag);
            DatabaseMeter.WriteSaves.Add(batch.Count, _tag);
        }

        foreach (var queued in batch)
        {
            var signal = SignalOf(queued.Context);
            if (queued.Failure is { } failure)
            {
                signal?.Forget(queued.Context);
                queued.Done.TrySetException(failure);
            }
            else
            {
                signal?.Committed(queued.Context);
                queued.Done.TrySetResult(queued.Saved);
            }
        }
    }

    private static async Task SaveInSavepointAsync(QueuedSave queued, DbConnection connection, DbTransaction transaction)
    {
        var database = queued.Context.Database;
        var own = !ReferenceEquals(database.GetDbConnection(), connection);
        var connectionString = database.GetConnectionString();
        var autoSavepoints = database.AutoSavepointsEnabled;
        await transaction.SaveAsync(Savepoint);
        try
        {
            if (own)
            {
                database.SetDbConnection(connection, contextOwnsConnection: false);
            }

            await database.UseTransactionAsync(transaction);
            database.AutoSavepointsEnabled = false;
            queued.Saved = await queued.Save(CancellationToken.None);
            await transaction.ReleaseAsync(Savepoint);
        }
        catch (Exception exception)
        {
            queued.Failure = exception;
            await transaction.RollbackAsync(Savepoint);
            await transaction.ReleaseAsync(Savepoint);
        }
        finally
        {
            database.AutoSavepointsEnabled = autoSavepoints;

            // Lets go of the batch's transaction (not its own: it is neither committed nor rolled back here) and of the
            // connection use UseTransaction counted.
            if (database.CurrentTransaction is { } lent)
            {
                await lent.DisposeAsync();
            }

            if (own)
            {
                // Back to a connection of its own, made anew from its connection string when it next needs one.
                database.SetDbConnection(null);
                database.SetConnectionString(connectionString);
            }
        }
    }

    private static OutboxSignal? SignalOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<OutboxSignal>().FirstOrDefault();

    private sealed class QueuedSave(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        public DbContext Context { get; } = context;

        public Func<CancellationToken, Task<int>> Save { get; } = save;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Saved { get; set; }

        public Exception? Failure { get; set; }
    }
}
