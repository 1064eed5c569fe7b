using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Continuity;

namespace Procurement.Portal.Tests.Continuity;

public sealed class The_dashboard_numbers_open_the_lists_behind_them : ContinuityContext
{
    public The_dashboard_numbers_open_the_lists_behind_them()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        Continuity.Answer("ContinuityDashboardAsync", ContinuityData.Dashboard());
    }

    private IRenderedComponent<Dashboard> RenderDashboard()
    {
        var page = Render<Dashboard>();
        page.WaitForElement("[data-testid='dashboard']");
        return page;
    }

    private static string Figure(IRenderedComponent<Dashboard> page, DashboardList list) =>
        page.Find($"[data-testid='figure-{list}'] [data-testid='figure-value']").TextContent;

    [Fact]
    public void Gap_days_are_counted_per_calendar_year_and_each_other_number_is_the_length_of_its_list()
    {
        var page = RenderDashboard();

        Figure(page, DashboardList.GapsThisYear).Should().Be("10");
        Figure(page, DashboardList.GapsLastYear).Should().Be("7");
        Figure(page, DashboardList.AtRisk).Should().Be("1");
        Figure(page, DashboardList.Bridges).Should().Be("0");
        Figure(page, DashboardList.Late).Should().Be("1");
        Figure(page, DashboardList.RenewalsDue).Should().Be("1", "the API lists one renewal decision waiting for the purchaser");
        Figure(page, DashboardList.BridgesProposed).Should().Be("1", "and one bridge proposal");
        page.Find("[data-testid='figure-GapsThisYear']").TextContent.Should().Contain("2026 年断档天数");
    }

    [Fact]
    public void The_programs_at_risk_open_with_the_reason_the_days_left_and_links_onwards()
    {
        var page = RenderDashboard();
        page.FindAll("[data-testid='list-AtRisk']").Should().BeEmpty();

        page.Find("[data-testid='figure-AtRisk']").Click();

        var row = page.Find("[data-testid='list-AtRisk'] [data-testid='list-row']");
        row.QuerySelector("[data-testid='risk-program']")!.TextContent.Should().Be("长者居家社工服务");
        row.QuerySelector("[data-testid='risk-program']")!.GetAttribute("href").Should().Be($"/continuity/timeline?programId={ContinuityData.Program}");
        row.QuerySelector("[data-testid='risk-reason']")!.TextContent.Should().Be("合同 2026-12-31 到期，后续合同预计 2027-02-14 才能签署（晚 45 天）");
        row.QuerySelector("[data-testid='risk-days-left']")!.TextContent.Should().Be("剩 26 天");
        row.QuerySelector("[data-testid='risk-renewal']")!.GetAttribute("href").Should().Be($"/continuity/contracts/{ContinuityData.Current}/renewal");
        row.QuerySelector("[data-testid='risk-bridge']")!.GetAttribute("href").Should().Be($"/continuity/contracts/{ContinuityData.Current}/bridge");
    }

    [Fact]
    public void The_gap_days_open_per_program_and_the_late_instalments_link_to_the_ledger()
    {
        var page = RenderDashboard();

        page.Find("[data-testid='figure-GapsLastYear']").Click();
        page.Find("[data-testid='list-GapsLastYear'] [data-testid='list-row']").TextContent.Should().Contain("长者居家社工服务").And.Contain("7 天断档");

        page.Find("[data-testid='figure-Late']").Click();
        page.FindAll("[data-testid='list-GapsLastYear']").Should().BeEmpty("one list is open at a time");
        var late = page.Find("[data-testid='list-Late'] [data-testid='list-row']");
        late.QuerySelector("a")!.GetAttribute("href").Should().Be($"/payments/contracts/{ContinuityData.Current}");
        late.TextContent.Should().Contain("¥480,000.00").And.Contain("2026-07-31");
    }

    [Fact]
    public void The_renewals_due_link_to_their_renewal_decision()
    {
        var page = RenderDashboard();

        page.Find("[data-testid='figure-RenewalsDue']").Click();

        page.Find("[data-testid='renewal-due']").GetAttribute("href").Should().Be($"/continuity/contracts/{ContinuityData.Current}/renewal");
        page.Find("[data-testid='list-RenewalsDue'] [data-testid='list-row']").TextContent.Should().Contain("阳光社工").And.Contain("2026-12-31 到期（剩 26 天）");
        page.Find("[data-testid='renewal-proposed']").TextContent.Should().Be("平台建议：直接续签");
    }

    [Fact]
    public void The_bridge_proposals_waiting_for_the_purchaser_open_the_proposal()
    {
        var page = RenderDashboard();

        page.Find("[data-testid='figure-BridgesProposed']").Click();

        var row = page.Find("[data-testid='list-BridgesProposed'] [data-testid='list-row']");
        row.QuerySelector("[data-testid='bridge-proposed']")!.GetAttribute("href").Should().Be($"/continuity/contracts/{ContinuityData.Current}/bridge");
        row.QuerySelector("[data-testid='bridge-proposed']")!.TextContent.Should().Be("长者居家社工服务");
        row.TextContent.Should().Contain("建议延续 2 个月（2027-01-01 至 2027-02-28），¥200,000.00，剩 26 天");
    }

    [Fact]
    public void Nothing_waiting_shows_zero_and_an_empty_list()
    {
        var empty = ContinuityData.Dashboard();
        empty.PendingDecisions = [];
        empty.PendingBridges = [];
        Continuity.Answer("ContinuityDashboardAsync", empty);
        var page = RenderDashboard();

        Figure(page, DashboardList.RenewalsDue).Should().Be("0");
        Figure(page, DashboardList.BridgesProposed).Should().Be("0");
        page.Find("[data-testid='figure-BridgesProposed']").Click();
        page.FindAll("[data-testid='list-BridgesProposed'] [data-testid='list-row']").Should().BeEmpty();
    }

    [Fact]
    public void The_home_card_links_each_figure_to_its_list_on_the_dashboard()
    {
        var card = Render<ContinuityCard>();
        card.WaitForElement("[data-testid='home-figure-AtRisk']");

        card.Find("[data-testid='home-figure-AtRisk']").GetAttribute("href").Should().Be("/continuity?list=AtRisk");
        card.Find("[data-testid='home-figure-AtRisk'] strong").TextContent.Should().Be("1");
        card.Find("[data-testid='home-figure-GapsThisYear'] strong").TextContent.Should().Be("10");
    }
}
