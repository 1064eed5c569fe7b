using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Identity.Domain;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The continuity pictures and the performance evaluation in zh-CN, by clicking. Continuity: an elder-care contract ends
/// in 12 days with no successor procured (so the platform forecasts a late successor) and a Good mid-term grade; the
/// purchaser finds the program at risk on the dashboard, reads the renewal proposal and why, confirms the direct renewal
/// and sees the drafted successor linked on the timeline. Performance: the purchaser weighs the indicators and assigns the
/// evaluator, the evaluator scores, the agency reads the grade in its chart. With PROCUREMENT_UPDATE_SCREENSHOTS=1 the
/// timeline and the dashboard are saved as docs/portal/timeline.png and dashboard.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContinuityJourney(BrowserPlatform browser)
{
    [Fact]
    public async Task The_purchaser_finds_the_program_at_risk_confirms_the_proposed_renewal_and_sees_the_successor_linked()
    {
        var today = browser.Today;
        var start = today.AddDays(-353);
        const string name = "示范区长者居家社工服务（连续性旅程）";
        Guid programId;
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            programId = await ContractSeeding.ProgramAsync(purchaserApi, name, start);
        }

        var contractId = await ContractSeeding.ActiveAsync(browser, programId, "长者居家社工服务 2026", "agency1", 1_200_000m, start, today.AddDays(12));
        await ContractSeeding.GradeAsync(browser, contractId, 86m);
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            await Poll.UntilAsync(
                async () => (await purchaserApi.GetFromJsonAsync<JsonElement>($"/api/continuity/contracts/{contractId}/renewal")).GetProperty("proposal").GetProperty("path").GetString() == "DirectRenewal",
                "the Good grade reaching the renewal proposal", ContractSeeding.Patience);
            await ContractSeeding.UntilClockJobsAsync(
                browser,
                async () => (await purchaserApi.GetFromJsonAsync<JsonElement>("/api/continuity/dashboard")).GetProperty("atRisk").EnumerateArray()
                    .Any(r => r.GetProperty("contractId").GetGuid() == contractId),
                "the forecast putting the program at risk");
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync("/continuity");
            await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
            await page.GetByTestId("figure-AtRisk").ClickAsync();
            var risk = page.GetByTestId("list-AtRisk").Locator($"[data-program='{programId}']");
            await Expect(risk.GetByTestId("risk-program")).ToHaveTextAsync(name);
            await Expect(risk.GetByTestId("risk-days-left")).ToHaveTextAsync("剩 12 天");
            await page.ScreenshotAsync("dashboard");

            await risk.GetByTestId("risk-renewal").ClickAsync();
            await Expect(page.GetByTestId("renewal-proposal")).ToHaveTextAsync("直接续签");
            await Expect(page.GetByTestId("renewal-grade")).ToContainTextAsync("最近一次为 良好");
            await Expect(page.GetByTestId("renewal-cap")).ToContainTextAsync("上限 36 个月");
            await Expect(page.GetByTestId("renewal-lead-time")).ToContainTextAsync("续签工作自");
            await page.GetByTestId("renewal-confirm").ClickAsync();
            await page.GetByTestId("renewal-sure-yes").ClickAsync();
            await Expect(page.GetByTestId("renewal-decision")).ToContainTextAsync("直接续签");
            await Expect(page.GetByTestId("renewal-successor")).ToBeVisibleAsync();

            await page.GetByTestId("renewal-timeline").ClickAsync();
            await Expect(page.GetByTestId("timeline-row")).ToHaveCountAsync(1);
            await Expect(page.Locator($"[data-testid='timeline-link'][data-from='{contractId}']")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("timeline-bar")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("timeline-today")).ToHaveCountAsync(1);
            await page.ScreenshotAsync("timeline");
        });
    }

    [Fact]
    public async Task The_purchaser_weighs_the_indicators_and_assigns_the_evaluator_who_scores_and_the_agency_sees_its_grade_in_the_chart()
    {
        var today = browser.Today;
        Guid programId;
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            programId = await ContractSeeding.ProgramAsync(purchaserApi, "示范区青少年社工服务（绩效旅程）", today.AddDays(-120));
        }

        var contractId = await ContractSeeding.ActiveAsync(browser, programId, "青少年社工服务", "agency2", 600_000m, today.AddDays(-120), today.AddDays(244));
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            (await purchaserApi.WaitForPerformanceAsync(contractId, ContractSeeding.Patience)).Should().NotBeNull("the contract's indicators reach Evaluation");
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/performance/contracts/{contractId}");
            var weights = page.GetByTestId("indicator-weight");
            await Expect(weights).ToHaveCountAsync(2);
            await weights.Nth(0).FillAsync("60");
            await weights.Nth(0).BlurAsync();
            await weights.Nth(1).FillAsync("40");
            await weights.Nth(1).BlurAsync();
            await Expect(page.GetByTestId("weights-sum")).ToContainTextAsync("100");
            await page.GetByTestId("weights-save").ClickAsync();
            await Expect(page.GetByTestId("weights-save")).ToBeEnabledAsync();
            var midTerm = page.GetByTestId("stage-MidTerm");
            // The expert pool is listed to admins and auditors only: the purchaser names evaluator1's organisation by its id.
            await midTerm.GetByTestId("stage-evaluator-id").FillAsync(DemoDirectory.Experts[0].ToString());
            await midTerm.GetByTestId("stage-assign").ClickAsync();
            await Expect(midTerm.GetByTestId("stage-evaluator")).Not.ToContainTextAsync("尚未指定");
        });

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("evaluator1");
            await page.GotoAsync("/performance");
            await page.Locator($"[data-testid='assignment'][data-contract='{contractId}']").GetByTestId("assignment-open").ClickAsync();
            var lines = page.GetByTestId("score-line");
            await Expect(lines).ToHaveCountAsync(2);
            foreach (var (line, score) in new[] { (0, "92"), (1, "85") })
            {
                await lines.Nth(line).GetByTestId("score-value").FillAsync(score);
                await lines.Nth(line).GetByTestId("score-value").BlurAsync();
                await lines.Nth(line).GetByTestId("score-comment").FillAsync("服务记录完整");
                await lines.Nth(line).GetByTestId("score-comment").BlurAsync();
            }

            await Expect(page.GetByTestId("score-preview")).ToContainTextAsync("89.20");
            await page.GetByTestId("score-submit").ClickAsync();
            await Expect(page.GetByTestId("stage-MidTerm").GetByTestId("stage-grade")).ToHaveTextAsync("良好");
        });

        var agency = DemoDirectory.UserNamed("agency2").OrganisationId;
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("agency2");
            await page.GotoAsync("/performance");
            await page.Locator($"[data-testid='contract-performance'][data-contract='{contractId}']").WaitForAsync();
            await page.GotoAsync($"/performance/agencies/{agency}");
            await Expect(page.Locator("[data-testid='grade-bar'][data-score='89.20'][data-grade='Good']")).Not.ToHaveCountAsync(0);
        });
    }
}
