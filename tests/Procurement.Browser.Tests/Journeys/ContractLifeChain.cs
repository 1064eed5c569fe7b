using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Identity.Domain;
using Procurement.Testing;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// One contract's whole life in zh-CN, by clicks alone from the award on (issue 15 item 7): the purchaser awards, the
/// challenge window passes, both parties sign, the start date activates the contract, the advance is requested, approved,
/// released and paid, the mid-term evaluation is weighed, assigned and scored (and its instalment paid the same way, so
/// the cash keeps ahead of the service), the renewal is confirmed at the renewal point, both parties sign the successor,
/// and the program's timeline shows the two contracts linked with no gap day, as the dashboard does.
/// Seeded through the API, as allowed, up to the award: the program (Tendering's, starting on the service's first day),
/// the tender opened for evaluation with three bids, the panel drawn and its scores in. The clock moves forward only as
/// time would (the challenge window, the start date, the renewal point); the API is otherwise only read, to wait for
/// what happens in the background and to find ids.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContractLifeChain(BrowserPlatform browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Award_both_sign_the_advance_and_the_mid_term_are_paid_the_renewal_is_confirmed_the_successor_signed_and_no_day_is_red()
    {
        // The service starts 30 days on: the award, its 7 working days' challenge window and both signatures fit before it.
        var start = browser.Today.AddDays(30);
        var end = start.AddMonths(4).AddDays(-1);
        var programName = $"全周期长者社工服务 {Guid.NewGuid():N}"[..16];
        Guid programId;
        SceneTender scene;
        using (var seeding = await browser.ApiAsync("purchaser"))
        {
            programId = await ContractSeeding.ProgramAsync(seeding, programName, start);
            scene = await browser.Platform.OpenTenderForEvaluationAsync(
                "示范区长者社工服务（全周期旅程）", PanelWork.Criteria, [new("agency1", 440_000m), new("agency2", 456_000m), new("agency3", 470_000m)],
                service: new SceneService(programId, start, end));
            PanelView? panel = null;
            await Poll.UntilAsync(async () =>
            {
                // Evaluation learns the program's service domain from Tendering's outbox: until then the draw is refused.
                var drawn = await seeding.DrawPanelAsync(scene.TenderId, 3, []);
                if (drawn.Status == HttpStatusCode.Created || drawn.Status == HttpStatusCode.OK)
                {
                    panel = drawn.Json<PanelView>();
                }

                return panel is not null;
            }, "the panel of three drawn", Patience, TimeSpan.FromMilliseconds(500));
            await browser.ReviewAndScoreEveryBidAsync(scene, panel!, new Dictionary<string, decimal> { ["agency1"] = 28m, ["agency2"] = 24m, ["agency3"] = 20m });
            (await seeding.WaitForAwardAsync(scene.TenderId, a => a.Status == "Recommended", Patience)).Should().NotBeNull("the scored panel recommends an award");
        }

        // The purchaser awards the first-ranked bid.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/purchaser/tenders/{scene.TenderId}/evaluation");
            await page.WaitForPortalAsync();
            await Expect(page.GetByTestId("ranking-row").First.GetByTestId("ranking-price")).ToHaveTextAsync("¥440,000.00");
            await page.GetByTestId("award-button").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("award-confirm")).ToContainTextAsync("¥440,000.00");
            await page.GetByTestId("award-confirm-yes").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("awarded-to")).ToContainTextAsync("¥440,000.00");
        });

        // The challenge window passes with no challenge: the award is confirmed and Contracting drafts the contract.
        Guid contractId;
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            var award = await purchaser.WaitForAwardAsync(scene.TenderId, a => a.ChallengeWindowClosesAt is not null, Patience);
            browser.AdvanceClock(award!.ChallengeWindowClosesAt!.Value - browser.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
            var draft = await purchaser.WaitForContractOfTenderAsync(scene.TenderId, Patience);
            draft.Should().NotBeNull("the confirmed award is drafted into a contract");
            contractId = draft!.Id;
            draft.Start.Should().Be(start);
            browser.Today.Should().BeBefore(start, "the signatures must come before the start date");
        }

        // The purchaser finds the draft in the list, keeps the payment term and signs; agency1 signs.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync("/contracts");
            await page.WaitForPortalAsync();
            await page.GetByTestId("filter-state").SelectOptionAsync("Draft");
            await page.Locator($"a[data-testid='contract-link'][href='/contracts/{contractId}']").ClickAsync();
            await SignAsync(page, "Draft", "PendingSignature");
        });
        await AgencySignsAsync(contractId);

        // Both signed: anyone, without a session, reads the contract announcement, with both parties' signatures checked
        // (DOMAIN.md §11, issue 18 items 1 and 4). (This scene's tender was seeded into Evaluation, not published through
        // Tendering, so the announcement is read at its own address rather than on the tender's page.)
        await using (var publicReader = await browser.NewContextAsync())
        {
            var announcement = await publicReader.NewPageAsync();
            await announcement.GotoAsync($"/public/contracts/{contractId}");
            await Expect(announcement.GetByTestId("public-contract-title")).ToBeVisibleAsync();
            await Expect(announcement.GetByTestId("public-contract-verified")).ToHaveAttributeAsync("data-valid", "true");
            await Expect(announcement.GetByTestId("public-contract-amount")).ToContainTextAsync("¥");
            await Expect(announcement.GetByTestId("public-contract-version")).ToHaveCountAsync(1);
            await Expect(announcement.GetByTestId("public-contract-version")).ToContainTextAsync("采购人");
            await Expect(announcement.GetByTestId("public-contract-version")).ToContainTextAsync("供应商");
            await announcement.GetByTestId("public-contract").ScrollIntoViewIfNeededAsync();
            await announcement.ScreenshotAsync("public-contract");
            await announcement.GotoAsync($"/public/contracts/{contractId}?culture=en");
            await Expect(announcement.GetByTestId("public-contract-title")).ToContainTextAsync("Contract announcement");
            await Expect(announcement.GetByTestId("public-contract-state")).ToHaveTextAsync("Signed, not yet in force");
            await Expect(announcement.GetByTestId("public-contract-verified")).ToContainTextAsync("Signatures verified");
            await announcement.ScreenshotAsync("en-public-contract");

            // The contract list (issue 18 item 1), from the header: filtered by its program's region and service domain.
            await announcement.GotoAsync($"/public/contracts/{contractId}");
            await announcement.GetByTestId("public-contracts-link").ClickAsync();
            await Expect(announcement.Locator("h1")).ToHaveTextAsync("合同公告");
            await announcement.GetByTestId("filter-region").FillAsync("示范区");
            await announcement.GetByTestId("filter-domain").SelectOptionAsync("Elderly");
            await announcement.GetByTestId("filter-submit").ClickAsync();
            announcement.Url.Should().Contain("serviceDomain=Elderly", "the filter is in a stable address");
            var listed = announcement.Locator($"[data-testid=public-contract-row]:has(a[href='/public/contracts/{contractId}'])");
            await Expect(listed).ToHaveCountAsync(1);
            await Expect(listed).ToContainTextAsync("示范区");
            await announcement.ScreenshotAsync("public-contracts");
            await announcement.GetByTestId("public-language").ClickAsync();
            await Expect(announcement.Locator("h1")).ToHaveTextAsync("Contract announcements");
            await announcement.ScreenshotAsync("en-public-contracts");
            await announcement.GotoAsync("/public/contracts?region=" + Uri.EscapeDataString("示范区") + "&serviceDomain=Family");
            await Expect(announcement.Locator($"a[href='/public/contracts/{contractId}']")).ToHaveCountAsync(0);
        }

        // The start date comes: the contract runs, and its instalments are scheduled.
        browser.AdvanceClockTo(start, new TimeOnly(0, 10));
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            await ContractSeeding.ActivationAsync(browser, purchaser, contractId);
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/contracts/{contractId}");
            await Expect(ContractState(page)).ToHaveAttributeAsync("data-state", "Active");
            await Expect(ContractState(page)).ToHaveTextAsync("履行中");

            // The program's appropriation for the year, before any money moves.
            await page.GotoAsync("/appropriations");
            await page.WaitForPortalAsync();
            await page.GetByTestId("set-program").SelectOptionAsync(programId.ToString());
            await page.GetByTestId("set-amount").Locator("input").FillAsync("1000000");
            await page.GetByTestId("set-amount").Locator("input").BlurAsync();
            await page.GetByTestId("set-save").ClickAsync();
            await Expect(page.GetByTestId($"appropriation-{programId}").GetByTestId("appropriation-available")).ToHaveTextAsync("¥1,000,000.00");
        });

        // The advance (30 %): requested, approved, released and paid.
        await PayByClicksAsync(contractId, await DueAsync(contractId, 1));

        // The mid-term evaluation: the purchaser weighs the indicators and assigns the evaluator, evaluator1 scores.
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            (await purchaser.WaitForPerformanceAsync(contractId, Patience)).Should().NotBeNull("the contract's indicators reach Evaluation");
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/contracts/{contractId}");
            await page.GetByTestId("link-performance").ClickAsync();
            var weights = page.GetByTestId("indicator-weight");
            await Expect(weights.First).ToBeVisibleAsync();
            var count = await weights.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var weight = i == 0 ? 100 - ((count - 1) * (100 / count)) : 100 / count;
                await weights.Nth(i).FillAsync(weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await weights.Nth(i).BlurAsync();
            }

            await Expect(page.GetByTestId("weights-sum")).ToContainTextAsync("100");
            await page.GetByTestId("weights-save").ClickAsync();
            await Expect(page.GetByTestId("weights-save")).ToBeEnabledAsync();
            var midTerm = page.GetByTestId("stage-MidTerm");
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
            await Expect(lines.First).ToBeVisibleAsync();
            for (var i = 0; i < await lines.CountAsync(); i++)
            {
                await lines.Nth(i).GetByTestId("score-value").FillAsync("92");
                await lines.Nth(i).GetByTestId("score-value").BlurAsync();
                await lines.Nth(i).GetByTestId("score-comment").FillAsync("服务记录完整，探访按计划完成");
                await lines.Nth(i).GetByTestId("score-comment").BlurAsync();
            }

            await Expect(page.GetByTestId("score-preview")).ToContainTextAsync("92.00");
            await page.GetByTestId("score-submit").ClickAsync();
            await Expect(page.GetByTestId("stage-MidTerm").GetByTestId("stage-grade")).ToHaveTextAsync("优秀");
        });

        // The passed mid-term makes the second instalment (40 %) due: it is paid the same way.
        await PayByClicksAsync(contractId, await DueAsync(contractId, 2));

        // The renewal point comes (the contract's end less its renewal lead time): the contract enters its renewal window.
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            var renewal = await purchaser.GetFromJsonAsync<JsonElement>($"/api/continuity/contracts/{contractId}/renewal");
            var renewalPoint = DateOnly.Parse(renewal.GetProperty("renewalPoint").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (renewalPoint > browser.Today)
            {
                browser.AdvanceClockTo(renewalPoint, new TimeOnly(0, 10));
            }
        }

        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            await Poll.UntilAsync(async () =>
            {
                browser.AdvanceClock(TimeSpan.FromSeconds(31));
                return (await purchaser.ContractAsync(contractId)).State == "Expiring";
            }, "the contract entering its renewal window", Patience, TimeSpan.FromMilliseconds(500));
        }

        // The purchaser confirms the proposed direct renewal and both parties sign the successor.
        var successorId = Guid.Empty;
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/contracts/{contractId}");
            await Expect(ContractState(page)).ToHaveAttributeAsync("data-state", "Expiring");
            await page.GetByTestId("link-renewal").ClickAsync();
            await Expect(page.GetByTestId("renewal-proposal")).ToHaveTextAsync("直接续签");
            await Expect(page.GetByTestId("renewal-grade")).ToContainTextAsync("最近一次为 优秀");
            await page.GetByTestId("renewal-confirm").ClickAsync();
            await page.GetByTestId("renewal-sure-yes").ClickAsync();
            await Expect(page.GetByTestId("renewal-decision")).ToContainTextAsync("直接续签");

            await page.GotoAsync($"/contracts/{contractId}");
            await page.GetByTestId("link-successor").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/contracts/", StringComparison.Ordinal) && !url.Contains(contractId.ToString(), StringComparison.Ordinal));
            successorId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);
            await Expect(page.GetByTestId("link-predecessor")).ToHaveAttributeAsync("href", $"/contracts/{contractId}");
            await Expect(page.GetByTestId("contract-period")).ToContainTextAsync(Steps.Day(end.AddDays(1)));
            await SignAsync(page, "Draft", "PendingSignature");
        });
        await AgencySignsAsync(successorId);

        // The program's timeline: the contract and its successor linked, and not one gap day; the dashboard agrees.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("purchaser");
            await page.GotoAsync($"/continuity/timeline?programId={programId}");
            await page.WaitForPortalAsync();
            await Expect(page.GetByTestId("timeline-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("timeline-bar")).ToHaveCountAsync(2);
            await Expect(page.Locator($"[data-testid='timeline-link'][data-from='{contractId}'][data-to='{successorId}']")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("timeline-gap-days")).ToHaveTextAsync("断档 0 天（预计 0 天）");
            await Expect(page.GetByTestId("timeline-gap")).ToHaveCountAsync(0);

            await page.GotoAsync("/continuity");
            await page.WaitForPortalAsync();
            var timelineOfProgram = $"a[href='/continuity/timeline?programId={programId}']";
            foreach (var list in new[] { "GapsThisYear", "GapsLastYear" })
            {
                await page.GetByTestId($"figure-{list}").ClickAsync();
                await Expect(page.GetByTestId($"list-{list}")).ToBeVisibleAsync();
                await Expect(page.GetByTestId($"list-{list}").Locator(timelineOfProgram)).ToHaveCountAsync(0);
            }
        });
    }

    /// <summary>On a contract page in <paramref name="from"/>: the caller signs through the confirmation and the page shows <paramref name="to"/>.</summary>
    /// <summary>agency1 opens the contract the purchaser signed and signs it second.</summary>
    private Task AgencySignsAsync(Guid contractId) => browser.RunAsync(async page =>
    {
        await page.SignInAsync("agency1");
        await page.GotoAsync($"/contracts/{contractId}");
        await SignAsync(page, "PendingSignature", "PendingSignature");
        await Expect(page.GetByTestId("signed-agency")).Not.ToHaveTextAsync("未签署");
    });

    private static async Task SignAsync(IPage page, string from, string to)
    {
        var state = ContractState(page);
        await Expect(state).ToHaveAttributeAsync("data-state", from);
        await page.GetByTestId("action-Sign").ClickAsync();
        await Expect(page.GetByTestId("action-dialog")).ToContainTextAsync("确认以本单位名义签署合同");
        await page.GetByTestId("action-confirm").ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-state", to);
        await Expect(page.GetByTestId("action-Sign")).ToHaveCountAsync(0);
    }

    /// <summary>The state on the contract page (the list, still drawn for a moment after a click on one of its rows, shows a state per row).</summary>
    private static ILocator ContractState(IPage page) => page.GetByTestId("contract-page").GetByTestId("contract-state");

    /// <summary>Waits until the contract's instalment number <paramref name="sequence"/> is due (its condition met); its id.</summary>
    private async Task<Guid> DueAsync(Guid contractId, int sequence)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        InstalmentView? due = null;
        await Poll.UntilAsync(
            async () => (due = (await purchaser.InstalmentsOfContractAsync(contractId)).SingleOrDefault(i => i.Sequence == sequence && i.Status == "Due")) is not null,
            $"instalment {sequence} of the contract falling due", Patience, TimeSpan.FromMilliseconds(500));
        return due!.Id;
    }

    /// <summary>An instalment that is due, moved by its three people on the contract's payments page: agency1 requests, the purchaser approves, treasury releases and confirms.</summary>
    private async Task PayByClicksAsync(Guid contractId, Guid instalmentId)
    {
        var row = $"instalment-{instalmentId}";
        foreach (var (user, action, status) in new[]
                 {
                     ("agency1", "Request", "已申请"), ("purchaser", "Approve", "已审核"), ("treasury", "Release", "已拨付"), ("treasury", "Confirm", "已支付"),
                 })
        {
            await browser.RunAsync(async page =>
            {
                await page.SignInAsync(user);
                await page.GotoAsync($"/payments?contractId={contractId}");
                await page.WaitForPortalAsync();
                await page.GetByTestId(row).GetByTestId($"action-{action}").ClickAsync();
                await page.GetByTestId("confirm-yes").ClickAsync();
                await Expect(page.GetByTestId(row).GetByTestId("instalment-status")).ToHaveTextAsync(status);
                await Expect(page.GetByTestId("problem")).ToHaveCountAsync(0);
            });
        }
    }
}
