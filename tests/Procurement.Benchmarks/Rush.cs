using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Benchmarks;

/// <summary>One agency ready to bid: its token and the roster ids of its three workers.</summary>
internal sealed record Agency(int Index, Guid Id, string Token, IReadOnlyList<Guid> Workers);

/// <summary>The figures of one timed rush: the load, the bids stored for the tender, and (when asked) the database figures.</summary>
internal sealed record RushResult(LoadRun Load, int StoredBids, string Synchronous, PhaseFigures? Figures);

/// <summary>The deadline rush against one target: set up (not timed), then one bid per agency (timed).</summary>
internal sealed class Rush(Target target, HttpClient http, int concurrency)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Phase 1: agencies with a profile and three workers that meet the tender's staffing.</summary>
    public async Task<Agency[]> CreateAgenciesAsync(int first, int count)
    {
        var agencies = new Agency[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var index = first + i;
            var id = Guid.NewGuid();
            var token = TestTokens.For(target.Bidding, Roles.Agency, id, $"bench-agency-{index}", TimeSpan.FromHours(2));
            await SendAsync(HttpMethod.Put, "/api/agencies/me", token, new
            {
                name = $"Benchmark Social Work Centre {index}",
                unifiedSocialCreditCode = Identifiers.CreditCode(index),
                registrationDate = "2015-06-01",
                address = "1 Shennan Road, Futian, Shenzhen",
                contacts = new[] { new { name = "Li Ming", phone = "13800138000", email = "liming@example.org" } },
            }, ct);
            var levels = new[] { ("Intermediate", true), ("Assistant", false), ("Assistant", false) };
            var workers = new List<Guid>();
            for (var w = 0; w < levels.Length; w++)
            {
                var (level, supervisor) = levels[w];
                using var created = JsonDocument.Parse(await SendAsync(HttpMethod.Post, "/api/agencies/me/staff", token, new
                {
                    name = $"Worker {index}-{w}",
                    idNumber = Identifiers.IdNumber(index, w),
                    certificateLevel = level,
                    certificateNumber = $"S{index}-{w}",
                    isSupervisor = supervisor,
                }, ct));
                workers.Add(created.RootElement.GetProperty("id").GetGuid());
            }

            agencies[i] = new Agency(index, id, token, workers);
        });
        return agencies;
    }

    /// <summary>Publishes a tender on the Bidding host's bus (as Tendering would) and waits until Bidding has it open.</summary>
    public async Task<Guid> PublishTenderAsync(string title, TimeSpan untilDeadline)
    {
        var now = DateTimeOffset.UtcNow;
        var tender = new TenderPublished(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), title, 480_000.00m, now + untilDeadline,
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), now.AddDays(-10), "CompetitiveConsultation",
            new StaffingTerms(3, 1, 1),
            new PersonnelCostTerms(0.60m, [new PayFloorTerms("Assistant", 4500.00m), new PayFloorTerms("Intermediate", 5500.00m)]),
            new EvaluationTerms([new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Plan", "Technical", 70m)], FixedPrice: false),
            [], [], [], BidSecurity: null, new ProcurementRulesTerms(3, 3, OddPanelSize: true));
        await target.Bidding.GetRequiredService<IBus>().Publish(tender, context => context.MessageId = NewId.NextGuid());

        var waited = Stopwatch.StartNew();
        while (!await ReadAsync(db => db.OpenTenders.AnyAsync(t => t.TenderId == tender.TenderId)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Bidding did not open tender {tender.TenderId} within a minute.");
            }

            await Task.Delay(50);
        }

        return tender.TenderId;
    }

    /// <summary>
    /// Every agency submits one bid, <c>concurrency</c> at a time (<see cref="Load.DriveAsync"/>); with
    /// <paramref name="counters"/>, the database meter, the process's disk writes and Bidding's WAL are read around it.
    /// </summary>
    public async Task<RushResult> SubmitAsync(Guid tenderId, Agency[] agencies, DatabaseCounters? counters = null)
    {
        // Bodies are serialised before the clock starts: the figure is the server's, not the client's JSON.
        var bodies = agencies.Select(a => JsonSerializer.SerializeToUtf8Bytes(new { tenderId, content = Content(a, 400_000.00m + a.Index) }, Json)).ToArray();
        using var probe = counters is null ? null : PhaseFigures.Start(counters, await BiddingDatabaseAsync());
        var load = await Load.DriveAsync(http, agencies.Length, concurrency, i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/bids")
            {
                Content = new ByteArrayContent(bodies[i]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agencies[i].Token);
            return request;
        }, Code);
        var figures = probe?.Stop();

        // Every 2xx must be a row on disk: count them from a fresh connection, and say how SQLite syncs commits.
        var stored = await ReadAsync(db => db.Bids.CountAsync(b => b.TenderId == tenderId));
        var synchronous = await ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; ";
            var journal = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA synchronous;";
            var level = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            return $"journal_mode={journal}, synchronous={SqliteFile.SynchronousName(level)}";
        });
        return new RushResult(load, stored, synchronous, figures);
    }

    /// <summary>The path of Bidding's SQLite file in the target (null on another provider).</summary>
    public Task<string?> BiddingDatabaseAsync() => ReadAsync(db => Task.FromResult(SqliteFile.Of(db.Database.GetConnectionString())));

    /// <summary>Content that meets every rule (as in BidBed): activities take up the difference so the breakdown sums to the price.</summary>
    private static object Content(Agency agency, decimal price) => new
    {
        price,
        costs = new { personnel = 300_000.00m, activities = price - 340_000.00m, administration = 30_000.00m, other = 10_000.00m },
        staffing = new object[]
        {
            new { workerId = agency.Workers[0], fte = 1.0m, monthlyPay = 8_000.00m },
            new { workerId = agency.Workers[1], fte = 1.0m, monthlyPay = 6_000.00m },
            new { workerId = agency.Workers[2], fte = 0.5m, monthlyPay = 3_000.00m },
        },
        technicalProposal = $"Every isolated elder in Futian gets a named caseworker and a weekly lantern visit (agency {agency.Index}).",
    };

    /// <summary>The stable code of a refusal (its ProblemDetails <c>code</c> or <c>title</c>), or the start of an answer that is not one.</summary>
    public static string Code(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("code", out var code) ? code.ToString()
                : document.RootElement.TryGetProperty("title", out var title) ? title.ToString() : "";
        }
        catch (JsonException)
        {
            return problem.Length > 60 ? problem[..60] : problem;
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string path, string token, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {answer}");
        }

        return answer;
    }

    private async Task<T> ReadAsync<T>(Func<BiddingDb, Task<T>> read)
    {
        await using var scope = target.Bidding.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BiddingDb>());
    }
}
