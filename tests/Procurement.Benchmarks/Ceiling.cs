using System.Diagnostics;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;

namespace Procurement.Benchmarks;

/// <summary>
/// The minimal durable-write ceiling (issue 17, item 5): a minimal ASP.NET Core app on loopback Kestrel, in this process,
/// whose one endpoint does per request one SQLite WAL transaction with <c>synchronous=FULL</c> that inserts the request's
/// 1 KiB body as a row and an outbox row, and answers 201 only after its COMMIT. It is driven by the rush's own client
/// loop (<see cref="Load.DriveAsync"/>) at the same concurrency, on a database in the same temp folder as the hosts' data.
/// Two variants: one writer (a lock around each request's transaction), and group commit (one writer task commits
/// whatever requests queued, in one transaction, and answers each after that COMMIT). Its writer reports to the same
/// meter as the platform's (<see cref="DatabaseMeter"/>, <c>db</c> = <see cref="DatabaseName"/>), so its figures print alike.
/// </summary>
internal static class Ceiling
{
    public const string DatabaseName = "ceiling.db";

    /// <summary>
    /// Untimed requests before each variant's timed run, then a pause of <see cref="Load.TierUpPause"/>: its code paths
    /// compiled and its file grown.
    /// </summary>
    public const int WarmupRequests = 2000;

    /// <summary>Timed requests per variant at the least.</summary>
    public const int MinimumRequests = 5000;

    private const int RowBytes = 1024;

    /// <summary>One variant's timed run: the load, the rows it stored and the database figures.</summary>
    public sealed record Result(string Variant, LoadRun Load, long StoredRows, PhaseFigures Figures);

    /// <summary>Runs the single-writer and the group-commit variants in turn, each on a fresh database.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(int requests, int concurrency, DatabaseCounters counters)
    {
        var folder = Path.Combine(Path.GetTempPath(), "procurement-tests", "ceiling-" + Guid.NewGuid().ToString("N"));
        Console.WriteLine();
        Console.WriteLine($"== ceiling: minimal app, one SQLite WAL transaction (synchronous=FULL) per request: a {RowBytes} B row and an outbox row ==");
        Console.WriteLine($"Database folder {folder} (the hosts' data are in {Path.Combine(Path.GetTempPath(), "procurement-tests")}); " +
            $"{WarmupRequests} untimed requests and a {Load.TierUpPause.TotalSeconds:F0} s pause, then {requests} timed, {concurrency} concurrent clients");
        var results = new List<Result>();
        try
        {
            foreach (var variant in new[] { "one writer", "group commit" })
            {
                results.Add(await RunVariantAsync(variant, Path.Combine(folder, variant.Replace(' ', '-')), requests, concurrency, counters));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return results;
    }

    private static async Task<Result> RunVariantAsync(string variant, string folder, int requests, int concurrency, DatabaseCounters counters)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, DatabaseName);
        await using RowWriter writer = variant == "one writer" ? new SingleWriter(database) : new GroupWriter(database);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{TestHosts.FreePort()}");
        await using var app = builder.Build();
        app.MapPost("/rows", async (HttpRequest request) =>
        {
            var body = new byte[request.ContentLength ?? 0];
            await request.Body.ReadExactlyAsync(body);
            var id = await writer.WriteAsync(body);
            return Results.Created($"/rows/{id}", value: null);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        using var http = Load.Client(address, concurrency);
        var payload = new byte[RowBytes];
        Random.Shared.NextBytes(payload);
        HttpRequestMessage Request(int i) => new(HttpMethod.Post, "/rows")
        {
            Content = new ByteArrayContent(payload) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };

        await Load.DriveAsync(http, WarmupRequests, concurrency, Request, Rush.Code);
        await Task.Delay(Load.TierUpPause);
        var before = writer.CountRows();
        using var probe = PhaseFigures.Start(counters, database);
        var load = await Load.DriveAsync(http, requests, concurrency, Request, Rush.Code);
        var figures = probe.Stop();
        var stored = writer.CountRows() - before;
        await app.StopAsync();

        Console.WriteLine();
        Console.WriteLine($"Ceiling, {variant}: {load.Sent} requests in {load.Seconds:F2} s ({writer.Settings})");
        Report.PrintLoad(load, "row");
        Console.WriteLine($"  stored        {stored} rows" + (stored == load.Accepted ? "" : $"  MISMATCH: {load.Accepted} accepted"));
        figures.Print(DatabaseName, load.Sent, load.Seconds, "row");
        return new Result(variant, load, stored, figures);
    }

    /// <summary>One connection to a fresh database in WAL mode with synchronous=FULL, and the transaction every variant commits.</summary>
    private abstract class RowWriter : IAsyncDisposable
    {
        private static readonly KeyValuePair<string, object?> Tag = new("db", DatabaseName);

        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _commit;
        private readonly SqliteCommand _insertRow;
        private readonly SqliteCommand _insertOutbox;

        protected RowWriter(string database)
        {
            _connection = new SqliteConnection($"Data Source={database};Pooling=False");
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Execute("CREATE TABLE Rows (Id TEXT NOT NULL PRIMARY KEY, Body BLOB NOT NULL, CreatedAt INTEGER NOT NULL);" +
                    "CREATE TABLE Outbox (Id TEXT NOT NULL PRIMARY KEY, Type TEXT NOT NULL, Payload TEXT NOT NULL, OccurredAt INTEGER NOT NULL, DispatchedAt INTEGER NULL);");
            using (var check = _connection.CreateCommand())
            {
                check.CommandText = "PRAGMA journal_mode";
                var journal = (string)check.ExecuteScalar()!;
                check.CommandText = "PRAGMA synchronous";
                Settings = $"journal_mode={journal}, synchronous={SqliteFile.SynchronousName((long)check.ExecuteScalar()!)}";
            }

            _begin = Prepared("BEGIN IMMEDIATE");
            _commit = Prepared("COMMIT");
            _insertRow = Prepared("INSERT INTO Rows (Id, Body, CreatedAt) VALUES ($id, $body, $at)", "$id", "$body", "$at");
            _insertOutbox = Prepared("INSERT INTO Outbox (Id, Type, Payload, OccurredAt) VALUES ($id, 'RowStored', $payload, $at)", "$id", "$payload", "$at");
        }

        /// <summary>SQLite's journal mode and synchronous level as the connection reports them.</summary>
        public string Settings { get; }

        /// <summary>Stores <paramref name="body"/> durably and returns its row id once the COMMIT that holds it has returned.</summary>
        public abstract Task<Guid> WriteAsync(byte[] body);

        public long CountRows()
        {
            lock (_connection)
            {
                using var count = _connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM Rows";
                return (long)count.ExecuteScalar()!;
            }
        }

        public virtual ValueTask DisposeAsync()
        {
            _connection.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>One transaction: each body a row and an outbox row, then COMMIT (an fsync of the WAL at synchronous=FULL).</summary>
        protected void Commit(IReadOnlyList<(Guid Id, byte[] Body)> rows)
        {
            lock (_connection)
            {
                var started = Stopwatch.GetTimestamp();
                _begin.ExecuteNonQuery();
                try
                {
                    var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    foreach (var (id, body) in rows)
                    {
                        _insertRow.Parameters[0].Value = id.ToString();
                        _insertRow.Parameters[1].Value = body;
                        _insertRow.Parameters[2].Value = at;
                        _insertRow.ExecuteNonQuery();
                        _insertOutbox.Parameters[0].Value = Guid.CreateVersion7().ToString();
                        _insertOutbox.Parameters[1].Value = $"{{\"rowId\":\"{id}\"}}";
                        _insertOutbox.Parameters[2].Value = at;
                        _insertOutbox.ExecuteNonQuery();
                    }

                    _commit.ExecuteNonQuery();
                }
                catch
                {
                    Execute("ROLLBACK");
                    throw;
                }
                finally
                {
                    DatabaseMeter.WriteBusy.Add(Stopwatch.GetElapsedTime(started).TotalSeconds, Tag);
                }

                DatabaseMeter.WriteBatches.Add(1, Tag);
                DatabaseMeter.WriteSaves.Add(rows.Count, Tag);
                DatabaseMeter.Commands.Add(2 + (2 * rows.Count), Tag);
            }
        }

        private void Execute(string sql)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private SqliteCommand Prepared(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }

    /// <summary>One writer at a time: each request takes the lock and commits its own transaction.</summary>
    private sealed class SingleWriter(string database) : RowWriter(database)
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public override async Task<Guid> WriteAsync(byte[] body)
        {
            var id = Guid.CreateVersion7();
            await _lock.WaitAsync();
            try
            {
                Commit([(id, body)]);
            }
            finally
            {
                _lock.Release();
            }

            return id;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            _lock.Dispose();
        }
    }

    /// <summary>Group commit: requests queue; one writer task commits all that queued in one transaction and then answers each.</summary>
    private sealed class GroupWriter : RowWriter
    {
        private const int MaxBatch = 1024;

        private readonly Channel<(Guid Id, byte[] Body, TaskCompletionSource Done)> _queue =
            Channel.CreateUnbounded<(Guid, byte[], TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

        private readonly Task _writer;

        public GroupWriter(string database)
            : base(database) => _writer = Task.Run(WriteBatchesAsync);

        public override async Task<Guid> WriteAsync(byte[] body)
        {
            var id = Guid.CreateVersion7();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _queue.Writer.WriteAsync((id, body, done));
            await done.Task;
            return id;
        }

        public override async ValueTask DisposeAsync()
        {
            _queue.Writer.Complete();
            await _writer;
            await base.DisposeAsync();
        }

        private async Task WriteBatchesAsync()
        {
            var batch = new List<(Guid Id, byte[] Body, TaskCompletionSource Done)>(MaxBatch);
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    Commit(batch.Select(p => (p.Id, p.Body)).ToList());
                    batch.ForEach(p => p.Done.SetResult());
                }
                catch (SqliteException exception)
                {
                    batch.ForEach(p => p.Done.SetException(exception));
                }

                batch.Clear();
            }
        }
    }
}
