using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Continuity;

namespace Procurement.Portal.Tests.Continuity;

public sealed class The_coverage_timeline_draws_contracts_gaps_and_today : ContinuityContext
{
    public The_coverage_timeline_draws_contracts_gaps_and_today()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        Continuity.Answer("ContinuityDashboardAsync", ContinuityData.Dashboard());
        Continuity.Answer("ProgramCoverageTimelineAsync", ContinuityData.Timeline());
        Contracts.Answer("ListContractsAsync", ContinuityData.Contracts());
    }

    private IRenderedComponent<Timeline> RenderTimeline()
    {
        var page = Render<Timeline>();
        page.WaitForElement("[data-testid='timeline']");
        return page;
    }

    [Fact]
    public void Each_contract_is_a_bar_linking_to_its_page_with_its_agency_amount_and_state_on_hover()
    {
        var page = RenderTimeline();

        page.FindAll("[data-testid='timeline-row']").Should().ContainSingle().Which.GetAttribute("data-program").Should().Be(ContinuityData.Program.ToString());
        var bars = page.FindAll("[data-testid='timeline-bar']");
        bars.Select(b => b.GetAttribute("data-contract")).Should().Equal(ContinuityData.Current.ToString(), ContinuityData.Successor.ToString());
        page.FindAll("[data-testid='timeline-bar-link']").Select(a => a.GetAttribute("href"))
            .Should().Equal($"/contracts/{ContinuityData.Current}", $"/contracts/{ContinuityData.Successor}");
        bars[0].QuerySelector("title")!.TextContent.Should().Be("阳光社工 · ¥1,200,000.00 · 即将到期 · 2026-01-01 至 2026-12-31");
        bars[1].GetAttribute("stroke-dasharray").Should().Be("4 2", "a successor not yet signed is drawn dashed");
    }

    [Fact]
    public void Unpaid_days_are_red_and_forecast_gap_days_paler()
    {
        var page = RenderTimeline();

        var gaps = page.FindAll("[data-testid='timeline-gap']");
        gaps.Should().HaveCount(2);
        gaps[0].GetAttribute("fill").Should().Be(Timeline.Red);
        gaps[0].GetAttribute("data-from").Should().Be("2026-03-01");
        gaps[0].GetAttribute("data-to").Should().Be("2026-03-10");
        gaps[0].QuerySelector("title")!.TextContent.Should().Contain("10 天").And.Contain("经费未拨付到位");
        gaps[1].GetAttribute("fill").Should().Be(Timeline.PaleRed);
        gaps[1].GetAttribute("data-projected").Should().Be("true");
        page.Find("[data-testid='timeline-gap-days']").TextContent.Should().Be("断档 10 天（预计 5 天）");
    }

    [Fact]
    public void Today_is_marked_at_the_middle_of_its_day()
    {
        var page = RenderTimeline();

        var today = page.Find("[data-testid='timeline-today']");
        today.GetAttribute("data-day").Should().Be("2026-12-05");
        var scale = new TimelineScale(new(2026, 1, 1), new(2027, 12, 31), Timeline.LabelWidth, Timeline.AxisWidth);
        today.QuerySelector("line")!.GetAttribute("x1").Should().Be(scale.Middle(ContinuityData.Today).ToString("0.##", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_renewal_is_a_connector_from_the_contract_to_its_successor()
    {
        var page = RenderTimeline();

        var link = page.Find("[data-testid='timeline-link']");
        link.GetAttribute("data-from").Should().Be(ContinuityData.Current.ToString());
        link.GetAttribute("data-to").Should().Be(ContinuityData.Successor.ToString());
        link.GetAttribute("marker-end").Should().Be("url(#timeline-arrow)");
    }

    [Fact]
    public void A_bridge_extension_is_drawn_in_its_own_colour()
    {
        var contracts = ContinuityData.Contracts();
        contracts[0].End = new DateOnly(2027, 2, 28);
        contracts[0].TermsVersion = 2;
        Contracts.Answer("ListContractsAsync", contracts);
        Contracts.Answer("ContractVersionsAsync", new List<TermsVersionView> { new() { Number = 1 }, new() { Number = 2, BridgeMonths = 2 } });

        var page = RenderTimeline();

        var bridge = page.FindAll("[data-testid='timeline-bar'][data-bridge='true']").Should().ContainSingle().Subject;
        bridge.GetAttribute("fill").Should().Be(Timeline.Purple);
        bridge.QuerySelector("title")!.TextContent.Should().StartWith("过渡期延续").And.EndWith("2027-01-01 至 2027-02-28");
    }

    [Fact]
    public void With_a_program_asked_for_only_its_row_is_drawn_without_listing_the_programs()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/continuity/timeline?programId={ContinuityData.Program}");

        var page = RenderTimeline();

        page.FindAll("[data-testid='timeline-row']").Should().ContainSingle();
        Continuity.Calls.Should().NotContain(c => c.Operation == "ContinuityDashboardAsync");
        page.Find("[data-testid='timeline-all']").GetAttribute("href").Should().Be("/continuity/timeline");
    }
}
