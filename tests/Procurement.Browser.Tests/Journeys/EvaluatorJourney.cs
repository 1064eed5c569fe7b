using System.Net;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Testing.Platform;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The evaluator's journey in zh-CN, by clicking and typing: from "my panels" to each bid's compliance review, then the
/// score sheet, where an outlying score opens the reason box the API asks for. Seeded through the API before it starts:
/// the opened tender (as Tendering and Bidding publish it), the purchaser's panel draw, and the other two members' sheets.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluatorJourney(BrowserPlatform browser)
{
    [Fact]
    public async Task An_expert_reviews_every_bid_then_scores_one_and_gives_the_reason_the_outlier_rule_asks_for()
    {
        var scene = await browser.Platform.OpenTenderForEvaluationAsync(
            "示范区居家养老服务项目（评审专家旅程）", PanelWork.Criteria, [new("agency1", 456_000m), new("agency2", 470_000m), new("agency3", 440_000m)]);
        using var purchaser = await browser.ApiAsync("purchaser");
        var panel = (await purchaser.DrawPanelAsync(scene.TenderId, 3, [])).Expect(HttpStatusCode.Created, "drawing the panel").Json<PanelView>();
        var members = panel.Members.OrderBy(m => m.Number).Select(m => EvaluationApi.DemoUserName(m.UserId)).ToList();
        var bid = scene.Bids["agency1"];

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(members[0]);
            await page.GotoAsync("/evaluator/panels");
            var row = page.GetByTestId($"panel-{scene.TenderId}");
            await Assertions.Expect(row.GetByTestId("panel-todo")).ToContainTextAsync("3 份投标待审查");
            await row.GetByTestId("open-panel").ClickAsync();

            foreach (var id in scene.Bids.Values)
            {
                await page.GetByTestId($"bid-{id}").GetByTestId("open-bid").ClickAsync();
                await page.GetByTestId("requirement-0").GetByTestId("met").CheckAsync();
                await page.GetByTestId("submit-compliance").ClickAsync();
                await Assertions.Expect(page.GetByTestId("compliance-verdict")).ToContainTextAsync("通过");
                await page.GetByTestId("back").ClickAsync();
            }

            await Assertions.Expect(page.GetByTestId("panel-stage")).ToHaveTextAsync("评分");
        });

        // The other two members score the first bid: the service plan at 25 and 24, so the panel median is 24.
        using (var second = await browser.ApiAsync(members[1]))
        {
            (await second.SubmitSheetAsync(scene.TenderId, bid, 25m, 20m)).Expect(HttpStatusCode.Created, "the second member's sheet");
        }

        using (var third = await browser.ApiAsync(members[2]))
        {
            (await third.SubmitSheetAsync(scene.TenderId, bid, 24m, 22m)).Expect(HttpStatusCode.Created, "the third member's sheet");
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(members[0]);
            await page.GotoAsync($"/evaluator/panels/{scene.TenderId}/bids/{bid}");
            var servicePlan = page.GetByTestId("criterion-0");
            var team = page.GetByTestId("criterion-1");
            await Assertions.Expect(servicePlan.GetByTestId("criterion-max")).ToHaveTextAsync("满分 30");
            await servicePlan.GetByTestId("points").FillAsync("5");
            await servicePlan.GetByTestId("comment").FillAsync("方案未覆盖夜间应急");
            await team.GetByTestId("points").FillAsync("21");
            await team.GetByTestId("comment").FillAsync("督导经验丰富");
            await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("26 / 60");

            await page.GetByTestId("submit-sheet").ClickAsync();
            var reason = servicePlan.GetByTestId("outlier-reason");
            await Assertions.Expect(servicePlan.GetByTestId("outlier-help")).ToContainTextAsync("24");
            await Assertions.Expect(team.GetByTestId("outlier-reason")).ToHaveCountAsync(0);
            await reason.FillAsync("投标文件未提供夜间应急预案，服务方案存在明显缺项");
            await page.GetByTestId("submit-sheet").ClickAsync();

            await Assertions.Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("已提交");
            await page.GotoAsync("/evaluator/panels");
            await Assertions.Expect(page.GetByTestId($"panel-{scene.TenderId}").GetByTestId("panel-todo")).ToContainTextAsync("2 份评分表待提交");
            await page.GotoAsync("/");
            await Assertions.Expect(page.GetByTestId($"home-panel-{scene.TenderId}")).ToContainTextAsync("2 份评分表待提交");
            await page.ScreenshotAsync("evaluator-home-with-work");
        });
    }
}
