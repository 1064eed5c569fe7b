using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.OpenData;
using Procurement.Tendering;
using Procurement.Tendering.Data;
using Procurement.Tendering.OpenData;
using Procurement.Testing;

namespace Procurement.Benchmarks;

/// <summary>
/// A year's OCDS bulk file of N releases: the package built in memory, as <c>GET /api/public/ocds/bulk/{year}</c> built it
/// before it streamed (every row read, parsed, packaged, serialised to one string, written), beside the streamed answer read
/// whole through HTTP. Prints the bytes each allocates (<see cref="GC.GetTotalAllocatedBytes"/>) and the highest managed
/// heap seen above the start while it runs; asserts nothing (docs/performance.md).
/// </summary>
internal static class OcdsBulkBenchmark
{
    private const int Year = 2026;

    public static async Task<int> RunAsync(int releases)
    {
        Console.WriteLine($"OCDS bulk file: {releases} releases of one year; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
            $"server GC {System.Runtime.GCSettings.IsServerGC}");
        var settings = new TestSettings();
        await using (var host = await TestHosts.StartAsync(settings, "tendering", TenderingModule.Module))
        {
            await SeedAsync(host.Services, releases);
            using var client = host.CreateClient();
            for (var round = 0; round < 2; round++)
            {
                var (inMemoryBytes, inMemoryPeak, size, inMemoryCpu, inMemoryWall) = await MeasureAsync(() => InMemoryAsync(host.Services));
                var (streamedBytes, streamedPeak, streamedSize, streamedCpu, streamedWall) = await MeasureAsync(async () =>
                {
                    using var response = await client.GetAsync($"/api/public/ocds/bulk/{Year}", HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    var counter = new CountingStream();
                    await body.CopyToAsync(counter);
                    return counter.Length;
                });
                Console.WriteLine($"round {round + 1} ({(round == 0 ? "cold" : "warm")}): in memory {Mb(inMemoryBytes)} allocated, peak heap +{Mb(inMemoryPeak)}, " +
                    $"{Mb(size)} written, {inMemoryCpu:F0} ms CPU, {inMemoryWall:F0} ms wall | streamed {Mb(streamedBytes)} allocated, " +
                    $"peak heap +{Mb(streamedPeak)}, {Mb(streamedSize)} written, {streamedCpu:F0} ms CPU, {streamedWall:F0} ms wall");
            }
        }

        settings.DeleteDataDirectory();
        return 0;
    }

    private static async Task SeedAsync(IServiceProvider services, int releases)
    {
        var clock = Stopwatch.StartNew();
        var start = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (var written = 0; written < releases;)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
            for (var i = 0; i < 2_000 && written < releases; i++, written++)
            {
                var date = start.AddMinutes(written);
                var release = Sample($"ocds-sgfw01-{Guid.CreateVersion7():D}", date);
                db.OcdsReleases.Add(new OcdsRelease
                {
                    Ocid = (string)release["ocid"]!, ReleaseId = "contract", Date = date, Year = Year, Tags = Ocds.Tags.Contract,
                    Json = release.ToJsonString(Ocds.Json),
                });
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{releases} releases written in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A contract release of the size the platform writes (about 1.5 KB), with Chinese in it.</summary>
    private static JsonObject Sample(string ocid, DateTimeOffset date)
    {
        var release = Ocds.Release(ocid, "contract", date, Ocds.Tags.Contract);
        var buyer = Ocds.Party(Guid.CreateVersion7(), "福田区民政局", "深圳市福田区", "buyer", "procuringEntity", "payer");
        var supplier = Ocds.Party(Guid.CreateVersion7(), "阳光社工服务中心", null, "tenderer", "supplier", "payee");
        release["parties"] = Ocds.Array(buyer, supplier);
        release["buyer"] = Ocds.Reference(buyer);
        release["contracts"] = Ocds.Array(new JsonObject
        {
            ["id"] = Ocds.Id(Guid.CreateVersion7()), ["awardID"] = Ocds.Id(Guid.CreateVersion7()), ["title"] = "福田区长者社会工作服务项目",
            ["status"] = "active", ["period"] = Ocds.Period(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), new DateOnly(Year + 2, 12, 31)),
            ["value"] = Ocds.Value(450_000m), ["dateSigned"] = OcdsPackage.OcdsDate(date),
            ["documents"] = Ocds.Array(new JsonObject
            {
                ["id"] = "contract", ["documentType"] = "contractSigned", ["title"] = "合同公告 Contract announcement",
                ["url"] = "https://procurement.example/public/contracts/0", ["datePublished"] = OcdsPackage.OcdsDate(date), ["format"] = "text/html",
            }),
        });
        return release;
    }

    /// <summary>What the endpoint did before it streamed, less HTTP: the rows in a list, one package, one string, its bytes.</summary>
    private static async Task<long> InMemoryAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
        var rows = await db.OcdsReleases.AsNoTracking().Where(r => r.Year == Year).OrderBy(r => r.Date).ThenBy(r => r.Sequence).ToListAsync();
        var publisher = new OcdsPublisher("政府购买社会工作服务平台 Procurement", new Uri("https://procurement.example"), null, null, []);
        var text = OcdsPackage.ReleasePackage(new Uri($"https://procurement.example/api/public/ocds/bulk/{Year}"), DateTimeOffset.UtcNow, publisher,
            rows.Select(r => r.Parse())).ToJsonString(Ocds.Json);
        var bytes = Encoding.UTF8.GetBytes(text);
        await Stream.Null.WriteAsync(bytes);
        return bytes.Length;
    }

    /// <summary>
    /// One run's bytes allocated, highest heap above the start, size written, and the process's CPU and wall milliseconds
    /// (the CPU figure includes the 2 ms heap sampler, a few ms per second of wall time).
    /// </summary>
    private static async Task<(long Allocated, long PeakHeap, long Size, double CpuMs, double WallMs)> MeasureAsync(Func<Task<long>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
                await Task.Delay(2, CancellationToken.None);
            }
        }, CancellationToken.None);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var size = await run();
        var wallMs = wall.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await stop.CancelAsync();
        await sampler;
        return (allocated, peak, size, cpuMs, wallMs);
    }

    private static string Mb(long bytes) => $"{bytes / 1024d / 1024d:F1} MB";

    /// <summary>A sink that only counts what it is given.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
