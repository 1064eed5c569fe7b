using System.Net;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Testing.Platform;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The purchaser's award journey in zh-CN, by clicking: on the tender's evaluation page the purchaser draws the panel,
/// then, once the panel has reviewed and scored the bids (seeded through the API), reads the ranking table and chart and
/// awards the first-ranked bid through the confirmation. Seeded before it starts: the opened tender with three bids, as
/// Tendering and Bidding publish it into Evaluation (the evaluator's journey does the same).
/// </summary>
[Collection(BrowserCollection.Name)]
public class PurchaserAwardJourney(BrowserPlatform browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_purchaser_draws_the_panel_reads_the_ranking_and_awards_the_first_ranked_bid_after_confirming()
    {
        var scene = await browser.Platform.OpenTenderForEvaluationAsync(
            "示范区居家养老服务项目（定标旅程）", PanelWork.Criteria, [new("agency1", 456_000m), new("agency2", 470_000m), new("agency3", 440_000m)]);
        var evaluationPage = $"/purchaser/tenders/{scene.TenderId}/evaluation";

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync(evaluationPage);
            await Assertions.Expect(page.GetByTestId("evaluation-stage")).ToContainTextAsync("资格性和符合性审查");
            // The scene's bids reach Evaluation only (Bidding never opened them), so the opening record is "not opened yet":
            // the page shows that as a state of the tender, not as a refusal of the whole page.
            await Assertions.Expect(page.GetByTestId("opening-none")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("compliance-row")).ToHaveCountAsync(3);

            var size = page.Locator("#panel-size-input_input, #panel-size-input input.ant-input-number-input").First;
            await size.FillAsync("3");
            await size.BlurAsync();
            await page.GetByTestId("draw-panel").Locator("button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("panel-drawn")).ToContainTextAsync("共 3 人");
            await Assertions.Expect(page.GetByTestId("panel-member")).ToHaveCountAsync(3);
        });

        // The panel drawn by the click reviews every bid (its first member) and scores it: agency3 (the cheapest) best, agency2 worst, all alike.
        using var purchaser = await browser.ApiAsync("purchaser");
        var panel = (await purchaser.PanelAsync(scene.TenderId)).Expect(HttpStatusCode.OK, "reading the panel").Json<PanelView>();
        panel.Members.Should().HaveCount(3);
        var points = new Dictionary<string, decimal> { ["agency1"] = 24m, ["agency2"] = 20m, ["agency3"] = 28m };
        await browser.ReviewAndScoreEveryBidAsync(scene, panel, points);

        var recommended = await purchaser.WaitForAwardAsync(scene.TenderId, a => a.Status == "Recommended", Patience);
        recommended.Should().NotBeNull("the completed evaluation recommends an award");
        var winner = EvaluationApi.DemoOrganisation("agency3");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync(evaluationPage);
            await Assertions.Expect(page.GetByTestId("evaluation-stage")).ToContainTextAsync("评审完成");
            var rows = page.GetByTestId("ranking-row");
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(rows.First.GetByTestId("ranking-rank")).ToHaveTextAsync("1");
            await Assertions.Expect(rows.First.GetByTestId("ranking-price")).ToHaveTextAsync("¥440,000.00");
            await Assertions.Expect(rows.Last.GetByTestId("ranking-price")).ToHaveTextAsync("¥470,000.00");

            // The chart is drawn (an SVG or a canvas) once ECharts has run in the page.
            await Assertions.Expect(page.GetByTestId("ranking-chart").Locator("svg, canvas").First).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(1000);
            await page.ScreenshotAsync("ranking-chart");

            await Assertions.Expect(page.GetByTestId("award-recommended")).ToContainTextAsync("¥440,000.00");
            await page.GetByTestId("award-button").Locator("button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("award-confirm")).ToContainTextAsync("¥440,000.00");
            await page.GetByTestId("award-confirm-yes").Locator("button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("awarded-to")).ToContainTextAsync("¥440,000.00");
            await Assertions.Expect(page.GetByTestId("award-button")).ToHaveCountAsync(0);
        });

        var award = await purchaser.WaitForAwardAsync(scene.TenderId, a => a.Status != "Recommended", Patience);
        award.Should().NotBeNull($"the award leaves Recommended within {Patience} of the confirmation");
        award!.Status.Should().NotBe("Recommended");
        award.BidId.Should().Be(scene.Bids["agency3"]);
        award.AgencyId.Should().Be(winner);
        award.Amount.Should().Be(440_000m);
        award.AwardedRank.Should().Be(1);
    }
}
