using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracting.Scheduling;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Contracting.Tests;

/// <summary>
/// A Contracting host on a fake clock (2026-11-25 10:00 in Shanghai) with the MassTransit test harness: tests set the
/// scene by publishing Evaluation's events and run the contract clock's pass themselves.
/// </summary>
internal sealed class ContractingApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    public static readonly Guid Purchaser = Guid.NewGuid();
    public static readonly Guid Auditor = Guid.NewGuid();

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private ContractingApi(RunningHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    public FakeTimeProvider Clock { get; }

    public RunningHost Host { get; }

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    public static async Task<ContractingApi> StartAsync(Dictionary<string, string?>? values = null)
    {
        var clock = new FakeTimeProvider(Now);
        var settings = new TestSettings
        {
            TestHarness = true,
            Configure = b => b.Services.AddSingleton<TimeProvider>(clock),
            // The tests run the clock's pass themselves; the timer waits longer than any test moves the clock.
            Values = { ["Contracting:ClockCheckInterval"] = "49.00:00:00" },
        };
        foreach (var (key, value) in values ?? [])
        {
            settings.Values[key] = value;
        }

        return new ContractingApi(await TestHosts.StartAsync(settings, "contracting", ContractingModule.Module), clock);
    }

    public HttpClient Client(string role, Guid organisationId, string? language = null)
    {
        var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, organisationId));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public HttpClient PurchaserClient(string? language = null) => Client(Roles.Purchaser, Purchaser, language);

    public HttpClient AgencyClient(Guid agency) => Client(Roles.Agency, agency);

    public HttpClient AuditorClient() => Client(Roles.Auditor, Auditor);

    public static AwardConfirmed Award(Guid agency, DateOnly? start = null, DateOnly? end = null, decimal amount = 480_000.00m, Guid? program = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), program ?? Guid.NewGuid(), Purchaser, Guid.NewGuid(), agency, "Sunshine Social Work Service Centre", "PublicTender",
        amount, start ?? new DateOnly(2027, 1, 1), end ?? new DateOnly(2027, 12, 31),
        [new KpiTerms("Service hours", "hours", 2400m), new KpiTerms("Cases closed", "cases", 120m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        new DateOnly(2026, 11, 20), Now);

    /// <summary>Publishes an event into the host's bus and waits until it is consumed, without a fault.</summary>
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        await Harness.Bus.Publish(message, context => context.MessageId = NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    /// <summary>
    /// Whether a message matching <paramref name="match"/> was published, waiting up to 20 seconds: the outbox publishes
    /// after the commit, so the harness may see the bus idle before the dispatcher has sent it.
    /// </summary>
    public async Task<bool> PublishedAsync<T>(Func<T, bool> match)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await Harness.Published.Any<T>(m => match(m.Context.Message)))
            {
                return true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Publishes the award and returns the id of the contract drafted from it.</summary>
    public async Task<Guid> DraftedFromAsync(AwardConfirmed award)
    {
        await PublishAsync(award);
        var listed = await PurchaserClient().GetFromJsonAsync<JsonElement[]>($"/api/contracts?tenderId={award.TenderId}");
        return listed!.Should().ContainSingle().Subject.GetProperty("id").GetGuid();
    }

    /// <summary>A contract drafted from an award, signed by both parties and activated on its start date by the clock.</summary>
    public async Task<Guid> ActiveAsync(AwardConfirmed award)
    {
        var id = await DraftedFromAsync(award);
        (await PurchaserClient().PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        (await AgencyClient(award.AgencyId).PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        await RunClockOnAsync(award.ServiceStart);
        return id;
    }

    /// <summary>Moves the clock to 10:00 in Shanghai on <paramref name="day"/> and runs the contract clock's pass.</summary>
    public async Task RunClockOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }

        await Host.Services.GetRequiredService<ContractClock>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock to 10:00 in Shanghai on <paramref name="day"/> and runs the continuity alert clock's pass.</summary>
    public async Task<Procurement.Contracting.Continuity.Scheduling.ContinuityAlertPass> AlertsOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }

        return await Host.Services.GetRequiredService<Procurement.Contracting.Continuity.Scheduling.ContinuityAlertClock>().RunPassAsync(CancellationToken.None);
    }

    public async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonDocument.Parse(body).RootElement;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
