using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Evaluator;

namespace Procurement.Portal.Tests.Evaluator;

public sealed class The_bid_page_asks_for_reasons_and_shows_refusals_beside_the_field : PortalContext
{
    private readonly FakeEvaluations _api = new() { Evaluation = Scene.Scoring() };

    public The_bid_page_asks_for_reasons_and_shows_refusals_beside_the_field()
    {
        SignIn("evaluator1", "evaluator", "示范区评审专家库 独立专家1");
        Services.AddSingleton<IEvaluationsClient>(_api);

        // AntDesign's Alert measures itself through JS after rendering, which bUnit cannot answer; the refusal's banner
        // (ProblemAlert) is not what these tests look at: the message beside the field is.
        ComponentFactories.AddStub<AntDesign.Alert>();
    }

    private IRenderedComponent<Bid> Page() => Render<Bid>(p => p.Add(b => b.TenderId, Scene.TenderId).Add(b => b.BidId, Scene.BidId));

    private static void Fill(IRenderedComponent<Bid> page, decimal servicePlan, decimal team)
    {
        var points = page.FindAll("[data-testid='points']");
        points[0].Input(servicePlan.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.FindAll("[data-testid='points']")[1].Input(team.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.FindAll("[data-testid='comment']")[0].Input("方案具体，走访频次明确");
        page.FindAll("[data-testid='comment']")[1].Input("督导经验八年");
    }

    [Fact]
    public void The_sheet_lists_only_the_criteria_the_panel_scores()
    {
        var page = Page();

        page.WaitForElement("[data-testid='score-sheet']");
        page.FindAll("[data-testid='criterion-name']").Select(e => e.TextContent).Should().Equal("服务方案", "团队经验");
        page.Find("[data-testid='bid-price']").TextContent.Should().Be("¥456,000.00");
    }

    [Fact]
    public void While_the_sheets_load_the_page_renders_without_the_sheet_and_then_with_a_line_per_criterion()
    {
        _api.SheetsHold = new TaskCompletionSource();

        var page = Page();
        page.FindAll("[data-testid='score-sheet'] [data-testid='points']").Should().BeEmpty("the criteria wait for their lines");

        _api.SheetsHold.SetResult();
        page.WaitForAssertion(() => page.FindAll("[data-testid='points']").Should().HaveCount(2));
    }

    [Fact]
    public void When_the_API_finds_an_outlier_a_reason_box_opens_and_the_reason_goes_with_the_next_submission()
    {
        _api.SubmitRefusals.Enqueue(FakeEvaluations.Problem(422, """
            {"status":422,"title":"违反业务规则","detail":"以下得分与评审小组中位数的差距超过该评分因素满分的 30%，须填写书面理由：\"服务方案\" 5 (median 24, allowed ±9.0)。",
             "rule":"score_outlier_needs_reason","field":"scores","outliers":[{"criterion":"服务方案","points":5,"median":24,"allowed":9.0}]}
            """));
        var page = Page();
        page.WaitForElement("[data-testid='score-sheet']");
        page.FindAll("[data-testid='outlier-reason']").Should().BeEmpty("no reason is asked before the API compares the sheet");

        Fill(page, 5m, 15m);
        page.Find("[data-testid='submit-sheet']").Click();

        page.WaitForElement("[data-testid='criterion-0'] [data-testid='outlier-reason']");
        page.FindAll("[data-testid='criterion-1'] [data-testid='outlier-reason']").Should().BeEmpty();
        page.Find("[data-testid='criterion-0'] [data-testid='outlier-reason']").Input("该机构方案未覆盖夜间应急，扣分较多");
        page.Find("[data-testid='submit-sheet']").Click();

        page.WaitForElement("[data-testid='sheet-submitted']");
        _api.Submitted.Should().HaveCount(2);
        _api.Submitted[1].Scores!.First().OutlierReason.Should().Be("该机构方案未覆盖夜间应急，扣分较多");
        page.Find("[data-testid='sheet-status']").TextContent.Should().Be("已提交");
    }

    [Theory]
    [InlineData(
        422,
        """{"status":422,"title":"违反业务规则","detail":"“团队经验”的得分 19.5 须在 0 至 19 之间。","rule":"score_out_of_range","field":"scores"}""",
        "“团队经验”的得分 19.5 须在 0 至 19 之间。")]
    [InlineData(400, """{"status":400,"title":"请求有误","errors":{"scores[1].comment":["评语为必填项。"]}}""", "评语为必填项。")]
    public void A_refusal_of_one_criterion_shows_the_API_s_message_beside_that_criterion(int status, string refusal, string message)
    {
        _api.SubmitRefusals.Enqueue(FakeEvaluations.Problem(status, refusal));
        var page = Page();
        page.WaitForElement("[data-testid='score-sheet']");

        Fill(page, 19m, 15m);
        page.Find("[data-testid='submit-sheet']").Click();

        page.WaitForElement("[data-testid='criterion-1'] [data-testid='points-error']");
        page.Find("[data-testid='criterion-1'] [data-testid='points-error']").TextContent.Should().Be(message);
        page.FindAll("[data-testid='criterion-0'] [data-testid='points-error']").Should().BeEmpty();
    }
}
