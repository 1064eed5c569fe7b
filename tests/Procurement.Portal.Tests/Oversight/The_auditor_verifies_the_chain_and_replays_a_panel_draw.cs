using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Auditor;

namespace Procurement.Portal.Tests.Oversight;

public sealed class The_auditor_verifies_the_chain_and_replays_a_panel_draw : OversightContext
{
    private static readonly Guid Drawn = Guid.Parse("0193c000-0000-7000-8000-000000000001");
    private static readonly Guid NoPanel = Guid.Parse("0193c000-0000-7000-8000-000000000002");
    private static readonly Guid Bidding = Guid.Parse("0193c000-0000-7000-8000-000000000003");
    private static readonly Guid ExpertA = Guid.Parse("0193c000-0000-7000-8000-0000000000e1");
    private static readonly Guid ExpertB = Guid.Parse("0193c000-0000-7000-8000-0000000000e2");
    private static readonly Guid ExpertC = Guid.Parse("0193c000-0000-7000-8000-0000000000e3");

    public The_auditor_verifies_the_chain_and_replays_a_panel_draw() => SignIn("auditor", "auditor", "示范区审计监督办公室");

    [Fact]
    public void Every_services_chains_are_verified_and_an_intact_platform_says_so()
    {
        var audit = Fake<IAuditClient>().On("VerifyServiceAuditChainsAsync", args => Reports((string)args[0]!));

        var page = Render<AuditChain>();

        page.WaitForElement("[data-testid='audit-chain-verdict']").GetAttribute("data-intact").Should().Be("true");
        page.Find("[data-testid='audit-chain-verdict']").TextContent.Should().Contain("审计链完整");
        page.Find("[data-testid='audit-chain-rows']").TextContent.Should().Be("已校验记录：62 条");
        audit.CallsOf("VerifyServiceAuditChainsAsync").Select(a => (string)a[0]!).Should()
            .Equal("identity", "tendering", "bidding", "evaluation", "contracting", "disbursement");
        var rows = page.FindAll("[data-testid='chain-row']");
        rows.Select(r => $"{r.GetAttribute("data-service")}/{r.GetAttribute("data-chain")}").Should().Equal(
            "identity/changes", "tendering/changes", "bidding/changes", "bidding/unseal-reads", "evaluation/changes", "contracting/changes",
            "disbursement/changes");
        rows[3].TextContent.Should().Contain("投标内容解封读取").And.Contain("完整");
        rows[1].TextContent.Should().Contain("采购项目").And.Contain("std-1 × 5").And.Contain("sm-1 × 5");
        page.FindAll("[data-testid='audit-chain-first-broken']").Should().BeEmpty();
    }

    [Fact]
    public void A_broken_chain_names_its_service_its_first_broken_entry_and_why()
    {
        var audit = Fake<IAuditClient>().On("VerifyServiceAuditChainsAsync", args => (string)args[0]! == "contracting"
            ? [Report("contracting", "changes", 17, new AuditBrokenLink { Sequence = 9, Problem = "sequence_gap", Detail = "entries 8 are missing (expected 8, found 9)" })]
            : Reports((string)args[0]!));

        var page = Render<AuditChain>();

        page.WaitForElement("[data-testid='audit-chain-verdict']").GetAttribute("data-intact").Should().Be("false");
        page.Find("[data-testid='audit-chain-verdict']").TextContent.Should().Contain("审计链断裂");
        var broken = page.Find("[data-testid='chain-row'][data-service='contracting']");
        broken.GetAttribute("data-intact").Should().Be("false");
        broken.QuerySelector("[data-testid='audit-chain-first-broken']")!.TextContent.Should().Be("第一处断裂：第 9 条记录");
        broken.QuerySelector("[data-testid='audit-chain-problem']")!.TextContent.Should().Contain("记录缺失").And.Contain("entries 8 are missing");

        page.Find("[data-testid='verify-chain']").Click();
        page.WaitForAssertion(() => audit.CallsOf("VerifyServiceAuditChainsAsync").Should().HaveCount(12));
    }

    [Fact]
    public void A_service_that_does_not_answer_is_shown_as_not_verified_never_as_intact()
    {
        Fake<IAuditClient>().On("VerifyServiceAuditChainsAsync", args => (string)args[0]! == "evaluation"
            ? throw new ApiException("unavailable", 503, null, new Dictionary<string, IEnumerable<string>>(), null)
            : Reports((string)args[0]!));

        var page = Render<AuditChain>();

        page.WaitForElement("[data-testid='audit-chain-verdict']").GetAttribute("data-intact").Should().Be("false");
        page.Find("[data-testid='audit-chain-verdict']").TextContent.Should().Contain("部分服务未能校验");
        page.Find("[data-testid='chain-row'][data-service='evaluation']").TextContent.Should().Contain("无法校验");
    }

    [Fact]
    public void The_auditor_reads_a_services_entries_with_who_what_and_the_values_before_and_after()
    {
        var audit = Fake<IAuditClient>()
            .On("VerifyServiceAuditChainsAsync", args => Reports((string)args[0]!))
            .On("ListAuditEntriesAsync", args => new AuditEntryPage
            {
                Service = (string)args[0]!,
                Items =
                [
                    new AuditEntryView
                    {
                        Sequence = 1, At = Now, ActorId = "user-1", ActorRole = "purchaser", What = "Tender Modified",
                        Reason = "补充服务范围", Changes = """[{"entity":"Tender","state":"Modified","before":{"Title":"旧"},"after":{"Title":"新"}}]""",
                        Suite = "std-1", PreviousHash = new string('0', 64), Hash = new string('a', 64),
                    },
                ],
            });

        var page = Render<AuditChain>();
        page.WaitForElement("[data-testid='audit-chain-verdict']");
        page.Find("[data-testid='filter-entries-service']").Change("tendering");
        page.Find("[data-testid='search-entries']").Click();

        var row = page.WaitForElement("[data-testid='entry-row']");
        row.GetAttribute("data-sequence").Should().Be("1");
        row.QuerySelector("[data-testid='entry-what']")!.TextContent.Should().Be("Tender Modified");
        row.QuerySelector("[data-testid='entry-actor']")!.TextContent.Should().Contain("user-1").And.Contain("purchaser");
        row.TextContent.Should().Contain("补充服务范围").And.Contain("\"before\":{\"Title\":\"旧\"}");
        audit.CallsOf("ListAuditEntriesAsync").Single().Take(3).Should().Equal("tendering", 0L, AuditChain.PageSize);
        page.Find("[data-testid='next-entries']").HasAttribute("disabled").Should().BeTrue("the page says there is no next one");
    }

    /// <summary>Each service's chains, intact: 62 entries in all.</summary>
    private static ICollection<AuditChainReport> Reports(string service) => service switch
    {
        "bidding" => [Report(service, "changes", 20, null), Report(service, "unseal-reads", 4, null)],
        "tendering" => [Report(service, "changes", 10, null, new Dictionary<string, long> { ["std-1"] = 5, ["sm-1"] = 5 })],
        _ => [Report(service, "changes", service == "identity" ? 13 : 5, null)],
    };

    private static AuditChainReport Report(string service, string chain, long count, AuditBrokenLink? broken, Dictionary<string, long>? suites = null) => new()
    {
        Service = service, Chain = chain, Checked = count, HeadSequence = count, HeadHash = new string('b', 64), HeadAt = Now,
        Suites = suites ?? new Dictionary<string, long> { ["std-1"] = count }, Intact = broken is null, FirstBroken = broken, VerifiedAt = Now,
    };

    [Fact]
    public void The_tender_list_holds_only_tenders_with_a_drawn_panel()
    {
        FakeTenders();
        var panels = Fake<IEvaluationPanelsClient>().On("GetPanelAsync", args => (Guid)args[0]! == Drawn
            ? new PanelResponse { TenderId = Drawn, Size = 5, DrawnAt = Now }
            : throw new ApiException("not found", 404, null, new Dictionary<string, IEnumerable<string>>(), null));
        Fake<IExpertsClient>();
        Fake<IEvaluationsClient>();

        var page = Render<PanelReplay>();

        var row = page.WaitForElement("[data-testid='panel-replay-row']");
        page.FindAll("[data-testid='panel-replay-row']").Should().ContainSingle();
        row.TextContent.Should().Contain("已抽取的项目");
        page.Find("[data-testid='panel-replay-open']").GetAttribute("href").Should().Be($"/auditor/panel-replay?tenderId={Drawn}");
        panels.CallsOf("GetPanelAsync").Select(a => a[0]).Should().BeEquivalentTo(new object[] { Drawn, NoPanel }, "a tender still bidding has no panel to ask for");
    }

    [Fact]
    public void A_replay_shows_the_recorded_draw_beside_the_replayed_one_and_marks_a_difference()
    {
        FakeTenders();
        Fake<IEvaluationsClient>().On("GetEvaluationAsync", _ => new BidEvaluationResponse { TenderId = Drawn, Title = "已抽取的项目" });
        Fake<IExpertsClient>().On("ListExpertsAsync", _ => (ICollection<ExpertResponse>)
        [
            new() { Id = ExpertA, Name = "专家甲" }, new() { Id = ExpertB, Name = "专家乙" }, new() { Id = ExpertC, Name = "专家丙" },
        ]);
        Fake<IEvaluationPanelsClient>().On("ReplayPanelDrawAsync", _ => new ReplayResponse
        {
            TenderId = Drawn,
            Matches = false,
            Draws =
            [
                new() { Number = 1, Seed = "seed-1", Candidates = [ExpertA, ExpertB, ExpertC], Recorded = [ExpertA, ExpertB], Replayed = [ExpertA, ExpertB], Matches = true },
                new() { Number = 2, Seed = "seed-2", Candidates = [ExpertB, ExpertC], Recorded = [ExpertC], Replayed = [ExpertB], Matches = false },
            ],
        });
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/auditor/panel-replay?tenderId={Drawn}");

        var page = Render<PanelReplay>();

        page.WaitForElement("[data-testid='panel-replay-verdict']").GetAttribute("data-matches").Should().Be("false");
        page.Find("[data-testid='panel-replay-tender']").TextContent.Should().Contain("已抽取的项目");
        var draws = page.FindAll("[data-testid='replay-draw']");
        draws.Should().HaveCount(2);
        draws[0].QuerySelectorAll("[data-testid='replay-recorded-expert']").Select(e => e.TextContent).Should().Equal("专家甲", "专家乙");
        draws[0].QuerySelectorAll("[data-testid='replay-replayed-expert']").Select(e => e.TextContent).Should().Equal("专家甲", "专家乙");
        draws[1].QuerySelector("[data-testid='replay-draw-verdict']")!.TextContent.Should().Contain("不一致");
        draws[1].QuerySelector("[data-testid='replay-recorded-expert']")!.ClassList.Should().Contain("portal-field-error");
        draws[1].QuerySelector("[data-testid='replay-seed']")!.TextContent.Should().Be("seed-2");
    }

    private void FakeTenders() => Fake<ITendersClient>().On("ListTendersAsync", _ => (ICollection<TenderResponse>)
    [
        new() { Id = Drawn, Title = "已抽取的项目", Status = TenderStatus.Evaluating },
        new() { Id = NoPanel, Title = "未抽取的项目", Status = TenderStatus.BiddingClosed },
        new() { Id = Bidding, Title = "投标中的项目", Status = TenderStatus.Published },
    ]);
}
