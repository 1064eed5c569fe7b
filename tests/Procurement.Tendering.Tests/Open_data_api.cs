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
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.OpenData;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.OpenData;
using Procurement.Testing;
using Procurement.Testing.Ocds;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 18 item 2: the open data. One OCDS 1.1.5 release per public change of a process, taken from the event that
/// announced it: the tender (and a draft never), the opening, the award and its confirmation, the signed contract with
/// its three-year cap, an amendment, a payment, a performance evaluation (the evaluator extension), the end, and a direct
/// renewal that is a process of its own linked both ways. Every release and package passes the standard's schema and
/// codelists; a process's record is its releases merged. Issue 18 items 1–2: the bids (the Bid statistics and details
/// extension) with their prices from the opening, and with the ranking and its scores (the evaluator extension) from
/// the result announcement, never before.
/// </summary>
public sealed class Open_data_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly Guid Winner = Guid.NewGuid();
    private static readonly Guid Loser = Guid.NewGuid();
    private static readonly Guid Refused = Guid.NewGuid();
    private static readonly Guid Actor = Guid.NewGuid();
    private static readonly DateTimeOffset Opened = new(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private RunningHost _host = null!;

    /// <summary>Two releases a batch, so that a year's bulk file of a few releases is read across several batches.</summary>
    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings { TestHarness = true, DataDirectory = _dataDirectory, Values = { ["OpenData:BulkBatchSize"] = "2" } },
        "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();

    private HttpClient Purchaser() => _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Purchaser, PurchasingUnit));

    private static string Ocid(Guid id) => $"ocds-sgfw01-{id:D}";

    [Fact]
    public async Task A_process_from_tender_to_renewal_is_a_release_per_public_change_and_its_record_is_their_merge()
    {
        await PublishAsync(new OrganisationsListed(
            [new ListedOrganisation(PurchasingUnit, "福田区民政局", "PurchasingUnit", "深圳市福田区", "440304"),
             new ListedOrganisation(Evaluator, "深圳市社会工作评估中心", "EvaluationOrganisation", null, null)], DateTimeOffset.UtcNow));
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);

        var awardId = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        var successorId = Guid.NewGuid();
        var (opened, ranking) = ThreeBidsRankedTwo();
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Opened, opened, []));
        await PublishAsync(Award(tenderId, awardId, ranking));
        await PublishAsync(new AwardConfirmed(tenderId, awardId, Guid.NewGuid(), PurchasingUnit, Guid.NewGuid(), Winner, "阳光社工服务中心", "PublicTender",
            450_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), [], [], new DateOnly(2026, 12, 23), Opened.AddDays(12)));
        await PublishAsync(new ContractSigned(contractId, tenderId, Guid.NewGuid(), PurchasingUnit, Winner, 450_000m, new DateOnly(2027, 1, 1),
            new DateOnly(2027, 12, 31), [], 30, null, false, Opened.AddDays(14), awardId, new DateOnly(2029, 12, 31), "阳光社工服务中心"));
        await PublishAsync(new ContractAmended(contractId, 2, "scope", "增加服务对象 20 人", 480_000m, new DateOnly(2027, 12, 31), null, Opened.AddDays(40)));
        await PublishAsync(new InstalmentPaid(Guid.NewGuid(), contractId, Guid.NewGuid(), Winner, PurchasingUnit, 144_000m, new DateOnly(2027, 1, 5), 4, false, Opened.AddDays(20)));
        await PublishAsync(new PerformanceEvaluated(Guid.NewGuid(), contractId, Guid.NewGuid(), Winner, "MidTerm", 86.5m, "Good", true, Opened.AddDays(200), Evaluator));
        await PublishAsync(new ContractSigned(successorId, null, Guid.NewGuid(), PurchasingUnit, Winner, 480_000m, new DateOnly(2028, 1, 1),
            new DateOnly(2028, 12, 31), [], 30, contractId, true, Opened.AddDays(330), null, new DateOnly(2029, 12, 31), "阳光社工服务中心"));
        await PublishAsync(new ContractEnded(contractId, Guid.NewGuid(), Winner, null, "Completed", null, null, Opened.AddDays(376)));

        var releases = await ReleasesAsync(ocid, 10);
        releases.Select(r => (string)r["id"]!).Should().Equal(
            "tender", "opening", $"award-{awardId:D}", $"award-{awardId:D}-confirmed", $"contract-{contractId:D}-signed",
            $"payment-{releases[5]["contracts"]![0]!["implementation"]!["transactions"]![0]!["id"]}", $"contract-{contractId:D}-v2",
            $"evaluation-{releases[7]["contracts"]![0]!["implementation"]!["milestones"]![0]!["id"]}", $"renewal-{successorId:D}",
            $"contract-{contractId:D}-completed");
        foreach (var release in releases)
        {
            OcdsConformance.CheckRelease(release).Should().BeEmpty($"release {release["id"]} follows OCDS 1.1.5");
        }

        var record = await RecordAsync(ocid);
        var compiled = record["compiledRelease"]!;
        compiled.ToJsonString().Should().Be(OcdsMerge.CompiledRelease(releases).ToJsonString(), "the record is its releases merged");
        ((string)compiled["tender"]!["status"]!).Should().Be("complete");
        ((int)compiled["tender"]!["numberOfTenderers"]!).Should().Be(3);
        var bids = compiled["bids"]!["details"]!.AsArray();
        bids.Select(b => ((string)b!["id"]!, (string)b["status"]!, (decimal)b["value"]!["amount"]!, (string)b["date"]!)).Should().Equal(
            opened.Select(b => (b.BidId.ToString("D"), b.AgencyId == Refused ? "disqualified" : "valid", b.Price, OcdsPackage.OcdsDate(b.SubmittedAt))),
            "the opening's bids, merged by id with the result's statuses");
        bids.Select(b => (int?)b!["evaluation"]?["rank"]).Should().Equal(1, 2, null);
        ((string)compiled["awards"]![0]!["relatedBid"]!).Should().Be((string)bids[0]!["id"]!);
        compiled["bids"]!["statistics"]!.AsArray().Select(s => ((string)s!["measure"]!, (int)s["value"]!)).Should().Equal(("bids", 3), ("validBids", 2));
        ((string)compiled["awards"]![0]!["status"]!).Should().Be("active");
        var contract = compiled["contracts"]![0]!;
        ((string)contract["awardID"]!).Should().Be(awardId.ToString("D"));
        ((decimal)contract["value"]!["amount"]!).Should().Be(480_000m, "the amendment's amount");
        ((string)contract["period"]!["maxExtentDate"]!).Should().Be("2029-12-31T23:59:59+08:00");
        ((string)contract["status"]!).Should().Be("terminated");
        contract["amendments"]!.AsArray().Should().ContainSingle();
        contract["implementation"]!["transactions"]!.AsArray().Should().ContainSingle();
        ((string)contract["implementation"]!["milestones"]![0]!["evaluation"]!["grade"]!).Should().Be("Good");
        var parties = compiled["parties"]!.AsArray().ToDictionary(p => (string)p!["id"]!, p => p!);
        ((string)parties[PurchasingUnit.ToString("D")]["name"]!).Should().Be("福田区民政局");
        parties[PurchasingUnit.ToString("D")]["roles"]!.AsArray().Select(r => (string)r!).Should().Equal("buyer", "procuringEntity", "payer");
        parties[Winner.ToString("D")]["roles"]!.AsArray().Select(r => (string)r!).Should().Equal("tenderer", "supplier", "payee");
        parties[Loser.ToString("D")]["roles"]!.AsArray().Select(r => (string)r!).Should().Equal("tenderer");
        parties[Refused.ToString("D")]["roles"]!.AsArray().Select(r => (string)r!).Should().Equal("tenderer");
        ((string)parties[Evaluator.ToString("D")]["name"]!).Should().Be("深圳市社会工作评估中心");
        ((string)compiled["relatedProcesses"]![0]!["identifier"]!).Should().Be(Ocid(successorId));
        compiled["relatedProcesses"]![0]!["relationship"]!.AsArray().Select(r => (string)r!).Should().Equal("renewalProcess");

        var renewal = (await RecordAsync(Ocid(successorId)))["compiledRelease"]!;
        ((string)renewal["tender"]!["procurementMethod"]!).Should().Be("direct");
        ((string)renewal["contracts"]![0]!["awardID"]!).Should().Be((string)renewal["awards"]![0]!["id"]!);
        ((string)renewal["relatedProcesses"]![0]!["identifier"]!).Should().Be(ocid);
        renewal["relatedProcesses"]![0]!["relationship"]!.AsArray().Select(r => (string)r!).Should().Equal("prior");
        parties = renewal["parties"]!.AsArray().ToDictionary(p => (string)p!["id"]!, p => p!);
        parties[Winner.ToString("D")]["roles"]!.AsArray().Select(r => (string)r!).Should().Equal("supplier", "payee");
    }

    [Fact]
    public async Task Prices_come_out_with_the_opening_and_the_ranking_with_its_scores_with_the_result_never_before()
    {
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        var tender = (await ReleasesAsync(ocid, 1)).Single();
        tender.ContainsKey("bids").Should().BeFalse("no bid is public before the opening");

        var (opened, ranking) = ThreeBidsRankedTwo();
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Opened, opened, []));
        var opening = (await ReleasesAsync(ocid, 2))[1];
        OcdsConformance.CheckRelease(opening).Should().BeEmpty();
        var details = opening["bids"]!["details"]!.AsArray();
        details.Select(b => (
                (string)b!["id"]!, (string)b["status"]!, (string)b["tenderers"]![0]!["id"]!, (string)b["tenderers"]![0]!["name"]!,
                (decimal)b["value"]!["amount"]!, (string)b["value"]!["currency"]!))
            .Should().Equal(opened.Select(b => (b.BidId.ToString("D"), "pending", b.AgencyId.ToString("D"), b.AgencyName, b.Price, "CNY")),
                "each opened bid with its tenderer and price, not yet evaluated");
        details.Should().AllSatisfy(b => b!.AsObject().ContainsKey("evaluation").Should().BeFalse("no score is public before the result"));
        opening["parties"]!.AsArray().Select(p => (string)p!["id"]!).Should().BeEquivalentTo(opened.Select(b => b.AgencyId.ToString("D")),
            "every tenderer a bid names is a party of the release");

        var awardId = Guid.NewGuid();
        await PublishAsync(Award(tenderId, awardId, ranking));
        var award = (await ReleasesAsync(ocid, 3))[2];
        OcdsConformance.CheckRelease(award).Should().BeEmpty();
        ((string)award["awards"]![0]!["relatedBid"]!).Should().Be(ranking[0].BidId.ToString("D"));
        var result = award["bids"]!["details"]!.AsArray().ToDictionary(b => (string)b!["id"]!, b => b!);
        foreach (var ranked in ranking)
        {
            var bid = result[ranked.BidId.ToString("D")];
            ((string)bid["status"]!).Should().Be("valid");
            ((string)bid["tenderers"]![0]!["id"]!).Should().Be(ranked.AgencyId.ToString("D"));
            ((decimal)bid["value"]!["amount"]!).Should().Be(ranked.Price);
            ((int)bid["evaluation"]!["rank"]!, (decimal?)bid["evaluation"]!["priceScore"], (decimal)bid["evaluation"]!["total"]!)
                .Should().Be((ranked.Rank, ranked.PriceScore, ranked.Total), "the scores the result announcement publishes");
        }

        var refused = opened.Single(b => b.AgencyId == Refused).BidId.ToString("D");
        result[refused].AsObject().Select(f => f.Key).Should().BeEquivalentTo(["id", "status"], "a refused bid's reasons are its agency's own");
        ((string)result[refused]["status"]!).Should().Be("disqualified");
        result.Keys.Should().HaveCount(3);
        award["bids"]!["statistics"]!.AsArray().Select(s => ((string)s!["measure"]!, (int)s["value"]!)).Should().Equal(("validBids", 2));
        award["parties"]!.AsArray().Select(p => ((string)p!["id"]!, string.Join(",", p["roles"]!.AsArray().Select(r => (string)r!))))
            .Should().Equal((Winner.ToString("D"), "tenderer,supplier,payee"), (Loser.ToString("D"), "tenderer"));

        using var anyone = _host.CreateClient();
        var package = await Json(await anyone.GetAsync($"/api/public/ocds/records/{ocid}"));
        package["extensions"]!.AsArray().Select(e => (string)e!).Should().Contain(Ocds.BidExtension);
        OcdsConformance.CheckRecordPackage(package).Should().BeEmpty();
    }

    [Fact]
    public async Task The_public_list_and_announcement_say_when_the_result_was_published()
    {
        var tenderId = await PublishedTenderAsync();
        await ReleasesAsync(Ocid(tenderId), 1);
        using var anyone = _host.CreateClient();
        async Task<(JsonNode? Listed, JsonNode? Announced)> ResultPublishedAtAsync()
        {
            var list = await Json(await anyone.GetAsync("/api/public/tenders?pageSize=100"));
            var line = list["items"]!.AsArray().Single(t => (Guid)t!["id"]! == tenderId)!;
            var page = await Json(await anyone.GetAsync($"/api/public/tenders/{tenderId}"));
            return (line["resultPublishedAt"], page["tender"]!["resultPublishedAt"]);
        }

        (await ResultPublishedAtAsync()).Should().Be(((JsonNode?)null, (JsonNode?)null), "no result is published yet");

        var (opened, ranking) = ThreeBidsRankedTwo();
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Opened, opened, []));
        var award = Award(tenderId, Guid.NewGuid(), ranking);
        await PublishAsync(award);
        var (listed, announced) = await ResultPublishedAtAsync();
        DateTimeOffset.Parse((string)listed!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(award.PublishedAt);
        DateTimeOffset.Parse((string)announced!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(award.PublishedAt);
    }

    [Fact]
    public async Task An_award_message_from_before_it_carried_the_ranking_still_gives_the_award_release()
    {
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);
        var (opened, _) = ThreeBidsRankedTwo();
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Opened, opened, []));
        var awardId = Guid.NewGuid();
        // As an Evaluation of before wrote it: eight fields, no ranking. Read as the outbox (web defaults) and the
        // transport (MassTransit's serializer) read it.
        var json = $$"""
            {"tenderId":"{{tenderId}}","awardId":"{{awardId}}","bidId":"{{opened[0].BidId}}","agencyId":"{{Winner}}",
             "agencyName":"阳光社工服务中心","amount":450000.00,"challengeWindowEnds":"2026-12-31","publishedAt":"{{Opened.AddDays(3):O}}"}
            """;
        var old = JsonSerializer.Deserialize<AwardPublished>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        JsonSerializer.Deserialize<AwardPublished>(json, MassTransit.Serialization.SystemTextJsonMessageSerializer.Options)
            .Should().BeEquivalentTo(old);
        old.Ranking.Should().BeNull();
        old.AgencyId.Should().Be(Winner);

        await PublishAsync(old);

        var award = (await ReleasesAsync(ocid, 3))[2];
        OcdsConformance.CheckRelease(award).Should().BeEmpty();
        award.ContainsKey("bids").Should().BeFalse("the message has no ranking to publish");
        award["awards"]![0]!.AsObject().ContainsKey("relatedBid").Should().BeFalse();
        ((string)award["awards"]![0]!["id"]!).Should().Be(awardId.ToString("D"));
        ((decimal)award["awards"]![0]!["value"]!["amount"]!).Should().Be(450_000m);
        ((string)award["awards"]![0]!["suppliers"]![0]!["id"]!).Should().Be(Winner.ToString("D"));
        var compiled = (await RecordAsync(ocid))["compiledRelease"]!;
        compiled["bids"]!["details"]!.AsArray().Select(b => (string)b!["status"]!).Should().AllBe("pending", "nothing says how they were evaluated");
    }

    [Fact]
    public async Task Nothing_reaches_the_open_data_before_its_moment()
    {
        var purchaser = Purchaser();
        var programId = await ProgramAsync(purchaser);
        var draft = (await Json(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId))))["id"]!.GetValue<Guid>();
        (await purchaser.PostAsJsonAsync($"/api/tenders/{draft}/cancel", new { reason = "预算调整" })).StatusCode.Should().Be(HttpStatusCode.OK);

        // A change of a contract the open data never saw signed (its amendment, its payment) waits for the announcement.
        var unsigned = Guid.NewGuid();
        await PublishAsync(new ContractAmended(unsigned, 2, "scope", "x", 1m, new DateOnly(2027, 1, 1), null, Opened));
        await PublishAsync(new InstalmentPaid(Guid.NewGuid(), unsigned, Guid.NewGuid(), Winner, PurchasingUnit, 1m, new DateOnly(2027, 1, 5), 0, false, Opened));
        await PublishAsync(Transition(unsigned, "Suspend", "Active", "Suspended", "服务场地维修", Opened));

        var published = await PublishedTenderAsync();
        await ReleasesAsync(Ocid(published), 1);
        using var anyone = _host.CreateClient();
        (await anyone.GetAsync($"/api/public/ocds/records/{Ocid(draft)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anyone.GetAsync($"/api/public/ocds/records/{Ocid(unsigned)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var all = await Json(await anyone.GetAsync("/api/public/ocds/releases?pageSize=100"));
        all["releases"]!.AsArray().Select(r => (string)r!["ocid"]!).Should().Equal(Ocid(published));
    }

    [Fact]
    public async Task Packages_page_by_date_and_a_year_downloads_whole_and_each_passes_its_schema()
    {
        var (first, second) = await TwoPublishedTendersAsync();
        await PublishAsync(new TenderFailed(first, 1, 3, "有效投标不足三家", Opened));
        await ReleasesAsync(Ocid(first), 2);

        using var anyone = _host.CreateClient();
        var page1 = await Json(await anyone.GetAsync("/api/public/ocds/releases?pageSize=2"));
        OcdsConformance.CheckReleasePackage(page1).Should().BeEmpty();
        page1["releases"]!.AsArray().Should().HaveCount(2);
        var next = (string)page1["links"]!["next"]!;
        var page2 = await Json(await anyone.GetAsync(new Uri(next).PathAndQuery));
        page2["releases"]!.AsArray().Select(r => (string)r!["id"]!).Should().Equal("failure");
        page2["links"]!["next"].Should().BeNull();

        var year = DateTimeOffset.UtcNow.Year;
        var bulk = await anyone.GetAsync($"/api/public/ocds/bulk/{DateTime.UtcNow.AddHours(8).Year}");
        bulk.Content.Headers.ContentDisposition!.FileName.Should().Contain("ocds-sgfw01");
        var package = await Json(bulk);
        OcdsConformance.CheckReleasePackage(package).Should().BeEmpty();
        package["releases"]!.AsArray().Where(r => (string)r!["id"]! != "failure").Should().HaveCount(2);
        (await anyone.GetAsync("/api/public/ocds/bulk/1999")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        year.Should().BeGreaterThan(2000);

        // The packages list the evaluator extension at an address of the platform's own, which serves it.
        var extension = ((string)package["extensions"]!.AsArray().Single(e => ((string)e!).Contains("evaluator", StringComparison.Ordinal))!)!;
        var manifest = await Json(await anyone.GetAsync(new Uri(extension).PathAndQuery));
        manifest["compatibility"]!.AsArray().Select(c => (string)c!).Should().Equal("1.1");
        foreach (var file in manifest["schemas"]!.AsArray().Concat(manifest["codelists"]!.AsArray()))
        {
            var path = ((string)file!).EndsWith(".csv", StringComparison.Ordinal) ? $"codelists/{file}" : (string)file!;
            (await anyone.GetAsync(new Uri(new Uri(extension), path).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        (await anyone.GetAsync("/api/public/ocds/extensions/evaluator/appsettings.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await anyone.GetStringAsync(new Uri($"/api/public/ocds/records/{Ocid(first)}", UriKind.Relative)))
            .Should().Contain("福田长者服务", "a downloaded file reads in Chinese, not in \\u escapes");

        var records = await Json(await anyone.GetAsync("/api/public/ocds/records?pageSize=100"));
        OcdsConformance.CheckRecordPackage(records).Should().BeEmpty();
        records["records"]!.AsArray().Should().HaveCount(2);
        ((string)records["records"]![0]!["compiledRelease"]!["tender"]!["status"]!).Should().Be("unsuccessful");
    }

    [Fact]
    public async Task A_signed_contract_suspended_and_resumed_is_a_contract_update_each_its_status_still_active()
    {
        var tenderId = await PublishedTenderAsync();
        var ocid = Ocid(tenderId);
        await ReleasesAsync(ocid, 1);
        var contractId = Guid.NewGuid();
        await PublishAsync(new ContractSigned(contractId, tenderId, Guid.NewGuid(), PurchasingUnit, Winner, 450_000m, new DateOnly(2027, 1, 1),
            new DateOnly(2027, 12, 31), [], 30, null, false, Opened.AddDays(14), Guid.NewGuid(), new DateOnly(2029, 12, 31), "阳光社工服务中心"));
        await PublishAsync(Transition(contractId, "Activate", "PendingSignature", "Active", null, Opened.AddDays(15)));
        await PublishAsync(Transition(contractId, "Suspend", "Active", "Suspended", "服务场地维修，暂停两周", Opened.AddDays(30)));
        await PublishAsync(Transition(contractId, "Resume", "Suspended", "Active", null, Opened.AddDays(44)));

        var releases = await ReleasesAsync(ocid, 4);
        releases.Should().HaveCount(4, "the tender, the contract, its suspension and its resumption; activation is in the contract release");
        foreach (var release in releases)
        {
            OcdsConformance.CheckRelease(release).Should().BeEmpty($"release {release["id"]} follows OCDS 1.1.5");
        }

        var (suspended, resumed) = (releases[2], releases[3]);
        foreach (var (release, code, date) in new[] { (suspended, "contractSuspended", Opened.AddDays(30)), (resumed, "contractResumed", Opened.AddDays(44)) })
        {
            release["tag"]!.AsArray().Select(t => (string)t!).Should().Equal("contractUpdate");
            ((string)release["date"]!).Should().Be(OcdsPackage.OcdsDate(date));
            var contract = release["contracts"]!.AsArray().Single()!;
            ((string)contract["id"]!).Should().Be(contractId.ToString("D"));
            contract.AsObject().ContainsKey("status").Should().BeFalse("OCDS has no suspended status: the contract stays active");
            var milestone = contract["implementation"]!["milestones"]!.AsArray().Single()!;
            ((string)milestone["code"]!, (string)milestone["status"]!, (string)milestone["dateMet"]!).Should().Be((code, "met", OcdsPackage.OcdsDate(date)));
            release.ToJsonString().Should().NotContain(Actor.ToString("D"), "who suspended it is nobody's business");
        }

        ((string)suspended["contracts"]![0]!["implementation"]!["milestones"]![0]!["description"]!).Should().Be("服务场地维修，暂停两周");
        resumed["contracts"]![0]!["implementation"]!["milestones"]![0]!.AsObject().ContainsKey("description").Should().BeFalse("a resumption gives no reason");

        var compiled = (await RecordAsync(ocid))["compiledRelease"]!;
        compiled.ToJsonString().Should().Be(OcdsMerge.CompiledRelease(releases).ToJsonString(), "the record is its releases merged");
        var merged = compiled["contracts"]!.AsArray().Single()!;
        ((string)merged["status"]!).Should().Be("active");
        merged["implementation"]!["milestones"]!.AsArray().Select(m => (string)m!["code"]!).Should().Equal("contractSuspended", "contractResumed");
    }

    [Fact]
    public async Task A_year_streams_out_as_the_package_built_in_memory_and_a_year_without_releases_has_no_file()
    {
        var (first, second) = await TwoPublishedTendersAsync();
        var (opened, ranking) = ThreeBidsRankedTwo();
        await PublishAsync(new BidsOpened(first, PurchasingUnit, Opened, opened, []));
        var awardId = Guid.NewGuid();
        await PublishAsync(Award(first, awardId, ranking));
        // Written after the award, dated with the opening: the file goes by date, then by the order written.
        await PublishAsync(new TenderFailed(second, 1, 3, "有效投标不足三家", Opened));
        await PublishAsync(new AwardConfirmed(first, awardId, Guid.NewGuid(), PurchasingUnit, Guid.NewGuid(), Winner, "阳光社工服务中心", "PublicTender",
            450_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), [], [], new DateOnly(2027, 1, 4), new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero)));
        await ReleasesAsync(Ocid(first), 4);

        using var anyone = _host.CreateClient();
        using (var none = await anyone.GetAsync("/api/public/ocds/bulk/2001"))
        {
            // A release package holds at least one release (its schema's minItems): a year without any has no file.
            none.StatusCode.Should().Be(HttpStatusCode.NotFound, await none.Content.ReadAsStringAsync());
            (await none.Content.ReadAsStringAsync()).Should().Contain("2001");
        }

        foreach (var year in new[] { Opened.AddHours(8).Year, 2027 })
        {
            var response = await anyone.GetAsync($"/api/public/ocds/bulk/{year}");
            response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
            response.Content.Headers.ContentDisposition!.FileName.Should().Be($"ocds-sgfw01-{year}.json");
            var text = await response.Content.ReadAsStringAsync();
            text.Should().Contain("政府购买社会工作服务平台", "the file reads in Chinese, not in \\u escapes");
            var streamed = await Json(response, text);

            var expected = await InMemoryBulkAsync(year, DateTimeOffset.Parse((string)streamed["publishedDate"]!, System.Globalization.CultureInfo.InvariantCulture));
            JsonNode.DeepEquals(streamed, expected).Should().BeTrue($"the streamed file of {year} is the package built in memory:\n{text}\n{expected.ToJsonString(Ocds.Json)}");
            // Less the tenders, dated today.
            var ids = streamed["releases"]!.AsArray().Select(r => (string)r!["id"]!).Where(id => id != "tender").ToList();
            OcdsConformance.CheckReleasePackage(streamed).Should().BeEmpty();
            if (year == 2027)
            {
                ids.Should().Equal($"award-{awardId:D}-confirmed");
            }
            else
            {
                ids.Should().Equal("opening", "failure", $"award-{awardId:D}");
            }
        }
    }

    /// <summary>
    /// A year's bulk file as it was built before it streamed: every release of the year in memory, by date then by the
    /// order written, in the one package <see cref="OcdsPackage.ReleasePackage"/> makes.
    /// </summary>
    private async Task<JsonObject> InMemoryBulkAsync(int year, DateTimeOffset publishedDate)
    {
        using var scope = _host.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenDataOptions>>().Value;
        var rows = await scope.ServiceProvider.GetRequiredService<Data.TenderingDb>().OcdsReleases.AsNoTracking().ToListAsync();
        return OcdsPackage.ReleasePackage(
            new Uri($"{options.Base}/api/public/ocds/bulk/{year}"), publishedDate, PublicOpenDataEndpoints.Publisher(options),
            rows.Where(r => r.Year == year).OrderBy(r => r.Date).ThenBy(r => r.Sequence).Select(r => r.Parse()));
    }

    private static ContractStateChanged Transition(Guid contractId, string trigger, string from, string to, string? reason, DateTimeOffset at) =>
        new(contractId, Guid.NewGuid(), PurchasingUnit, Winner, trigger, from, to, reason, Actor, at);

    /// <summary>
    /// Three bids opened, and the result's ranking of the two that passed the compliance review (the cheapest did not):
    /// price scores on a price weight of 30 against the lowest valid price, 450,000.
    /// </summary>
    private static (OpenedBid[] Opened, RankedBid[] Ranking) ThreeBidsRankedTwo()
    {
        OpenedBid[] opened = [Bid(Winner, "阳光社工服务中心", 450_000m), Bid(Loser, "彩虹社工", 470_000m), Bid(Refused, "启明社工", 440_000m)];
        RankedBid[] ranking =
        [
            new(1, opened[0].BidId, Winner, "阳光社工服务中心", 450_000m, 30.00m, 86.67m),
            new(2, opened[1].BidId, Loser, "彩虹社工", 470_000m, 28.72m, 80.10m),
        ];
        return (opened, ranking);
    }

    private static AwardPublished Award(Guid tenderId, Guid awardId, RankedBid[] ranking) => new(
        tenderId, awardId, ranking[0].BidId, Winner, "阳光社工服务中心", 450_000m, new DateOnly(2026, 12, 31), Opened.AddDays(3), ranking);

    private static OpenedBid Bid(Guid agency, string name, decimal price) => new(
        Guid.NewGuid(), agency, name, "91440300MA5XXXXXX0", 1, Opened.AddDays(-1), price, new string('a', 64),
        new OpenedCosts(price * 0.7m, price * 0.2m, price * 0.1m, 0m), new OpenedStaffingPlan(3, 1, 1, 5m, 0.7m, []), "方案", false, [], null);

    private async Task PublishAsync<T>(T message)
        where T : class
    {
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        // Taken once the collector's inbox holds the message (its release, if any, is in the same transaction).
        await Poll.UntilAsync(async () =>
        {
            using var scope = _host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.TenderingDb>();
            return await db.InboxMessages.AnyAsync(m => m.MessageId == id && EF.Functions.Like(m.Consumer, "%.OpenData.%"));
        }, $"the open data takes the {typeof(T).Name}", TimeSpan.FromSeconds(60));
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    private async Task<Guid> ProgramAsync(HttpClient purchaser) =>
        (await Json(await purchaser.PostAsJsonAsync("/api/programs",
            new { name = "福田长者服务", region = "深圳市福田区", serviceDomain = "Elderly", activeFrom = "2026-01-01" })))["id"]!.GetValue<Guid>();

    private async Task<Guid> PublishedTenderAsync()
    {
        var purchaser = Purchaser();
        var programId = await ProgramAsync(purchaser);
        var id = (await Json(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId))))["id"]!.GetValue<Guid>();
        (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Two tenders published, once each has its tender release.</summary>
    private async Task<(Guid First, Guid Second)> TwoPublishedTendersAsync()
    {
        var first = await PublishedTenderAsync();
        var second = await PublishedTenderAsync();
        await ReleasesAsync(Ocid(first), 1);
        await ReleasesAsync(Ocid(second), 1);
        return (first, second);
    }

    private Task<IReadOnlyList<JsonObject>> ReleasesAsync(string ocid, int count) => OpenDataReads.ReleasesAsync(_host, ocid, count);

    private Task<JsonNode> RecordAsync(string ocid) => OpenDataReads.RecordAsync(_host, ocid);

    private static Task<JsonObject> Json(HttpResponseMessage response, string? text = null) => OpenDataReads.JsonAsync(response, text);
}
