using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Identity;
using Procurement.Contracts.OpenData;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.OpenData;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Data;
using Procurement.Tendering.OpenData;
using Procurement.Testing;
using Procurement.Testing.Ocds;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 18 item 2, the backfill: a process that changed before the open data read its changes gets its releases after an
/// upgrade, from the history every service sends once (each event with its own message id), written in the order the
/// changes happened whichever service's history arrives first, and only once every history is complete. A change that
/// arrives before its contract is announced waits, and is written once the contract is. Nothing is written twice.
/// </summary>
public sealed class Open_data_backfill : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private static readonly Guid Winner = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly DateTimeOffset Opened = new(2027, 3, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// A host whose backfill runs only when a test runs a pass (and once at start): its clock job's own tick would write
    /// the backlog between a test's steps on a slow machine, and the passes' counts are what the tests read.
    /// </summary>
    private Task<RunningHost> StartAsync() => TestHosts.StartAsync(
        new TestSettings
        {
            TestHarness = true,
            DataDirectory = _dataDirectory,
            KeepDataDirectory = true,
            Values = { ["OpenData:BackfillInterval"] = ClockJob.LongestInterval.ToString() },
        },
        "tendering", TenderingModule.Module);

    private ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();

    private OpenDataBackfill Backfill => _host.Services.GetRequiredService<OpenDataBackfill>();

    private static string Ocid(Guid id) => $"ocds-sgfw01-{id:D}";

    [Fact]
    public async Task A_process_that_changed_before_the_open_data_gets_its_releases_in_order_once_every_history_is_complete()
    {
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);
        var awardId = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        var bid = new OpenedBid(Guid.NewGuid(), Winner, "阳光社工服务中心", "91440300MA5XXXXXX0", 1, Opened.AddDays(-1), 450_000m, new string('a', 64),
            new OpenedCosts(315_000m, 90_000m, 45_000m, 0m), new OpenedStaffingPlan(3, 1, 1, 5m, 0.7m, []), "方案", false, [], null);
        var signed = Opened.AddDays(14);

        // The history of each service, as its outbox kept it: sent in the worst order, a contract's payment first.
        await HistoryAsync("disbursement",
            Past(new InstalmentPaid(Guid.NewGuid(), contractId, Guid.NewGuid(), Winner, PurchasingUnit, 144_000m, new DateOnly(2027, 4, 5), 4, false, Opened.AddDays(20)), Opened.AddDays(20)));
        await HistoryAsync("contracting",
            Past(new ContractSigned(contractId, tenderId, Guid.NewGuid(), PurchasingUnit, Winner, 450_000m, new DateOnly(2027, 4, 1),
                new DateOnly(2028, 3, 31), [], 30, null, false, signed, awardId, new DateOnly(2030, 3, 31), "阳光社工服务中心"), signed),
            Past(new ContractStateChanged(contractId, Guid.NewGuid(), PurchasingUnit, Winner, "Suspend", "Active", "Suspended", "服务场地维修",
                Guid.NewGuid(), Opened.AddDays(30)), Opened.AddDays(30)),
            Past(new ContractAmended(contractId, 2, "scope", "增加服务对象 20 人", 480_000m, new DateOnly(2028, 3, 31), null, Opened.AddDays(40)), Opened.AddDays(40)));
        await HistoryAsync("evaluation",
            Past(new AwardPublished(tenderId, awardId, bid.BidId, Winner, "阳光社工服务中心", 450_000m, new DateOnly(2027, 3, 31), Opened.AddDays(3),
                [new RankedBid(1, bid.BidId, Winner, "阳光社工服务中心", 450_000m, 30.00m, 86.67m)]), Opened.AddDays(3)),
            Past(new AwardConfirmed(tenderId, awardId, Guid.NewGuid(), PurchasingUnit, Guid.NewGuid(), Winner, "阳光社工服务中心", "PublicTender",
                450_000m, new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), [], [], new DateOnly(2027, 3, 26), Opened.AddDays(12)), Opened.AddDays(12)),
            Past(new PerformanceEvaluated(Guid.NewGuid(), contractId, Guid.NewGuid(), Winner, "MidTerm", 86.5m, "Good", true, Opened.AddDays(200), Evaluator), Opened.AddDays(200)));

        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(0, "bidding and identity have not sent their history yet");
        (await ReleasesAsync(ocid, 1)).Should().ContainSingle("nothing is written before every history is complete");
        IReadOnlyList<string> incomplete = [];
        await Poll.UntilAsync(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScope();
            incomplete = await OpenDataBackfill.IncompleteSourcesAsync(scope.ServiceProvider.GetRequiredService<TenderingDb>(), CancellationToken.None);
            return !incomplete.Contains("tendering");
        }, "the host's own (empty) history", TimeSpan.FromSeconds(30));
        incomplete.Should().Equal("bidding", "identity");

        await HistoryAsync("bidding", Past(new BidsOpened(tenderId, PurchasingUnit, Opened, [bid], []), Opened));
        await HistoryAsync("identity", Past(new AgencyRegistered(Winner, "阳光社工服务中心", "91440300MA5XXXXXX0", "深圳市民政局", "李敏",
            new DateOnly(2015, 6, 1), "深圳市福田区", "王芳", "0755-00000000", "office@example.org", Opened.AddDays(-30)), Opened.AddDays(-30)));
        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(9);

        var releases = await ReleasesAsync(ocid, 9);
        releases.Select(r => (string)r["id"]!).Should().Equal(
            "tender", "opening", $"award-{awardId:D}", $"award-{awardId:D}-confirmed", $"contract-{contractId:D}-signed",
            $"payment-{(string)releases[5]["contracts"]![0]!["implementation"]!["transactions"]![0]!["id"]!}",
            (string)releases[6]["id"]!, $"contract-{contractId:D}-v2",
            $"evaluation-{(string)releases[8]["contracts"]![0]!["implementation"]!["milestones"]![0]!["id"]!}");
        ((string)releases[6]["id"]!).Should().StartWith($"contract-{contractId:D}-contractSuspended-");
        foreach (var release in releases)
        {
            OcdsConformance.CheckRelease(release).Should().BeEmpty($"release {release["id"]} follows OCDS 1.1.5");
        }

        var compiled = (await RecordAsync(ocid))["compiledRelease"]!;
        compiled.ToJsonString().Should().Be(OcdsMerge.CompiledRelease(releases).ToJsonString(), "the record is its releases merged");
        ((string)compiled["contracts"]![0]!["awardID"]!).Should().Be(awardId.ToString("D"));
        ((decimal)compiled["contracts"]![0]!["value"]!["amount"]!).Should().Be(480_000m);
        ((string)compiled["awards"]![0]!["status"]!).Should().Be("active");
        var winner = compiled["parties"]!.AsArray().Single(p => (string)p!["id"]! == Winner.ToString("D"))!;
        ((string)winner["name"]!).Should().Be("阳光社工服务中心");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<TenderingDb>().OcdsBacklog.CountAsync()).Should().Be(0, "every change was written");
        }

        // A history sent again (a second run after a crash) writes nothing twice.
        await HistoryAsync("disbursement",
            Past(new InstalmentPaid(Guid.NewGuid(), contractId, Guid.NewGuid(), Winner, PurchasingUnit, 144_000m, new DateOnly(2027, 4, 5), 4, false, Opened.AddDays(20)), Opened.AddDays(20)));
        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(1, "a payment the history did not hold before");
        (await ReleasesAsync(ocid, 10)).Should().HaveCount(10);
    }

    [Fact]
    public async Task A_change_that_arrives_before_its_contract_waits_and_is_written_once_the_contract_is_announced()
    {
        await EveryHistoryEmptyAsync();
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);
        var contractId = Guid.NewGuid();
        var paymentId = Guid.NewGuid();

        await PublishAsync(new InstalmentPaid(paymentId, contractId, Guid.NewGuid(), Winner, PurchasingUnit, 144_000m, new DateOnly(2027, 4, 5), 4, false, Opened.AddDays(20)));
        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(0, "the contract is not announced");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var waiting = await scope.ServiceProvider.GetRequiredService<TenderingDb>().OcdsBacklog.SingleAsync();
            waiting.State.Should().Be(OcdsBacklogState.Waiting);
            waiting.WaitsFor.Should().Be(contractId);
        }

        await PublishAsync(new ContractSigned(contractId, tenderId, Guid.NewGuid(), PurchasingUnit, Winner, 450_000m, new DateOnly(2027, 4, 1),
            new DateOnly(2028, 3, 31), [], 30, null, false, Opened.AddDays(14), Guid.NewGuid(), new DateOnly(2030, 3, 31), "阳光社工服务中心"));
        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(1);
        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(0, "written once");
        var releases = await ReleasesAsync(ocid, 3);
        releases.Select(r => (string)r["id"]!).Should().Equal("tender", $"contract-{contractId:D}-signed", $"payment-{paymentId:D}");
    }

    [Fact]
    public async Task A_history_that_repeats_what_the_open_data_read_live_writes_nothing_twice()
    {
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);
        var contractId = Guid.NewGuid();
        var signature = new ContractSigned(contractId, tenderId, Guid.NewGuid(), PurchasingUnit, Winner, 450_000m, new DateOnly(2027, 4, 1),
            new DateOnly(2028, 3, 31), [], 30, null, false, Opened.AddDays(14), Guid.NewGuid(), new DateOnly(2030, 3, 31), "阳光社工服务中心");
        var suspension = new ContractStateChanged(contractId, Guid.NewGuid(), PurchasingUnit, Winner, "Suspend", "Active", "Suspended", "服务场地维修",
            Guid.NewGuid(), Opened.AddDays(30));
        var signatureId = await PublishAsync(signature);
        var suspensionId = await PublishAsync(suspension);
        await ReleasesAsync(ocid, 3);

        await EveryHistoryEmptyAsync(except: "contracting");
        await HistoryAsync("contracting", Past(signature, signature.SignedAt, signatureId), Past(suspension, suspension.OccurredAt, suspensionId));
        await HistoryAsync("contracting", Past(signature, signature.SignedAt, signatureId), Past(suspension, suspension.OccurredAt, suspensionId));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<TenderingDb>().OcdsBacklog.CountAsync()).Should().Be(0, "the open data read both live");
        }

        (await Backfill.RunOnceAsync(CancellationToken.None)).Should().Be(0);
        (await ReleasesAsync(ocid, 3)).Select(r => (string)r["id"]!).Should().Equal(
            "tender", $"contract-{contractId:D}-signed", $"contract-{contractId:D}-contractSuspended-{suspensionId:D}");
    }

    [Fact]
    public async Task After_an_upgrade_the_service_sends_its_history_once_each_event_with_its_own_message_id()
    {
        var tenderId = await PublishedTenderAsync();
        await ReleasesAsync(Ocid(tenderId), 1);
        (await SentAsync<OpenDataHistoryEnd>()).Should().ContainSingle().Which.Should().Match<OpenDataHistoryEnd>(
            end => end.Source == "tendering" && end.Version == OpenDataFeeds.HistoryVersion && end.Parts == 0,
            "the first start had no history to send");
        Guid published;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            // The data folder as a version before the backfill left it: no history sent.
            var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
            published = await db.OutboxMessages.Where(m => m.MessageType == OutboxMessage.TypeName(typeof(Contracts.Tendering.TenderPublished)))
                .Select(m => m.Id).SingleAsync();
            await db.OutboxMessages.Where(m => m.MessageType == OutboxMessage.TypeName(typeof(OpenDataHistoryEnd))).ExecuteDeleteAsync();
        }

        await _host.App.StopAsync();
        await _host.DisposeAsync();
        _host = await StartAsync();

        var part = (await SentAsync<OpenDataHistoryPart>()).Should().ContainSingle().Subject;
        part.Source.Should().Be("tendering");
        var past = part.Events.Should().ContainSingle().Subject;
        past.MessageId.Should().Be(published);
        OutboxContext.ReadEvent(past.Payload, typeof(Contracts.Tendering.TenderPublished)).Should().BeOfType<Contracts.Tendering.TenderPublished>()
            .Which.TenderId.Should().Be(tenderId);
        var end = (await SentAsync<OpenDataHistoryEnd>()).Should().ContainSingle().Subject;
        (end.RunId, end.Parts, end.Events).Should().Be((part.RunId, 1, 1));
        var sender = _host.Services.GetRequiredService<OpenDataHistorySender<TenderingDb>>();
        (await sender.SendAsync(CancellationToken.None)).Should().Be(0, "the history is sent once");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<TenderingDb>().OcdsBacklog.CountAsync()).Should().Be(0, "the tender's release was written live");
        }
    }

    /// <summary>What the host published of <typeparamref name="T"/>, once it published any: the sender runs after the host started.</summary>
    private async Task<T[]> SentAsync<T>()
        where T : class
    {
        T[] sent = [];
        await Poll.UntilAsync(async () => (sent = await _host.Services.PublishedAsync<T>()).Length > 0, $"the host's {typeof(T).Name}", TimeSpan.FromSeconds(30));
        return sent;
    }

    /// <summary>An event as a service's outbox kept it, raised at <paramref name="at"/>.</summary>
    private static PastEvent Past<T>(T message, DateTimeOffset at, Guid? messageId = null)
        where T : class =>
        new(messageId ?? NewId.NextGuid(), OutboxMessage.TypeName(typeof(T)), OutboxContext.WriteEvent(message), at);

    /// <summary>One service's history, in one part, and its end; taken once the open data recorded the end.</summary>
    private async Task HistoryAsync(string source, params PastEvent[] events)
    {
        var runId = Guid.NewGuid();
        await TakenAsync(new OpenDataHistoryPart(source, runId, 1, events, DateTimeOffset.UtcNow));
        await TakenAsync(new OpenDataHistoryEnd(source, runId, OpenDataFeeds.HistoryVersion, 1, events.Length, DateTimeOffset.UtcNow));
    }

    /// <summary>Every service's history ended with nothing in it (tendering's own is sent by the host).</summary>
    private async Task EveryHistoryEmptyAsync(string? except = null)
    {
        foreach (var source in OpenDataFeeds.BySource.Keys.Where(s => s != "tendering" && s != except))
        {
            await TakenAsync(new OpenDataHistoryEnd(source, Guid.NewGuid(), OpenDataFeeds.HistoryVersion, 0, 0, DateTimeOffset.UtcNow));
        }
    }

    private Task<Guid> PublishAsync<T>(T message)
        where T : class => TakenAsync(message);

    private async Task<Guid> TakenAsync<T>(T message)
        where T : class
    {
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        await Poll.UntilAsync(async () =>
        {
            using var scope = _host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
            return await db.InboxMessages.AnyAsync(m => m.MessageId == id && EF.Functions.Like(m.Consumer, "%.OpenData.%"));
        }, $"the open data takes the {typeof(T).Name}", TimeSpan.FromSeconds(60));
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
        return id;
    }

    private async Task<Guid> PublishedTenderAsync()
    {
        var purchaser = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Purchaser, PurchasingUnit));
        var programId = (await Json(await purchaser.PostAsJsonAsync("/api/programs",
            new { name = "福田长者服务", region = "深圳市福田区", serviceDomain = "Elderly", activeFrom = "2026-01-01" })))["id"]!.GetValue<Guid>();
        var id = (await Json(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId))))["id"]!.GetValue<Guid>();
        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    private Task<IReadOnlyList<JsonObject>> ReleasesAsync(string ocid, int count) => OpenDataReads.ReleasesAsync(_host, ocid, count);

    private Task<JsonNode> RecordAsync(string ocid) => OpenDataReads.RecordAsync(_host, ocid);

    private static Task<JsonObject> Json(HttpResponseMessage response) => OpenDataReads.JsonAsync(response);
}
