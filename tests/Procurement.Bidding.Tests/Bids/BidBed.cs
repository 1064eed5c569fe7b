using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// A Bidding host with one published tender (ceiling 480,000.00; three certified workers, one intermediate or
/// above, one supervisor; personnel at least 60%) and agencies that can bid on it over HTTP.
/// </summary>
internal sealed class BidBed : IAsyncDisposable
{
    public const string CodeA = "52440305MJL100017G";
    public const string CodeB = "52440305MJL100025B";
    public const string Proposal = "Every isolated elder in Futian gets a named caseworker and a weekly lantern visit.";

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private BidBed(BiddingApi api) => Api = api;

    public BiddingApi Api { get; }

    public Guid PurchaserId { get; } = Guid.NewGuid();

    public TenderPublished Tender { get; private set; } = null!;

    public DateTimeOffset Deadline => Tender.BidDeadline;

    /// <inheritdoc cref="BiddingApi.StartAsync"/>
    public static async Task<BidBed> StartAsync(IReadOnlyDictionary<string, string?>? values = null, string? dataDirectory = null)
    {
        var bed = new BidBed(await BiddingApi.StartAsync(values, dataDirectory));
        bed.Tender = bed.NewTender("Elderly care in Futian 2027");
        await bed.SendAsync(bed.Tender);
        return bed;
    }

    public TenderPublished NewTender(string title) => new(
        Guid.NewGuid(), Guid.NewGuid(), PurchaserId, title, 480_000.00m, BiddingApi.Now.AddDays(10), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
        BiddingApi.Now.AddDays(-10), "CompetitiveConsultation",
        new StaffingTerms(3, 1, 1),
        new PersonnelCostTerms(0.60m, [new PayFloorTerms("Assistant", 4500.00m), new PayFloorTerms("Intermediate", 5500.00m)]),
        new EvaluationTerms([new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Plan", "Technical", 70m)], FixedPrice: false),
        [], [], [], BidSecurity: null, new ProcurementRulesTerms(3, 3, OddPanelSize: true));

    public async Task SendAsync<T>(T message)
        where T : class
    {
        var harness = Api.Host.Services.GetRequiredService<ITestHarness>();
        if (_sent == 0)
        {
            harness.Bus.ConnectConsumeObserver(_deliveries);
        }

        await harness.Bus.Publish(message, context => context.MessageId = NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    /// <summary>A registered agency with three workers that meet the tender's staffing; their roster ids in order.</summary>
    public async Task<Bidder> AgencyAsync(string code, params string[] idNumbers)
    {
        var id = Guid.NewGuid();
        var client = await Api.RegisteredAgencyAsync(id, code);
        var levels = new[] { ("Intermediate", true), ("Assistant", false), ("Assistant", false) };
        var workers = new List<Guid>();
        for (var i = 0; i < idNumbers.Length; i++)
        {
            var (level, supervisor) = levels[i];
            var response = await client.PostAsJsonAsync("/api/agencies/me/staff", new
            {
                name = $"Worker {code[^3..]}-{i}",
                idNumber = idNumbers[i],
                certificateLevel = level,
                certificateNumber = $"S{i}{code[^4..]}",
                isSupervisor = supervisor,
            });
            response.EnsureSuccessStatusCode();
            workers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        return new Bidder(id, client, workers);
    }

    /// <summary>Content that meets every rule; activities take up the difference so the breakdown sums to the price.</summary>
    public static object Content(Bidder bidder, decimal price, decimal firstFte = 1.0m, string proposal = Proposal) => new
    {
        price,
        costs = new { personnel = 300_000.00m, activities = price - 340_000.00m, administration = 30_000.00m, other = 10_000.00m },
        staffing = new object[]
        {
            new { workerId = bidder.Workers[0], fte = firstFte, monthlyPay = 8_000.00m },
            new { workerId = bidder.Workers[1], fte = 1.0m, monthlyPay = 6_000.00m },
            new { workerId = bidder.Workers[2], fte = 0.5m, monthlyPay = 3_000.00m },
        },
        technicalProposal = proposal,
    };

    public Task<HttpResponseMessage> SubmitAsync(Bidder bidder, decimal price, Guid? tenderId = null, decimal firstFte = 1.0m) =>
        bidder.Client.PostAsJsonAsync("/api/bids", new { tenderId = tenderId ?? Tender.TenderId, content = Content(bidder, price, firstFte) });

    public async Task<JsonElement> SubmittedAsync(Bidder bidder, decimal price)
    {
        var response = await SubmitAsync(bidder, price);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public HttpClient Client(string role, Guid? organisationId = null) => Api.Client(role, organisationId ?? Guid.NewGuid());

    public HttpClient Purchaser() => Client(Roles.Purchaser, PurchaserId);

    public T Db<T>(Func<BiddingDb, T> read)
    {
        using var scope = Api.Host.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<BiddingDb>());
    }

    /// <summary>Every byte of the SQLite files (database, WAL and shared memory), as Latin-1 text to search in.</summary>
    public Task<string> DatabaseBytesAsync() => SqliteFiles.BytesAsync(Api.Settings.DataDirectory, "bidding.db");

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

internal sealed record Bidder(Guid Id, HttpClient Client, IReadOnlyList<Guid> Workers);
