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
    public void An_intact_chain_says_so_with_the_entries_checked()
    {
        Fake<IBidsClient>().On("VerifyUnsealAuditAsync", _ => new AuditVerificationResponse { Intact = true, RowsChecked = 42 });

        var page = Render<AuditChain>();

        page.WaitForElement("[data-testid='audit-chain-verdict']").GetAttribute("data-intact").Should().Be("true");
        page.Find("[data-testid='audit-chain-verdict']").TextContent.Should().Contain("审计链完整");
        page.Find("[data-testid='audit-chain-rows']").TextContent.Should().Be("已校验记录：42 条");
        page.FindAll("[data-testid='audit-chain-first-broken']").Should().BeEmpty();
    }

    [Fact]
    public void A_broken_chain_names_its_first_broken_entry_and_why()
    {
        var bids = Fake<IBidsClient>().On("VerifyUnsealAuditAsync", _ => new AuditVerificationResponse
        {
            Intact = false, RowsChecked = 17, FirstBrokenSequence = 9, Problem = "hash mismatch",
        });

        var page = Render<AuditChain>();

        page.WaitForElement("[data-testid='audit-chain-verdict']").GetAttribute("data-intact").Should().Be("false");
        page.Find("[data-testid='audit-chain-first-broken']").TextContent.Should().Be("第一处断裂：第 9 条记录");
        page.Find("[data-testid='audit-chain-problem']").TextContent.Should().Contain("hash mismatch");

        page.Find("[data-testid='verify-chain']").Click();
        page.WaitForAssertion(() => bids.CallsOf("VerifyUnsealAuditAsync").Should().HaveCount(2));
    }

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
