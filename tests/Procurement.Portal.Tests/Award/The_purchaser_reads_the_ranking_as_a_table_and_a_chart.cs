using System.Text.Json;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Award;

public sealed class The_purchaser_reads_the_ranking_as_a_table_and_a_chart : AfterDeadlineContext
{
    public The_purchaser_reads_the_ranking_as_a_table_and_a_chart()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Opening = AfterDeadlineData.Opening();
        Api.Panel = AfterDeadlineData.Panel();
        Api.Award = AfterDeadlineData.Award(AwardStatus.Recommended);
    }

    [Fact]
    public void The_table_lists_the_bids_by_rank_with_price_score_panel_mean_and_total()
    {
        var page = RenderPage();

        var rows = page.FindAll("[data-testid='ranking-row']");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-agency']")!.TextContent).Should().Equal("阳光社工", "春晖社工", "同心社工");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-rank']")!.TextContent).Should().Equal("1", "2", "3");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-price']")!.TextContent).Should().Equal("¥960,000.00", "¥880,000.00", "¥1,000,000.00");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-price-score']")!.TextContent).Should().Equal("27.50", "30.00", "26.40");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-non-price']")!.TextContent).Should().Equal("68.00", "58.25", "59.50");
        rows.Select(r => r.QuerySelector("[data-testid='ranking-total']")!.TextContent).Should().Equal("95.50", "88.25", "85.90");
    }

    [Fact]
    public void The_chart_stacks_each_bids_price_score_and_panel_mean_in_rank_order()
    {
        var page = RenderPage();

        page.FindAll("[data-testid='ranking-chart']").Should().ContainSingle();
        var (categories, price, nonPrice) = RankingChart.Data(EvaluationScores.Rows(Api.Evaluation!.Ranking));
        categories.Should().Equal("1. 阳光社工", "2. 春晖社工", "3. 同心社工");
        price.Should().Equal(27.50m, 30.00m, 26.40m);
        nonPrice.Should().Equal(68.00m, 58.25m, 59.50m);

        // What ECharts is given: two bar series on one stack, with the localised names and the scores in rank order.
        var options = JsonDocument.Parse(JSInterop.Invocations["vizorECharts.initChart"].Should().ContainSingle().Subject.Arguments[3]!.ToString()!).RootElement;
        options.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(c => c.GetString()).Should().Equal("1. 阳光社工", "2. 春晖社工", "3. 同心社工");
        var series = options.GetProperty("series").EnumerateArray().ToList();
        series.Select(s => (s.GetProperty("type").GetString(), s.GetProperty("stack").GetString(), s.GetProperty("name").GetString()))
            .Should().Equal(("bar", "total", "价格分"), ("bar", "total", "非价格分（评审委员会平均）"));
        series[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).Should().Equal(27.50m, 30.00m, 26.40m);
        series[1].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).Should().Equal(68.00m, 58.25m, 59.50m);
    }

    [Fact]
    public void The_opening_record_and_the_drawn_panel_with_its_seed_are_shown()
    {
        var page = RenderPage();

        page.FindAll("[data-testid='opening-row']").Should().HaveCount(2);
        page.FindAll("[data-testid='opening-price']").Select(p => p.TextContent).Should().Equal("¥960,000.00", "¥880,000.00");
        page.Find("[data-testid='opened-at']").TextContent.Should().Contain("2026-12-01 10:00");
        page.FindAll("[data-testid='panel-member']").Should().HaveCount(2);
        page.Find("[data-testid='panel-seed']").TextContent.Should().Be("seed-7f3a");
        page.Find("[data-testid='panel-drawn']").TextContent.Should().Contain("5").And.Contain("4").And.Contain("1");
    }

    [Fact]
    public void Before_the_ranking_is_final_the_bids_compliance_and_the_sheet_progress_are_shown_instead()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Scoring);
        Api.Award = null;

        var page = RenderPage();

        page.FindAll("[data-testid='ranking-row']").Should().BeEmpty();
        page.FindAll("[data-testid='ranking-chart']").Should().BeEmpty();
        page.FindAll("[data-testid='compliance-row']").Should().HaveCount(3);
        page.Find("[data-testid='sheet-progress']").TextContent.Should().Contain("已提交 7 / 应提交 15");
        page.Find("[data-testid='ranking-not-final']").TextContent.Should().NotBeEmpty();
    }
}
