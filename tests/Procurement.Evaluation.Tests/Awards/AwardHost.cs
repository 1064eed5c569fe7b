using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Scheduling;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Evaluation.Tests.Hosting;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests.Awards;

/// <summary>
/// An Evaluation host on a fake clock (Wednesday 2026-11-25 10:00 in Shanghai) with the MassTransit test harness.
/// The award clock's own timer never ticks here (a 40-day interval): tests run its passes themselves.
/// </summary>
internal sealed class AwardHost : EvaluationTestHost
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
        : base(host, clock) => Settings = settings;

    public TestSettings Settings { get; }

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

    public HttpClient Client(string role, Guid organisationId, string? language = null) => ClientAs(role, organisationId, null, language);

    public static TenderPublished Tender(Guid tenderId, Guid? programId = null) => new(
        tenderId, programId ?? Guid.NewGuid(), PurchasingUnit, "Elder care, Street X", 480_000.00m, Now.AddDays(-30),
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Now.AddDays(-55), "PublicTender",
        new StaffingTerms(3, 1, 1), null,
        new EvaluationTerms([new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Service plan", "Technical", 70m)], FixedPrice: false),
        [new KpiTerms("Service hours", "hours", 2400m), new KpiTerms("People served", "people", 300m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        ["Registered social organisation"], null, new ProcurementRulesTerms(3, 5, OddPanelSize: true));

    /// <summary>Agency 1 first at 450,000.00, agency 2 second at 430,000.00; a third agency refused at compliance review.</summary>
    public static CompletedEvaluation Ranking(Guid tenderId, out Guid firstBid, out Guid secondBid)
    {
        firstBid = Guid.NewGuid();
        secondBid = Guid.NewGuid();
        var noMeans = new Dictionary<string, decimal>();
        return new CompletedEvaluation(
            tenderId, PurchasingUnit,
            [
                new RankedResult(1, firstBid, Agency1, "Sunshine Social Work Service Centre", 450_000.00m, 28.67m, noMeans, 86.67m),
                new RankedResult(2, secondBid, Agency2, "Chunhui Social Work Service Agency", 430_000.00m, 30.00m, noMeans, 80.10m),
            ],
            [new FailedBid(Guid.NewGuid(), InvalidAgency, ["No supervisor (督导) on the staffing plan"])],
            Now.AddHours(-2));
    }

    /// <summary>
    /// The award follows a completed ranking as it does in the service: in the unit of work that completes the evaluation
    /// (here one of its own, since these tests skip the panel's work), through the registered follower.
    /// </summary>
    public async Task RecommendAsync(CompletedEvaluation completed)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        await scope.ServiceProvider.GetRequiredService<IEvaluationCompletedFollower>().FollowAsync(db, completed, CancellationToken.None);
        await db.SaveChangesAsync();
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

}
