using Procurement.Portal.Components.Pages.Evaluator;

namespace Procurement.Portal.Tests.Evaluator;

public sealed class The_score_sheet_shows_each_maximum_and_the_total_as_typed : PortalContext
{
    // The API keeps points with two decimals (30.00); the sheet writes them as people do (30).
    private static readonly SheetCriterion[] Criteria = [new("服务方案", 30.00m), new("团队经验", 20.00m)];

    private IRenderedComponent<ScoreSheetForm> Sheet(IReadOnlyList<ScoreLine> lines, IReadOnlyList<SheetOutlier>? outliers = null) =>
        Render<ScoreSheetForm>(p => p.Add(s => s.Criteria, Criteria).Add(s => s.Lines, lines).Add(s => s.Outliers, outliers ?? []));

    [Fact]
    public void Each_criterion_shows_its_maximum_and_the_input_refuses_more()
    {
        var sheet = Sheet([new ScoreLine("服务方案"), new ScoreLine("团队经验")]);

        var maxima = sheet.FindAll("[data-testid='criterion-max']").Select(e => e.TextContent).ToList();
        maxima.Should().Equal("满分 30", "满分 20");
        sheet.FindAll("[data-testid='points']").Select(e => e.GetAttribute("max")).Should().Equal("30", "20");
        sheet.Find("[data-testid='total']").TextContent.Should().Be("0 / 50");
    }

    [Fact]
    public void The_total_follows_each_score_as_it_is_typed()
    {
        var sheet = Sheet([new ScoreLine("服务方案"), new ScoreLine("团队经验")]);

        sheet.FindAll("[data-testid='points']")[0].Input("25.5");
        sheet.Find("[data-testid='total']").TextContent.Should().Be("25.5 / 50");

        sheet.FindAll("[data-testid='points']")[1].Input("18");
        sheet.Find("[data-testid='total']").TextContent.Should().Be("43.5 / 50");
    }

    [Fact]
    public void A_score_above_the_criterion_s_maximum_is_marked_beside_its_input()
    {
        var sheet = Sheet([new ScoreLine("服务方案"), new ScoreLine("团队经验")]);

        sheet.FindAll("[data-testid='points']")[1].Input("21");

        sheet.Find("[data-testid='criterion-1'] [data-testid='points-error']").TextContent.Should().Contain("0 至 20");
        sheet.FindAll("[data-testid='criterion-0'] [data-testid='points-error']").Should().BeEmpty();
    }

    [Fact]
    public void The_reason_box_of_a_reported_outlier_closes_once_the_score_is_within_the_allowed_distance()
    {
        var lines = new[] { new ScoreLine("服务方案") { Points = 5m }, new ScoreLine("团队经验") { Points = 15m } };
        var sheet = Sheet(lines, [new SheetOutlier("服务方案", 5m, 24m, 9m)]);

        sheet.Find("[data-testid='criterion-0'] [data-testid='outlier-help']").TextContent.Should().Contain("24").And.Contain("9");
        sheet.FindAll("[data-testid='criterion-1'] [data-testid='outlier-reason']").Should().BeEmpty();

        sheet.FindAll("[data-testid='points']")[0].Input("15");

        sheet.FindAll("[data-testid='outlier-reason']").Should().BeEmpty("15 is within 9 points of the median 24");
    }
}
