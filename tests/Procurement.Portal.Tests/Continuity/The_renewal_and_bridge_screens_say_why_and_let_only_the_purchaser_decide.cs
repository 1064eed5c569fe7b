using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Continuity;

namespace Procurement.Portal.Tests.Continuity;

public sealed class The_renewal_and_bridge_screens_say_why_and_let_only_the_purchaser_decide : ContinuityContext
{
    private static readonly Guid AuditOffice = new("a0000000-0000-4000-8000-0000000000aa");

    private readonly List<ConfirmRenewalRequest> _confirmed = [];

    public The_renewal_and_bridge_screens_say_why_and_let_only_the_purchaser_decide()
    {
        Continuity.Answer("ContractRenewalLeadTimeAsync", _ => ContinuityData.Renewal(_confirmed.Count == 0 ? null : Decided()));
        Continuity.Answer("ConfirmRenewalDecisionAsync", args =>
        {
            _confirmed.Add((ConfirmRenewalRequest)args[1]!);
            return Decided();
        });
        Continuity.Answer("ContractBridgeProposalAsync", ContinuityData.Bridge());
        Continuity.Answer("ApproveBridgeProposalAsync", ContinuityData.Bridge(BridgeProposalStatus.Approved));
        Continuity.Answer("DeclineBridgeProposalAsync", ContinuityData.Bridge(BridgeProposalStatus.Declined));
    }

    private static RenewalDecisionView Decided() => new()
    {
        ContractId = ContinuityData.Current, ProgramId = ContinuityData.Program, ProposedPath = "DirectRenewal", Path = "DirectRenewal",
        SuccessorStart = new(2027, 1, 1), SuccessorEnd = new(2027, 12, 31), Amount = 1_200_000m, SuccessorId = ContinuityData.Successor,
        ConfirmedAt = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero),
    };

    private IRenderedComponent<Renewal> RenderRenewal()
    {
        var page = Render<Renewal>(p => p.Add(r => r.ContractId, ContinuityData.Current));
        page.WaitForElement("[data-testid='renewal']");
        return page;
    }

    private IRenderedComponent<Bridge> RenderBridge()
    {
        var page = Render<Bridge>(p => p.Add(r => r.ContractId, ContinuityData.Current));
        page.WaitForElement("[data-testid='bridge']");
        return page;
    }

    [Fact]
    public void The_renewal_screen_gives_the_proposal_with_the_lead_time_history_the_grade_and_the_months_left_under_the_cap()
    {
        SignInAs("purchaser", ContinuityData.Unit);

        var page = RenderRenewal();

        page.Find("[data-testid='renewal-proposal']").TextContent.Should().Be("直接续签");
        page.Find("[data-testid='renewal-lead-time']").TextContent.Should()
            .Be("118 天：依据本单位 6 次（PublicTender）采购从发布到签约的用时，第 90 百分位 88 天，加 30 天余量；续签工作自 2026-09-04 开始");
        page.Find("[data-testid='renewal-grade']").TextContent.Should().Be("最近一次为 良好，直接续签至少需要 良好");
        page.Find("[data-testid='renewal-cap']").TextContent.Should().Be("自 2025-01-01 起已连续 24 个月，上限 36 个月，还剩 12 个月");
    }

    [Fact]
    public void The_purchaser_confirms_the_proposed_path_after_saying_yes_and_then_sees_the_successor()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        var page = RenderRenewal();

        page.Find("[data-testid='renewal-confirm']").Click();
        _confirmed.Should().BeEmpty("nothing is decided before the purchaser says yes");
        page.Find("[data-testid='renewal-sure-yes']").Click();

        _confirmed.Should().ContainSingle().Which.Path.Should().Be("DirectRenewal");
        page.WaitForElement("[data-testid='renewal-decision']");
        page.Find("[data-testid='renewal-successor']").GetAttribute("href").Should().Be($"/contracts/{ContinuityData.Successor}");
        page.FindAll("[data-testid='renewal-confirm']").Should().BeEmpty();
    }

    [Fact]
    public void Declining_the_proposal_chooses_the_other_path()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        var page = RenderRenewal();

        page.Find("[data-testid='renewal-decline']").Click();
        page.Find("[data-testid='renewal-sure-yes']").Click();

        _confirmed.Should().ContainSingle().Which.Path.Should().Be("NewTender");
    }

    [Fact]
    public void The_auditor_reads_the_renewal_and_the_bridge_screens_without_a_single_button()
    {
        SignInAs("auditor", AuditOffice);

        var renewal = RenderRenewal();
        renewal.Find("[data-testid='renewal-proposal']").TextContent.Should().Be("直接续签");
        renewal.FindAll("button").Should().BeEmpty();

        var bridge = RenderBridge();
        bridge.Find("[data-testid='bridge-proposal']").TextContent.Should().Be("按原月费率延续 2 个月：2027-01-01 至 2027-02-28");
        bridge.FindAll("button").Should().BeEmpty();
    }

    [Fact]
    public void The_purchaser_approves_a_bridge_with_its_money_and_reason_shown_after_saying_yes()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        var page = RenderBridge();

        page.Find("[data-testid='bridge-money']").TextContent.Should().Be("每月 ¥100,000.00，共 ¥200,000.00");
        page.Find("[data-testid='bridge-why']").TextContent.Should().Contain("2027-02-15");
        page.Find("[data-testid='bridge-approve']").Click();
        Continuity.Calls.Should().NotContain(c => c.Operation == "ApproveBridgeProposalAsync");
        page.Find("[data-testid='bridge-sure-yes']").Click();

        Continuity.Calls.Should().ContainSingle(c => c.Operation == "ApproveBridgeProposalAsync");
        page.Find("[data-testid='bridge-status']").TextContent.Should().Be("已批准");
        page.FindAll("button").Should().BeEmpty("an approved proposal has nothing left to decide");
    }

    [Fact]
    public void A_contract_without_a_bridge_proposal_says_so()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        Continuity.Answer("ContractBridgeProposalAsync", _ => throw new ApiException("Not Found", 404, "", new Dictionary<string, IEnumerable<string>>(), null));

        var page = Render<Bridge>(p => p.Add(r => r.ContractId, ContinuityData.Current));

        page.WaitForElement("[data-testid='bridge-none']");
        page.FindAll("[data-testid='refusal-404']").Should().BeEmpty();
    }

    [Fact]
    public void The_continuity_access_rule_lets_the_purchaser_act_and_never_the_auditor()
    {
        static System.Security.Claims.ClaimsPrincipal User(params string[] roles) =>
            new(new System.Security.Claims.ClaimsIdentity(roles.Select(r => new System.Security.Claims.Claim("role", r)), "test", "name", "role"));

        ContinuityAccess.CanAct(User("purchaser")).Should().BeTrue();
        ContinuityAccess.CanAct(User("auditor")).Should().BeFalse();
        ContinuityAccess.CanAct(User("purchaser", "auditor")).Should().BeFalse();
        ContinuityAccess.CanAct(User("agency")).Should().BeFalse();
        ContinuityAccess.CanAct(null).Should().BeFalse();
    }
}
