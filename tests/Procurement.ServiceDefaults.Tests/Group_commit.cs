using System.Diagnostics.Metrics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Xunit;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// <see cref="SqliteGroupCommit"/>: the saves queued while the writer commits go into one transaction, each in its own
/// savepoint; each caller is answered after the COMMIT that holds its save; one failing save fails alone; the outbox
/// dispatcher is woken after the COMMIT, and only by a save that wrote outbox rows.
/// </summary>
public sealed class Group_commit : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly string _connectionString;

    public Group_commit()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = $"Data Source={Path.Combine(_folder, "group-commit.db")}";
        var services = new ServiceCollection();
        services.AddSingleton<OutboxSignals>();
        services.AddDbContext<WidgetDb>((provider, options) => options.UseSqlite(_connectionString)
            .AddInterceptors(provider.GetRequiredService<OutboxSignals>().For<WidgetDb>()));
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDb>();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    private SqliteGroupCommit Writer => SqliteGroupCommit.For(_connectionString);

    [Fact]
    public async Task Saves_queued_while_the_writer_commits_go_into_one_transaction_and_each_is_answered_after_that_commit()
    {
        var contexts = Enumerable.Range(0, 21).Select(_ => NewContext()).ToList();
        using var figures = new WriterFigures();

        // The first save holds the writer until 20 more are queued behind it.
        var (first, holding) = await HoldTheWriterAsync(contexts[0], "w0");
        var rest = contexts.Skip(1).Select((db, i) => QueueWidget(db, $"w{i + 1}")).ToList();

        // The last of the second batch is held in its savepoint: no save of its batch is answered before the COMMIT.
        var lastHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = QueueWidget(NewContext(), "w21", async () =>
        {
            lastRunning.SetResult();
            await lastHeld.Task;
        });
        holding.SetResult();
        (await first).Should().Be(1);
        await lastRunning.Task;
        await Task.Delay(50);
        rest.Should().OnlyContain(t => !t.IsCompleted, "the saves of the batch wait for its COMMIT, which waits for the last save");
        CountOnDisk().Should().Be(1, "only the first batch has committed");

        lastHeld.SetResult();
        (await Task.WhenAll(rest.Append(last))).Should().AllBeEquivalentTo(1);
        CountOnDisk().Should().Be(22);
        figures.Batches.Should().Be(2, "the 21 saves queued behind the first were committed in one transaction");
        figures.Saves.Should().Be(22);
        figures.BusySeconds.Should().BePositive();
    }

    [Fact]
    public async Task A_save_that_fails_in_its_savepoint_fails_alone_and_the_rest_of_its_batch_commits()
    {
        await SaveAsync(NewContext(), "taken");
        var (first, holding) = await HoldTheWriterAsync(NewContext(), "a");
        var before = QueueWidget(NewContext(), "b");
        var duplicate = QueueWidget(NewContext(), "taken");
        var after = QueueWidget(NewContext(), "c");
        holding.SetResult();

        await first;
        (await before).Should().Be(1);
        (await after).Should().Be(1);
        await FluentActions.Awaiting(() => duplicate).Should().ThrowAsync<DbUpdateException>("the name is unique and taken");
        Names().Should().BeEquivalentTo(["taken", "a", "b", "c"]);
    }

    [Fact]
    public async Task A_transaction_that_cannot_commit_fails_every_save_of_its_batch()
    {
        var (first, holding) = await HoldTheWriterAsync(NewContext(), "first");

        // The next batch: x, a save that ends the writer's transaction under it (its savepoint and the COMMIT then fail), y.
        var x = QueueWidget(NewContext(), "x");
        var breaker = NewContext();
        var broken = Writer.SaveAsync(breaker, async ct =>
        {
            await breaker.Database.ExecuteSqlRawAsync("ROLLBACK", ct);
            return 0;
        }, CancellationToken.None);
        var y = QueueWidget(NewContext(), "y");
        holding.SetResult();

        (await first).Should().Be(1, "the first batch is committed on its own");
        foreach (var failed in new[] { x, broken, y })
        {
            // SQLite's "no such savepoint", or the provider's "this transaction has completed".
            await FluentActions.Awaiting(() => failed).Should().ThrowAsync<Exception>()
                .Where(e => e is SqliteException || e is InvalidOperationException);
        }

        Names().Should().Equal(["first"], "nothing of the broken batch was committed");

        // The writer goes on with the next batch.
        (await SaveAsync(NewContext(), "z")).Should().Be(1);
        Names().Should().BeEquivalentTo(["first", "z"]);
    }

    [Fact]
    public async Task A_save_given_up_while_it_waits_in_the_queue_is_not_made()
    {
        var (first, holding) = await HoldTheWriterAsync(NewContext(), "kept");
        using var giveUp = new CancellationTokenSource();
        var db = NewContext();
        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "given up" });
        var abandoned = Writer.SaveAsync(db, ct => db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct), giveUp.Token);
        await giveUp.CancelAsync();
        holding.SetResult();

        await first;
        await FluentActions.Awaiting(() => abandoned).Should().ThrowAsync<OperationCanceledException>();
        Names().Should().Equal("kept");
    }

    [Fact]
    public async Task A_context_goes_back_to_its_own_connection_after_its_save()
    {
        var lead = NewContext();
        var other = NewContext();
        var (first, holding) = await HoldTheWriterAsync(lead, "lead");
        var second = QueueWidget(other, "other");
        holding.SetResult();
        await Task.WhenAll(first, second);
        lead.ChangeTracker.AcceptAllChanges();
        other.ChangeTracker.AcceptAllChanges();

        // Both read and write again on their own connections, outside any transaction.
        other.Database.CurrentTransaction.Should().BeNull();
        other.Database.GetDbConnection().State.Should().Be(System.Data.ConnectionState.Closed);
        (await other.Widgets.CountAsync()).Should().Be(2);
        (await lead.Widgets.CountAsync()).Should().Be(2);
        var widget = await other.Widgets.SingleAsync(w => w.Name == "other");
        widget.Changes = 5;
        (await SaveAsync(other)).Should().Be(1);
        (await NewContext().Widgets.SingleAsync(w => w.Name == "other")).Changes.Should().Be(5);
    }

    [Fact]
    public async Task The_outbox_dispatcher_is_woken_after_the_commit_of_a_save_that_wrote_outbox_rows_and_by_no_other()
    {
        var signal = _services.GetRequiredService<OutboxSignals>().For<WidgetDb>();
        await SaveAsync(NewContext(), "no event");
        (await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None)).Should().BeFalse("that save wrote no outbox row");

        var db = NewContext();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "with event" });
        db.Raise(new WidgetChanged(Guid.NewGuid(), "with event"));
        var woken = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        var save = Writer.SaveAsync(db, async ct =>
        {
            var saved = await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await Task.Delay(100, ct);
            woken.IsCompleted.Should().BeFalse("the dispatcher is not woken before the COMMIT");
            return saved;
        }, CancellationToken.None);
        (await save).Should().Be(2);
        (await woken).Should().BeTrue("the commit wrote an outbox row");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private WidgetDb NewContext() => _services.CreateScope().ServiceProvider.GetRequiredService<WidgetDb>();

    /// <summary>Queues a save of a widget that holds the writer, in a batch of its own, until the answer's second item is set.</summary>
    private async Task<(Task<int> Save, TaskCompletionSource Holding)> HoldTheWriterAsync(WidgetDb db, string name)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var save = QueueWidget(db, name, async () =>
        {
            held.SetResult();
            await holding.Task;
        });
        await held.Task;
        return (save, holding);
    }

    private Task<int> QueueWidget(WidgetDb db, string name, Func<Task>? during = null)
    {
        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = name });
        return Writer.SaveAsync(db, async ct =>
        {
            if (during is not null)
            {
                await during();
            }

            return await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        }, CancellationToken.None);
    }

    private async Task<int> SaveAsync(WidgetDb db, string? name = null)
    {
        if (name is not null)
        {
            db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = name });
        }

        var saved = await Writer.SaveAsync(db, ct => db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct), CancellationToken.None);
        db.ChangeTracker.AcceptAllChanges();
        return saved;
    }

    private int CountOnDisk()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Widgets";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<string> Names() => [.. NewContext().Widgets.AsNoTracking().Select(w => w.Name)];

    /// <summary>The writer's figures of this test's database, from <see cref="DatabaseMeter"/>.</summary>
    private sealed class WriterFigures : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly string _db;

        public WriterFigures(string db = "group-commit.db")
        {
            _db = db;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DatabaseMeter.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (!Mine(tags))
                {
                    return;
                }

                if (instrument == DatabaseMeter.WriteBatches)
                {
                    Interlocked.Add(ref _batches, value);
                }
                else if (instrument == DatabaseMeter.WriteSaves)
                {
                    Interlocked.Add(ref _saves, value);
                }
            });
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                if (instrument == DatabaseMeter.WriteBusy && Mine(tags))
                {
                    lock (_listener)
                    {
                        BusySeconds += value;
                    }
                }
            });
            _listener.Start();
        }

        private long _batches;
        private long _saves;

        public long Batches => Interlocked.Read(ref _batches);

        public long Saves => Interlocked.Read(ref _saves);

        public double BusySeconds { get; private set; }

        public void Dispose() => _listener.Dispose();

        private bool Mine(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db" && tag.Value as string == _db)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
