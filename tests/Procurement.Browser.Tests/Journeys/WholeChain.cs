using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;
using static Procurement.Browser.Tests.Journeys.Steps;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The whole chain in zh-CN, by clicking and typing: the purchaser publishes a tender through the wizard, agency1..3 bid
/// through the bid form, the drawn panel reviews and scores every bid on the evaluator pages, and the purchaser draws the
/// panel and awards on the tender page's after-deadline section.
/// Seeded through the API, as allowed: the program (before the journey), each agency's profile and one intermediate
/// supervisor on its roster (the profile and roster pages have their own journey), and the jump of the test clock past
/// the bid deadline. The API is otherwise only read: to wait for asynchronous steps and to check the end state.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WholeChain(BrowserPlatform browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The three bidders: profile, price, and the points every panel member gives the service plan (of 50).</summary>
    private static readonly Bidder[] Bidders =
    [
        new("agency1", "示范区阳光社会工作服务中心", "52440305MA0Y202609", 456_000m, 48m),
        new("agency2", "示范区春晖社会工作服务社", "52440305MJL100025B", 470_000m, 40m),
        new("agency3", "示范区同心社会工作发展中心", "52440305MJL1000336", 440_000m, 30m),
    ];

    [Fact]
    public async Task A_tender_goes_from_the_wizard_through_three_bids_and_the_panel_to_the_award_of_the_first_ranked_bid()
    {
        // Before the journey: the program, and each agency's profile with one intermediate supervisor (seeded through the API).
        var programName = "全链路长者社工服务 " + Guid.NewGuid().ToString("N")[..6];
        using (var api = await browser.ApiAsync("purchaser"))
        {
            await api.CreateProgramAsync(programName, "示范区");
        }

        var workers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var bidder in Bidders)
        {
            using var agency = await browser.ApiAsync(bidder.User);
            await agency.RegisterAgencyAsync(new AgencyProfileBody(
                bidder.Name, bidder.CreditCode, new DateOnly(2015, 3, 2), "示范区幸福路 1 号", [new ContactBody("王五", "13800138000", "wang@example.cn")]));
            var idNumber = TenderingApi.NewIdNumber();
            workers[bidder.User] = await agency.AddWorkerAsync(new WorkerBody($"陈静（{bidder.User}）", idNumber, "Intermediate", $"S{idNumber[6..]}", IsSupervisor: true));
        }

        // The purchaser publishes a competitive consultation (10 days' bidding, a panel of 3) through the wizard.
        var title = $"全链路居家社工服务采购 {Guid.NewGuid():N}"[..22];
        var deadlineDay = browser.Today.AddDays(14);
        var tenderId = Guid.Empty;
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GetByTestId("menu-tenders").ClickAsync();
            await page.GetByTestId("tender-new").ClickAsync();
            await page.GetByTestId("method-CompetitiveConsultation").ClickAsync();
            await Expect(page.GetByTestId("method-rules")).ToContainTextAsync("不少于 10 日");
            await page.GetByTestId("wizard-next").ClickAsync();

            await Expect(page.GetByTestId("wizard-step-1")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-step-1").Locator(".ant-select").First.ClickAsync();
            await page.Locator(".ant-select-item-option").Filter(new LocatorFilterOptions { HasText = programName }).ClickAsync();
            await page.Locator("#tender-title").FillAsync(title);
            await page.Locator("#service-description").FillAsync("为辖区独居、空巢长者提供居家探访、助餐助医与心理支持服务。");
            await TypeNumberAsync(page, "budget-ceiling", "500000");
            await TypeDateAsync(page, "service-start", Day(browser.Today.AddDays(60)));
            await TypeDateAsync(page, "service-end", Day(browser.Today.AddDays(60 + 364)));
            await Expect(page.GetByTestId("budget-ceiling-shown")).ToHaveTextAsync("¥500,000.00");
            await page.GetByTestId("wizard-next").ClickAsync();

            // One certified social worker, at intermediate level, who supervises; one eligibility requirement.
            await TypeNumberAsync(page, "certified-workers", "1");
            await page.GetByTestId("eligibility-add").ClickAsync();
            await page.Locator("#eligibility-0").FillAsync("依法登记的社会工作服务机构");
            await page.GetByTestId("wizard-next").ClickAsync();

            await page.GetByTestId("kpi-add").ClickAsync();
            await page.Locator("#kpi-0-name").FillAsync("服务时长");
            await page.Locator("#kpi-0-unit").FillAsync("小时");
            await TypeNumberAsync(page, "kpi-0-target", "2400");
            await page.GetByTestId("wizard-next").ClickAsync();

            await Expect(page.GetByTestId("schedule-ok")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // The offered scheme: price 30, service plan 50, track record 20.
            await Expect(page.GetByTestId("scheme-ok")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            await TypeDateAsync(page, "bid-deadline", Day(deadlineDay) + " 17:00");
            await page.GetByTestId("wizard-publish").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/purchaser/tenders/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
            await Expect(page.GetByTestId("tender-status")).ToHaveTextAsync("招标中");
            tenderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3]);
        });

        using (var agency = await browser.ApiAsync("agency1"))
        {
            (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the tender published through the wizard reaches Bidding");
        }

        // Each agency finds the tender and bids through the bid form.
        foreach (var bidder in Bidders)
        {
            await browser.RunAsync(async page =>
            {
                await page.SignInAsync(bidder.User);
                await page.GotoAsync("/agency/tenders");
                await page.GetByTestId("tenders-search").FillAsync(title);
                var tender = page.GetByTestId($"tender-{tenderId}");
                await Expect(tender).ToBeVisibleAsync();
                await tender.GetByTestId("tender-bid").ClickAsync();

                await Expect(page.GetByTestId("bid-title")).ToContainTextAsync(title);
                var personnel = bidder.Price * 0.75m;
                await FillTestIdNumberAsync(page, "bid-price", Whole(bidder.Price));
                await FillTestIdNumberAsync(page, "bid-cost-personnel", Whole(personnel));
                await FillTestIdNumberAsync(page, "bid-cost-activities", Whole(bidder.Price - personnel - 40_000m));
                await FillTestIdNumberAsync(page, "bid-cost-administration", "30000");
                await FillTestIdNumberAsync(page, "bid-cost-other", "10000");
                await Expect(page.GetByTestId("bid-costs-check")).ToContainTextAsync("与报价一致");
                await page.GetByTestId("plan-pick").SelectOptionAsync(workers[bidder.User].ToString());
                await page.GetByTestId("plan-add").ClickAsync();
                await FillTestIdNumberAsync(page, "plan-0-pay", "8000");
                await page.GetByTestId("bid-proposal").Locator("textarea").FillAsync("以个案管理为核心，组建持证社工与督导团队，提供居家探访、助餐助医与心理支持服务。");
                await page.GetByTestId("bid-submit").ClickAsync();

                await Expect(page.GetByTestId("bid-submitted")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("receipt-sha256")).ToHaveValueAsync(new Regex("^[0-9a-f]{64}$"));
            });
        }

        var bids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var bidder in Bidders)
        {
            using var agency = await browser.ApiAsync(bidder.User);
            bids[bidder.User] = (await agency.MyBidsAsync()).Single(b => b.TenderId == tenderId).BidId;
        }

        // Seeded: the clock jumps past the bid deadline; the bids are opened and the evaluation starts in the background.
        browser.AdvanceClockTo(deadlineDay, new TimeOnly(17, 1));
        using var purchaser = await browser.ApiAsync("purchaser");
        await Poll.UntilAsync(async () => (await purchaser.EvaluationAsync(tenderId)).Status == HttpStatusCode.OK, "the evaluation of the opened bids", Patience, TimeSpan.FromMilliseconds(250));

        // The purchaser draws a panel of three on the tender page.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/purchaser/tenders/{tenderId}");
            await page.WaitForPortalAsync();
            await Expect(page.GetByTestId("opening-row")).ToHaveCountAsync(3);
            await page.Locator("#panel-size-input_input, #panel-size-input input").First.FillAsync("3");
            await page.Locator("#panel-size-input_input, #panel-size-input input").First.BlurAsync();
            await page.GetByTestId("draw-panel").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("panel-drawn")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("panel-member")).ToHaveCountAsync(3);
        });

        // Anyone, without a session, now reads the opening record on the tender's public announcement (DOMAIN.md §11).
        await using (var reader = await browser.NewContextAsync())
        {
            var page = await reader.NewPageAsync();
            await page.GotoAsync($"/public/tenders/{tenderId}");
            await Expect(page.Locator("h2", new() { HasText = "开标记录" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("public-opening-row")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("public-opening-row").First).ToContainTextAsync("¥");
        }

        var panel = (await purchaser.PanelAsync(tenderId)).Expect(HttpStatusCode.OK, "reading the drawn panel").Json<PanelView>();
        var members = panel.Members.OrderBy(m => m.Number).Select(m => EvaluationApi.DemoUserName(m.UserId)).ToList();

        // The first member finds the requirement met in every bid (one review per bid closes it for the panel), then every
        // member scores every bid's service plan, the same points each, so no score is an outlier.
        for (var m = 0; m < members.Count; m++)
        {
            var reviews = m == 0;
            await browser.RunAsync(async page =>
            {
                await page.SignInAsync(members[m]);
                await page.GotoAsync("/evaluator/panels");
                await page.GetByTestId($"panel-{tenderId}").GetByTestId("open-panel").ClickAsync();
                if (reviews)
                {
                    await Expect(page.GetByTestId("panel-stage")).ToHaveTextAsync("资格性、符合性审查");
                    foreach (var bid in bids.Values)
                    {
                        await page.GetByTestId($"bid-{bid}").GetByTestId("open-bid").ClickAsync();
                        await page.GetByTestId("requirement-0").GetByTestId("met").CheckAsync();
                        await page.GetByTestId("submit-compliance").ClickAsync();
                        await Expect(page.GetByTestId("compliance-verdict")).ToContainTextAsync("通过");
                        await page.GetByTestId("back").ClickAsync();
                    }
                }

                await Expect(page.GetByTestId("panel-stage")).ToHaveTextAsync("评分");
                foreach (var bidder in Bidders)
                {
                    await page.GetByTestId($"bid-{bids[bidder.User]}").GetByTestId("open-bid").ClickAsync();
                    var plan = page.GetByTestId("criterion-0");
                    await Expect(plan.GetByTestId("criterion-max")).ToHaveTextAsync("满分 50");
                    await plan.GetByTestId("points").FillAsync(Whole(bidder.ServicePlan));
                    await plan.GetByTestId("comment").FillAsync("服务方案完整，分工清楚");
                    await Expect(page.GetByTestId("total")).ToHaveTextAsync($"{Whole(bidder.ServicePlan)} / 50");
                    await page.GetByTestId("submit-sheet").ClickAsync();
                    await Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("已提交");
                    await page.GetByTestId("back").ClickAsync();
                }
            });
        }

        // The ranking: agency1 first (price 28.95 + plan 48), before agency2 (28.09 + 40) and agency3 (30 + 30); the track
        // record points the platform computes are the same for the three.
        var recommended = await purchaser.WaitForAwardAsync(tenderId, a => a.Status == "Recommended", Patience);
        recommended.Should().NotBeNull("the completed evaluation recommends the first-ranked bid");
        recommended!.RecommendedBidId.Should().Be(bids["agency1"]);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/purchaser/tenders/{tenderId}");
            await page.WaitForPortalAsync();
            var first = page.GetByTestId("ranking-row").First;
            await Expect(first.GetByTestId("ranking-rank")).ToHaveTextAsync("1");
            await Expect(first.GetByTestId("ranking-agency")).ToHaveTextAsync(Bidders[0].Name);
            await Expect(page.GetByTestId("ranking-row")).ToHaveCountAsync(3);
            var chart = page.GetByTestId("ranking-chart");
            await Expect(chart.Locator("canvas, svg").First).ToBeVisibleAsync();
            await chart.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync("ranking-chart");

            await Expect(page.GetByTestId("award-recommended")).ToContainTextAsync(Bidders[0].Name);
            await page.GetByTestId("award-button").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("award-confirm")).ToContainTextAsync(Bidders[0].Name);
            await page.GetByTestId("award-confirm-yes").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("awarded-to")).ToContainTextAsync(Bidders[0].Name);
            await Expect(page.GetByTestId("awarded-to")).ToContainTextAsync("¥456,000.00");
        });

        var award = (await purchaser.AwardAsync(tenderId)).Expect(HttpStatusCode.OK, "reading the award").Json<AwardView>();
        award.Status.Should().NotBe("Recommended");
        award.BidId.Should().Be(bids["agency1"]);
        award.Amount.Should().Be(456_000.00m);

        // The result is public now: anyone, without a session, reads the winner, the ranking and the challenge window on
        // the tender's announcement (DOMAIN.md §11).
        await using var publicReader = await browser.NewContextAsync();
        var announcement = await publicReader.NewPageAsync();
        await announcement.GotoAsync($"/public/tenders/{tenderId}");
        await Expect(announcement.GetByTestId("public-winner")).ToHaveTextAsync(Bidders[0].Name);
        await Expect(announcement.GetByTestId("public-award-amount")).ToHaveTextAsync("¥456,000.00");
        await Expect(announcement.GetByTestId("public-ranking-row")).ToHaveCountAsync(3);
        await Expect(announcement.GetByTestId("public-challenge-window")).ToContainTextAsync("7 个工作日");
        await Expect(announcement.GetByTestId("public-opening-row")).ToHaveCountAsync(3);
        await announcement.ScreenshotAsync("public-result");
        await announcement.GotoAsync($"/public/tenders/{tenderId}?culture=en");
        await Expect(announcement.Locator("h2", new() { HasText = "Result announcement" })).ToBeVisibleAsync();
        await Expect(announcement.GetByTestId("public-challenge-window")).ToContainTextAsync("7 working days");
        await Expect(announcement.GetByTestId("public-result-status")).ToHaveTextAsync("Challenge window open");
        await announcement.ScreenshotAsync("en-public-result");
    }

    private static string Whole(decimal amount) => decimal.Truncate(amount).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Bidder(string User, string Name, string CreditCode, decimal Price, decimal ServicePlan);
}
