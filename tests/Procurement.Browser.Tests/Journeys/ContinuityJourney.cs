using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
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
/// and sees the drafted successor linked on the timeline. Bridges: two contracts end in 20 days with no successor; the
/// purchaser reads each proposed bridge and why, approves one and declines the other with a reason, and the dashboard's
/// figures open the lists they count (bridges in force, renewals due). Performance: the purchaser weighs the indicators
/// and assigns the evaluator, the evaluator scores, the agency reads the grade in its chart. With PROCUREMENT_UPDATE_SCREENSHOTS=1 the
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
    public async Task The_purchaser_approves_one_proposed_bridge_declines_another_with_a_reason_and_the_dashboards_figures_open_their_lists()
    {
        // Two contracts ending in 20 days with no successor procured: within the 30 days before the end the platform
        // proposes a bridge for each (the alert clock, DOMAIN.md §2).
        var approved = await EndingSoonAsync("示范区困境儿童关爱服务（过渡期批准）", "agency1", 1_200_000m);
        var declined = await EndingSoonAsync("示范区残疾人康复服务（过渡期拒绝）", "agency2", 600_000m);
        JsonElement proposal;
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            await ContractSeeding.UntilClockJobsAsync(
                browser,
                async () => (await purchaserApi.ContractAsync(approved)).State == "Expiring" && (await purchaserApi.ContractAsync(declined)).State == "Expiring",
                "both contracts in their renewal window");
            await ContractSeeding.UntilClockJobsAsync(
                browser, async () => await HasProposalAsync(purchaserApi, approved) && await HasProposalAsync(purchaserApi, declined), "the bridges proposed for both contracts");
            proposal = await purchaserApi.GetFromJsonAsync<JsonElement>($"/api/continuity/contracts/{approved}/bridge-proposal");
        }

        var months = proposal.GetProperty("months").GetInt32();
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");

            // What is proposed and why, then approved by two clicks.
            await page.GotoAsync($"/continuity/contracts/{approved}/bridge");
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("待审批");
            await Expect(page.GetByTestId("bridge-proposal")).ToHaveTextAsync(
                $"按原月费率延续 {months} 个月：{Day(proposal, "extensionStart")} 至 {Day(proposal, "extensionEnd")}");
            await Expect(page.GetByTestId("bridge-money")).ToHaveTextAsync(
                $"每月 {Money(proposal, "monthlyRate")}，共 {Money(proposal, "amount")}");
            await Expect(page.GetByTestId("bridge-why")).ToContainTextAsync($"后续合同预计 {Day(proposal, "expectedSuccessorStart")} 开始");
            await page.GetByTestId("bridge-approve").ClickAsync();
            await Expect(page.GetByTestId("bridge-sure")).ToContainTextAsync("按原月费率延续");
            await page.GetByTestId("bridge-sure-yes").ClickAsync();
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("已批准");
            await Expect(page.GetByTestId("bridge-approve")).ToHaveCountAsync(0);

            // The second proposal is declined: without a reason the API refuses beside the field, with one it is recorded.
            await page.GotoAsync($"/continuity/contracts/{declined}/bridge");
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("待审批");
            await page.GetByTestId("bridge-decline").ClickAsync();
            await page.GetByTestId("bridge-sure-yes").ClickAsync();
            await Expect(page.GetByTestId("bridge-sure").Locator(".ant-form-item-explain-error")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("待审批");
            const string reason = "后续采购已提前启动，不需延续";
            await page.GetByTestId("bridge-decline-reason-input").FillAsync(reason);
            await page.GetByTestId("bridge-decline-reason-input").BlurAsync();
            await page.GetByTestId("bridge-sure-yes").ClickAsync();
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("已拒绝");
            await Expect(page.GetByTestId("bridge-decline-reason")).ToContainTextAsync(reason);
            await Expect(page.GetByTestId("bridge-decline")).ToHaveCountAsync(0);

            // Each figure of the dashboard is the count of the list it opens: the bridges in force (the approved one is
            // there, and its row leads back to its proposal) and the renewals due (the declined one waits for a decision).
            await page.GotoAsync("/continuity");
            await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
            await page.GetByTestId("figure-Bridges").ClickAsync();
            var bridges = page.GetByTestId("list-Bridges");
            await Expect(bridges.Locator($"a[href='/contracts/{approved}']")).ToHaveCountAsync(1);
            await Expect(bridges.Locator($"a[href='/contracts/{declined}']")).ToHaveCountAsync(0);
            await Expect(bridges.GetByTestId("list-row")).ToHaveCountAsync(await FigureAsync(page, "Bridges"));

            await page.GetByTestId("figure-RenewalsDue").ClickAsync();
            var renewals = page.GetByTestId("list-RenewalsDue");
            await Expect(renewals.Locator($"[data-testid='renewal-due'][href='/continuity/contracts/{declined}/renewal']")).ToHaveCountAsync(1);
            await Expect(renewals.GetByTestId("list-row")).ToHaveCountAsync(await FigureAsync(page, "RenewalsDue"));
            await renewals.Locator($"[data-testid='renewal-due'][href='/continuity/contracts/{declined}/renewal']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/continuity/contracts/{declined}/renewal$"));

            await page.GotoAsync("/continuity");
            await page.GetByTestId("figure-Bridges").ClickAsync();
            await page.GetByTestId("list-Bridges").Locator($"a[href='/continuity/contracts/{approved}/bridge']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/continuity/contracts/{approved}/bridge$"));
            await Expect(page.GetByTestId("bridge-status")).ToHaveTextAsync("已批准");
        });
    }

    /// <summary>A running contract of a program of its own, its year ending 20 days from today, with no successor.</summary>
    private async Task<Guid> EndingSoonAsync(string program, string agencyUser, decimal amount)
    {
        var end = browser.Today.AddDays(20);
        var start = end.AddYears(-1).AddDays(1);
        Guid programId;
        using (var purchaserApi = await browser.ApiAsync("purchaser"))
        {
            programId = await ContractSeeding.ProgramAsync(purchaserApi, program, start);
        }

        return await ContractSeeding.ActiveAsync(browser, programId, program, agencyUser, amount, start, end);
    }

    private static async Task<bool> HasProposalAsync(HttpClient purchaserApi, Guid contractId)
    {
        using var answer = await purchaserApi.GetAsync(new Uri($"/api/continuity/contracts/{contractId}/bridge-proposal", UriKind.Relative));
        return answer.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<int> FigureAsync(IPage page, string list) =>
        int.Parse(await page.GetByTestId($"figure-{list}").GetByTestId("figure-value").TextContentAsync() ?? "", CultureInfo.InvariantCulture);

    private static string Day(JsonElement json, string name) => json.GetProperty(name).GetString()!;

    private static string Money(JsonElement json, string name) =>
        "¥" + json.GetProperty(name).GetDecimal().ToString("#,##0.00", CultureInfo.InvariantCulture);

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
            // The purchaser picks evaluator1's organisation by its name from Identity's directory of names.
            await midTerm.GetByTestId("stage-evaluator-select").SelectOptionAsync(DemoDirectory.Experts[0].ToString());
            await midTerm.GetByTestId("stage-assign").ClickAsync();
            await Expect(midTerm.GetByTestId("stage-evaluator")).ToContainTextAsync(DemoDirectory.Organisations.First(o => o.Id == DemoDirectory.Experts[0]).Name);
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
