using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Testing.Platform;

namespace Procurement.Benchmarks;

/// <summary>
/// Event latency (issue 17, item 6): from a producer's commit to the consumer's committed effect. The event is
/// <c>TenderPublished</c>: the purchaser publishes a drafted tender in Tendering (<c>POST /api/tenders/{id}/publish</c>, which
/// commits the tender and its outbox row before it answers), Tendering's outbox dispatcher publishes the event, and
/// Bidding's consumer commits the tender's row in its <c>OpenTenders</c> table with its inbox row. The effect is seen by
/// a thread of this program that reads Bidding's SQLite file every millisecond (<see cref="EffectWatcher"/>).
/// <para>
/// The commit happens between the publish request's start and its answer, so each latency is given twice: from the
/// answer (a lower bound: the commit came earlier) and from the request's start (an upper bound). The watcher adds up to
/// about 1 ms. Measured (a) on the idle platform, one tender at a time with a random 100–300 ms gap, and (b) during a
/// deadline rush, a tender every 20 ms while the rush runs; on (c) the Standalone host (in-memory bus) and (d) the
/// distributed hosts over RabbitMQ. The hosts run with their own outbox poll interval (<see cref="OutboxOptions"/>), not
/// the tests' shorter one.
/// </para>
/// </summary>
internal static class EventLatency
{
    /// <summary>Publishes before the idle samples, untimed: the publish endpoint, dispatcher and consumer compiled.</summary>
    private const int Untimed = 3;

    /// <summary>At most this many tenders are published during the rush (drafted beforehand).</summary>
    private const int DuringRushLimit = 200;

    private static readonly TimeSpan DuringRushGap = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>One published tender: when its publish request started, when its answer came, when Bidding had it (null: not within <see cref="Patience"/>).</summary>
    private sealed record Sample(long Sent, long Answered, long? Seen)
    {
        public double FromAnswerMs => Stopwatch.GetElapsedTime(Answered, Seen!.Value).TotalMilliseconds;

        public double FromSentMs => Stopwatch.GetElapsedTime(Sent, Seen!.Value).TotalMilliseconds;

        public double RequestMs => Stopwatch.GetElapsedTime(Sent, Answered).TotalMilliseconds;

        public static async Task<Sample> OfAsync((long Sent, long Answered, Task<long> Seen) publication)
        {
            try
            {
                return new Sample(publication.Sent, publication.Answered, await publication.Seen);
            }
            catch (TimeoutException)
            {
                return new Sample(publication.Sent, publication.Answered, null);
            }
        }
    }

    public static async Task RunAsync(Options options, DatabaseCounters counters)
    {
        var poll = new OutboxOptions().PollInterval;
        var values = new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = poll.ToString("c", CultureInfo.InvariantCulture) };
        foreach (var mode in options.Targets)
        {
            Console.WriteLine();
            Console.WriteLine($"== events: {mode} (outbox poll interval {poll.TotalMilliseconds:F0} ms, the hosts' default) ==");
            var started = Stopwatch.StartNew();
            await using var target = await Target.StartAsync(mode, values);
            if (target is null)
            {
                continue;
            }

            Console.WriteLine($"{target.Description} at {target.Edge} (started in {started.Elapsed.TotalSeconds:F1} s)");
            using var http = Load.Client(target.Edge, options.Concurrency);
            var rush = new Rush(target, http, options.Concurrency);
            using var purchaser = Load.Client(target.Edge, 1);
            purchaser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await PlatformSignIn.PasswordGrantAsync(purchaser, "purchaser", PlatformSignIn.DemoPassword));
            var drafts = new Queue<Guid>(await DraftAsync(purchaser, Untimed + options.Events + DuringRushLimit));
            var (agencies, _) = await RushMode.PrepareAsync(rush, options with { Cold = 0 }, counters);

            using var watcher = await EffectWatcher.StartAsync(target);
            for (var i = 0; i < Untimed; i++)
            {
                await Sample.OfAsync(await PublishAsync(purchaser, drafts.Dequeue(), watcher));
            }

            // (a) Idle: one tender at a time, a random gap between them so no sample lines up with the dispatcher's poll.
            var idle = new List<Sample>();
            var random = new Random(17);
            for (var i = 0; i < options.Events; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 300)));
                idle.Add(await Sample.OfAsync(await PublishAsync(purchaser, drafts.Dequeue(), watcher)));
            }

            Print("idle", idle);

            // (b) During the rush: a tender every 20 ms while the agencies bid.
            var tenderId = await rush.PublishTenderAsync("Elderly care in Futian 2027 (rush with events)", TimeSpan.FromSeconds(90));
            var rushing = rush.SubmitAsync(tenderId, agencies);
            var during = new List<(long Sent, long Answered, Task<long> Seen)>();
            while (!rushing.IsCompleted && drafts.Count > 0)
            {
                during.Add(await PublishAsync(purchaser, drafts.Dequeue(), watcher));
                await Task.Delay(DuringRushGap);
            }

            var result = await rushing;
            Print("during the rush", await Task.WhenAll(during.Select(Sample.OfAsync)));
            Console.WriteLine($"  the rush      {result.Load.Accepted}/{result.Load.Sent} bids accepted, {result.Load.AcceptedPerSecond:F0} accepted/s, " +
                $"latency {Report.Percentiles(result.Load)} ms, {result.Load.CpuMsPerRequest:F2} CPU ms per bid (with the watcher and the events)" +
                (drafts.Count == 0 ? "; every drafted tender was published before the rush ended" : ""));
        }
    }

    /// <summary>
    /// Publishes a drafted tender: when the request started and when its answer came (the commit lies between), and
    /// the moment Bidding's row appeared, once it does (or a <see cref="TimeoutException"/> after <see cref="Patience"/>).
    /// </summary>
    private static async Task<(long Sent, long Answered, Task<long> Seen)> PublishAsync(HttpClient purchaser, Guid tenderId, EffectWatcher watcher)
    {
        var seen = watcher.Expect(tenderId).WaitAsync(Patience);
        var sent = Stopwatch.GetTimestamp();
        await purchaser.PublishTenderAsync(tenderId);
        return (sent, Stopwatch.GetTimestamp(), seen);
    }

    /// <summary>A program and <paramref name="count"/> drafted tenders of the purchaser's, bids due in 25 days.</summary>
    private static async Task<List<Guid>> DraftAsync(HttpClient purchaser, int count)
    {
        var programId = await purchaser.CreateProgramAsync("Event latency benchmark", "Demo District");
        var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(25), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(2);
        var drafts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            drafts.Add(await purchaser.DraftTenderAsync(NewTender.Standard(
                programId, $"Event latency {i}", 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1))));
        }

        return drafts;
    }

    private static void Print(string phase, IReadOnlyList<Sample> published)
    {
        static string Figures(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0
                ? "n/a"
                : $"p50 {Report.Percentile(sorted, 50):F1}  p99 {Report.Percentile(sorted, 99):F1}  min {sorted[0]:F1}  max {sorted[^1]:F1}";
        }

        var samples = published.Where(s => s.Seen is not null).ToList();
        Console.WriteLine($"Events {phase}: {published.Count} tenders published, {samples.Count} seen in Bidding's OpenTenders" +
            (samples.Count == published.Count ? "" : $", {published.Count - samples.Count} NOT SEEN within {Patience.TotalSeconds:F0} s"));
        Console.WriteLine($"  commit -> effect ms, from the publish answer (lower bound)   {Figures(samples.Select(s => s.FromAnswerMs))}");
        Console.WriteLine($"  commit -> effect ms, from the publish request (upper bound)  {Figures(samples.Select(s => s.FromSentMs))}");
        Console.WriteLine($"  the publish request itself ms                                {Figures(published.Select(s => s.RequestMs))}");
    }

    /// <summary>
    /// Reads Bidding's <c>OpenTenders</c> table every millisecond on a thread of its own (a read in WAL mode does not
    /// block the writer), taking only the rows added since the last read (by rowid), and notes when each tender appeared.
    /// </summary>
    private sealed class EffectWatcher : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _tenders = new();
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _newRows;
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _lastRow;

        private EffectWatcher(string database, string table, string column)
        {
            _connection = new SqliteConnection($"Data Source={database};Pooling=False");
            _connection.Open();
            using (var last = _connection.CreateCommand())
            {
                last.CommandText = $"SELECT COALESCE(MAX(rowid), 0) FROM \"{table}\"";
                _lastRow = (long)last.ExecuteScalar()!;
            }

            _newRows = _connection.CreateCommand();
            _newRows.CommandText = $"SELECT rowid, \"{column}\" FROM \"{table}\" WHERE rowid > $last ORDER BY rowid";
            _newRows.Parameters.Add(new SqliteParameter("$last", 0L));
            _newRows.Prepare();
            _thread = new Thread(Run) { IsBackground = true, Name = "effect-watcher", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public static async Task<EffectWatcher> StartAsync(Target target)
        {
            await using var scope = target.Bidding.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
            var database = SqliteFile.Of(db.Database.GetConnectionString())
                ?? throw new InvalidOperationException("The event benchmark reads Bidding's SQLite file; this target has none.");
            var entity = db.Model.FindEntityType(typeof(OpenTender))!;
            var column = entity.FindProperty(nameof(OpenTender.TenderId))!.GetColumnName();
            return new EffectWatcher(database, entity.GetTableName()!, column);
        }

        /// <summary>Completes with the stopwatch timestamp at which the watcher first saw <paramref name="tenderId"/>'s row.</summary>
        public Task<long> Expect(Guid tenderId) => Waiter(tenderId).Task;

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
            _newRows.Dispose();
            _connection.Dispose();
        }

        private TaskCompletionSource<long> Waiter(Guid tenderId) =>
            _tenders.GetOrAdd(tenderId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        private void Run()
        {
            while (!_stop)
            {
                _newRows.Parameters[0].Value = _lastRow;
                using (var reader = _newRows.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var seen = Stopwatch.GetTimestamp();
                        _lastRow = reader.GetInt64(0);
                        Waiter(reader.GetGuid(1)).TrySetResult(seen);
                    }
                }

                Thread.Sleep(1);
            }
        }
    }
}
