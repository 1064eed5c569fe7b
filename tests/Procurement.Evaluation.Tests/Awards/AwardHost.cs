using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Scheduling;
using Procurement.Evaluation.Data;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests.Awards;

/// <summary>
/// An Evaluation host on a fake clock (Wednesday 2026-11-25 10:00 in Shanghai) with the MassTransit test harness.
/// The award clock's own timer never ticks here (a 40-day interval): tests run its passes themselves.
/// </summary>
internal sealed class AwardHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static readonly Guid PurchasingUnit = Guid.NewGuid();
    public static readonly Guid Agency1 = Guid.NewGuid();
    public static readonly Guid Agency2 = Guid.NewGuid();
    public static readonly Guid InvalidAgency = Guid.NewGuid();
    public static readonly Guid Stranger = Guid.NewGuid();
    public static readonly Guid Auditor = Guid.NewGuid();
    public static readonly Guid Evaluator = Guid.NewGuid();

    private AwardHost(RunningHost host, FakeTimeProvider clock, TestSettings settings)
    {
        Host = host;
        Clock = clock;
        Settings = settings;
    }

    public RunningHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public TestSettings Settings { get; }

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    public AwardConfirmer Confirmer => Host.Services.GetRequiredService<AwardConfirmer>();

    public static async Task<AwardHost> StartAsync(FakeTimeProvider? clock = null, string? dataDirectory = null, bool keepData = false)
    {
        clock ??= new FakeTimeProvider(Now);
        var settings = new TestSettings
        {
            TestHarness = true,
            DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N")),
            KeepDataDirectory = keepData,
            Values = { ["Evaluation:AwardCheckInterval"] = "40.00:00:00" },
            Configure = b => b.Services.AddSingleton<TimeProvider>(clock),
        };
        return new AwardHost(await TestHosts.StartAsync(settings, "evaluation", EvaluationModule.Module), clock, settings);
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

    /// <summary>Publishes into the host's bus and waits until the named consumer has taken it, with no fault.</summary>
    public async Task PublishAsync<TConsumer, TMessage>(TMessage message)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        // The idempotent inbox records the message id with the consumer in the same transaction as its effect.
        var consumer = typeof(TConsumer).FullName!;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer))
                {
                    return;
                }
            }

            var faults = Harness.Published.Select<Fault<TMessage>>().Where(f => f.Context.Message.FaultedMessageId == messageId)
                .SelectMany(f => f.Context.Message.Exceptions).Select(e => e.Message).ToList();
            faults.Should().BeEmpty($"{typeof(TConsumer).Name} should take the {typeof(TMessage).Name}");
            DateTime.UtcNow.Should().BeBefore(until, $"{typeof(TConsumer).Name} should take the {typeof(TMessage).Name} within 20 s");
            await Task.Delay(20);
        }
    }

    public static TenderPublished Tender(Guid tenderId, Guid? programId = null) => new(
        tenderId, programId ?? Guid.NewGuid(), PurchasingUnit, "Elder care, Street X", 480_000.00m, Now.AddDays(-30),
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Now.AddDays(-55), "PublicTender",
        new StaffingTerms(3, 1, 1), null,
        new EvaluationTerms([new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Service plan", "Technical", 70m)], FixedPrice: false),
        [new KpiTerms("Service hours", "hours", 2400m), new KpiTerms("People served", "people", 300m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        ["Registered social organisation"], null, new ProcurementRulesTerms(3, 5, OddPanelSize: true));

    /// <summary>Agency 1 first at 450,000.00, agency 2 second at 430,000.00; a third agency refused at compliance review.</summary>
    public static EvaluationCompleted Ranking(Guid tenderId, out Guid firstBid, out Guid secondBid)
    {
        firstBid = Guid.NewGuid();
        secondBid = Guid.NewGuid();
        return new EvaluationCompleted(
            tenderId, PurchasingUnit,
            [
                new RankedBid(1, firstBid, Agency1, "Sunshine Social Work Service Centre", 450_000.00m, 28.67m, 86.67m),
                new RankedBid(2, secondBid, Agency2, "Chunhui Social Work Service Agency", 430_000.00m, 30.00m, 80.10m),
            ],
            firstBid, Agency1,
            [new InvalidBid(Guid.NewGuid(), InvalidAgency, ["No supervisor (督导) on the staffing plan"])],
            Now.AddHours(-2));
    }

    public static ContractActivated Contract(Guid contractId, Guid? agencyId = null, IReadOnlyList<KpiTerms>? kpis = null) => new(
        contractId, Guid.NewGuid(), Guid.NewGuid(), PurchasingUnit, agencyId ?? Agency1, Guid.NewGuid(), 450_000.00m,
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
        kpis ?? [new KpiTerms("Service hours", "hours", 2400m), new KpiTerms("People served", "people", 300m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        null, Now);

    /// <summary>The outbox sends after commit, in the background: wait until it has sent everything, then ask the harness.</summary>
    public async Task<bool> PublishedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : class
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            if (!await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null))
            {
                break;
            }

            await Task.Delay(20);
        }

        return await Harness.Published.Any<TEvent>(m => match(m.Context.Message));
    }

    /// <summary>How many events of this type the host's outbox holds (sent or not).</summary>
    public async Task<int> OutboxCountAsync<TEvent>()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        var type = typeof(TEvent).FullName + ",";
        return await db.OutboxMessages.CountAsync(m => m.MessageType.StartsWith(type));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
