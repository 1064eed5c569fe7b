using System.Diagnostics;
using Procurement.Testing.Platform;
using Xunit.Abstractions;

namespace Procurement.Delivery.Tests;

/// <summary>
/// Issue 12, item 1: the embedded host is killed (SIGKILL) at random points while purchasers publish tenders, started
/// again each time, and left to settle; then every outbox row in its SQLite files must be in the inbox (or the dead
/// letters) of every consumer of its type. Before the in-memory outbox waited for its consumers, kills lost deliveries.
/// </summary>
public sealed class Crash_drill(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 3;
    private const int Workers = 4;

    /// <summary>Start-up takes a few seconds; far longer on a machine busy with builds and other tests.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-drill", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task No_delivery_is_lost_when_the_embedded_host_is_killed_under_load_and_restarted()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var refused = new List<string>();
        var acknowledged = 0;
        using var host = new StandaloneProcess(_folder);

        for (var kill = 1; kill <= Kills; kill++)
        {
            await host.StartAsync(StartPatience);
            var load = new Load(host, await SignInAsync(host, "purchaser"), await SignInAsync(host, "agency1"));
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Workers).Select(w => load.RunAsync($"k{kill}w{w}", stop.Token)).ToList();

            // A random point of the load: after a random number of publishes, a random moment later, while others are on their way.
            var due = random.Next(2, 7);
            var patience = DateTime.UtcNow + StartPatience;
            while (load.Acknowledged < due && DateTime.UtcNow < patience && workers.Any(w => !w.IsCompleted))
            {
                await Task.Delay(20);
            }

            await Task.Delay(random.Next(0, 400));
            host.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            acknowledged += load.Acknowledged;
            refused.AddRange(load.Refused);
            output.WriteLine($"kill {kill} at {clock.Elapsed.TotalSeconds:F1} s: {load.Acknowledged} publishes acknowledged, {DeliveryLedger.OutboxRows(_folder)} outbox rows");
            load.Acknowledged.Should().BeGreaterThan(0, "the drill must have driven load before kill {0} (seed {1}); refusals: {2}", kill, seed, string.Join("; ", refused));
        }

        // Started once more, the host owes what the kills cut short; it settles when nothing is missing.
        await host.StartAsync(StartPatience);
        var settled = DateTime.UtcNow.AddSeconds(60);
        while (DeliveryLedger.Missing(_folder).Count > 0 && DateTime.UtcNow < settled)
        {
            await Task.Delay(250);
        }

        host.Kill();
        var missing = DeliveryLedger.Missing(_folder);
        output.WriteLine($"settled at {clock.Elapsed.TotalSeconds:F1} s (seed {seed}): {acknowledged} publishes acknowledged, " +
                         $"{DeliveryLedger.OutboxRows(_folder)} outbox rows, {missing.Count} deliveries missing");

        refused.Should().BeEmpty("no request of the load may be refused while the host serves it");
        missing.Should().BeEmpty("every consumer must have every event of its type after kills and a restart (seed {0}); missing:{1}{2}",
            seed, Environment.NewLine, string.Join(Environment.NewLine, missing.Take(20)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<string> SignInAsync(StandaloneProcess host, string user)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        return await PlatformSignIn.PasswordGrantAsync(anonymous, user, PlatformSignIn.DemoPassword);
    }

    /// <summary>
    /// Purchasers' loops until the host dies: a program (ServiceProgramCreated), a tender drafted and published
    /// (TenderPublished), amended (TenderAmended); an agency lists the open tenders meanwhile.
    /// </summary>
    private sealed class Load(StandaloneProcess host, string purchaserToken, string agencyToken)
    {
        private int _acknowledged;

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public List<string> Refused { get; } = [];

        public async Task RunAsync(string name, CancellationToken stop)
        {
            using var purchaser = new HttpClient { BaseAddress = host.BaseAddress };
            purchaser.DefaultRequestHeaders.Authorization = new("Bearer", purchaserToken);
            using var agency = new HttpClient { BaseAddress = host.BaseAddress };
            agency.DefaultRequestHeaders.Authorization = new("Bearer", agencyToken);
            try
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var programId = await purchaser.CreateProgramAsync($"Drill program {name}-{round}", "Demo District");
                    var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(25), new TimeOnly(17, 0));
                    var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(1);
                    var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
                        programId, $"Drill tender {name}-{round}", 300_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
                    await purchaser.PublishTenderAsync(tenderId);
                    Interlocked.Increment(ref _acknowledged);
                    await purchaser.AmendAsync(tenderId, new NewAmendment($"Budget revised, round {round}", BudgetCeiling: 290_000.00m));
                    await agency.OpenTendersAsync();
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The host was killed mid-request: what it acknowledged before is what counts.
            }
            catch (InvalidOperationException refusal)
            {
                // An answer that is not the expected one; after the kill an answer cannot be had at all.
                if (!stop.IsCancellationRequested && refusal.InnerException is null)
                {
                    lock (Refused)
                    {
                        Refused.Add(refusal.Message);
                    }
                }
            }
        }
    }
}
