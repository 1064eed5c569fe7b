using System.Net;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Portal.Components.Layout;
using Procurement.Portal.Components.Shared;
using Procurement.Testing.Platform;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// The auditor's and the admin's screens and the notifications bell, in zh-CN, by clicking: the auditor verifies the
/// bid-unseal audit chain and replays a panel draw; the admin adds a holiday to the working-day calendar; the agency's
/// bell counts a new notice and drops it once read; and the auditor walks every page of its menu (and every
/// kind of page their lists and pages link to) and finds no action: no element whose test id starts with <see cref="PortalPage.ActionTestIdPrefix"/>,
/// and no enabled control other than the reads the walk lists (filters, paging, downloads, verify, replay).
/// Seeded through the API: the opened tender and its panel draw (as the award journey seeds them), a published tender with
/// agency1's bid, and the purchaser's amendment that notifies agency1.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OversightJourney(BrowserPlatform browser, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_auditor_verifies_the_audit_chain_and_replays_a_drawn_panel_that_matches_its_record()
    {
        var scene = await browser.Platform.OpenTenderForEvaluationAsync(
            "示范区居家养老服务项目（审计重放旅程）", PanelWork.Criteria, [new("agency1", 456_000m), new("agency2", 470_000m), new("agency3", 440_000m)]);
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            (await purchaser.DrawPanelAsync(scene.TenderId, 3, [])).Expect(HttpStatusCode.Created, "drawing the panel");
        }

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("auditor");
            await page.GetByTestId("menu-audit-chain").ClickAsync();
            await Expect(page.GetByTestId("audit-chain-verdict")).ToHaveAttributeAsync("data-intact", "true");
            await Expect(page.GetByTestId("audit-chain-verdict")).ToContainTextAsync("审计链完整");
            await Expect(page.GetByTestId("audit-chain-rows")).ToContainTextAsync("已校验记录");
            await page.GetByTestId("verify-chain").ClickAsync();
            await Expect(page.GetByTestId("audit-chain-verdict")).ToHaveAttributeAsync("data-intact", "true");

            // Issue 18 item 3: a chain per service (Bidding's two), each intact; the tender service's changes are listed as entries.
            await Expect(page.GetByTestId("chain-row")).ToHaveCountAsync(7);
            await Expect(page.Locator("[data-testid='chain-row'][data-intact='true']")).ToHaveCountAsync(7);
            await page.GetByTestId("filter-entries-service").SelectOptionAsync("tendering");
            await page.GetByTestId("search-entries").ClickAsync();
            await Expect(page.GetByTestId("entry-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("entry-what").First).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("entry-actor").First).Not.ToBeEmptyAsync();
            await page.ScreenshotAsync("auditor-audit-chains");
        });

        // The same page in English: every chain and entry labelled in English.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("auditor");
            await page.SwitchLanguageAsync("en");
            await page.GetByTestId("menu-audit-chain").ClickAsync();
            await Expect(page.GetByTestId("audit-chain-verdict")).ToContainTextAsync("The chain is intact");
            await Expect(page.GetByTestId("chain-row")).ToHaveCountAsync(7);
            await page.GetByTestId("filter-entries-service").SelectOptionAsync("bidding");
            await page.GetByTestId("search-entries").ClickAsync();
            await Expect(page.GetByTestId("entry-row").First).ToBeVisibleAsync();
            await page.ExpectNoChineseAsync("the audit chains", marker: null, leaveOut: ["[data-testid='audit-entries']", "[data-testid=portal-user]"]);
            await page.ScreenshotAsync("en-auditor-audit-chains");
        }, language: "en");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("auditor");

            await page.GetByTestId("menu-panel-replay").ClickAsync();
            await Expect(page.GetByTestId("panel-replay-title")).ToBeVisibleAsync();
            await page.GetByTestId("panel-replay-id").FillAsync(scene.TenderId.ToString());
            await page.GetByTestId("panel-replay-id").BlurAsync();
            await page.GetByTestId("panel-replay-lookup").ClickAsync();

            await Expect(page.GetByTestId("panel-replay-tender")).ToContainTextAsync("审计重放旅程");
            await Expect(page.GetByTestId("panel-replay-verdict")).ToHaveAttributeAsync("data-matches", "true");
            await Expect(page.GetByTestId("replay-draw")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("replay-draw-verdict")).ToHaveAttributeAsync("data-matches", "true");
            var recorded = await page.GetByTestId("replay-recorded-expert").AllInnerTextsAsync();
            var replayed = await page.GetByTestId("replay-replayed-expert").AllInnerTextsAsync();
            recorded.Should().NotBeEmpty().And.Equal(replayed, "the replay draws the same experts in the same order");
            await Expect(page.GetByTestId("replay-seed")).Not.ToBeEmptyAsync();
        });
    }

    [Fact]
    public async Task The_admin_is_refused_a_second_record_for_an_expert_and_takes_the_expert_out_of_the_pool_and_back()
    {
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("admin");
            await page.GetByTestId("menu-experts").ClickAsync();
            var row = page.GetByTestId("expert-row").Filter(new LocatorFilterOptions { HasText = "evaluator7" });
            await Expect(row).ToHaveCountAsync(1);
            var rows = await page.GetByTestId("expert-row").CountAsync();

            // A second record for an evaluator already in the pool is refused, in words, and nothing is added.
            await page.GetByTestId("expert-new").ClickAsync();
            await page.GetByTestId("expert-name").FillAsync("评审专家7（重复）");
            var evaluator7 = await page.GetByTestId("expert-user").Locator("option", new LocatorLocatorOptions { HasText = "(evaluator7)" }).GetAttributeAsync("value");
            await page.GetByTestId("expert-user").SelectOptionAsync(evaluator7!);
            await page.GetByTestId("expert-domain-Elderly").CheckAsync();
            await page.GetByTestId("expert-save").ClickAsync();
            await Expect(page.GetByTestId("problem")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("expert-form")).ToBeVisibleAsync();
            await page.GetByTestId("expert-cancel").ClickAsync();
            await Expect(page.GetByTestId("expert-row")).ToHaveCountAsync(rows);

            // Out of the pool after confirming, and back: the record stays, only its availability changes.
            await row.GetByTestId("expert-deactivate").ClickAsync();
            await Expect(row.GetByTestId("expert-deactivate-question")).ToBeVisibleAsync();
            await row.GetByTestId("expert-deactivate-yes").ClickAsync();
            await Expect(row.GetByTestId("expert-row-available")).ToHaveAttributeAsync("data-available", "false");
            await row.GetByTestId("expert-reactivate").ClickAsync();
            await Expect(row.GetByTestId("expert-row-available")).ToHaveAttributeAsync("data-available", "true");
        });
    }

    [Fact]
    public async Task The_admin_adds_a_holiday_that_shows_in_its_month_and_removes_it()
    {
        // Two years ahead: no other journey's working-day window reaches it.
        var year = browser.Today.Year + 2;
        var day = new DateOnly(year, 12, 1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("admin");
            await page.GetByTestId("menu-calendar").ClickAsync();
            await Expect(page.GetByTestId("calendar-year")).ToContainTextAsync((year - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId("calendar-next").ClickAsync();
            await page.GetByTestId("calendar-next").ClickAsync();
            await Expect(page.GetByTestId("calendar-year")).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByTestId("calendar-add-form").Or(page.GetByTestId("calendar-not-configured"))).ToBeVisibleAsync();
            if (await page.GetByTestId("calendar-not-configured").IsVisibleAsync())
            {
                await page.GetByTestId("calendar-provisional").CheckAsync();
                await page.GetByTestId("calendar-configure").ClickAsync();
            }

            await Expect(page.GetByTestId("calendar-add-form")).ToBeVisibleAsync();
            await page.GetByTestId("calendar-date").FillAsync(date);
            await page.GetByTestId("calendar-kind").SelectOptionAsync("Holiday");
            await page.GetByTestId("calendar-name").FillAsync("审计旅程假日");
            await page.GetByTestId("calendar-name").BlurAsync();
            await page.GetByTestId("calendar-add").ClickAsync();

            var added = page.GetByTestId("calendar-month-12").Locator($"[data-testid=calendar-day][data-date='{date}']");
            await Expect(added).ToContainTextAsync("审计旅程假日");
            await Expect(added).ToContainTextAsync("法定节假日");

            await added.GetByTestId("calendar-remove").ClickAsync();
            await Expect(added).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task The_agencys_bell_counts_an_amendment_of_a_tender_it_bid_on_and_drops_once_read()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var tenderId = await PublishTenderAsync($"铃铛旅程居家探访 {marker}");
        using var agency = await browser.ApiAsync("agency1");
        await agency.RegisterAgencyAsync(new AgencyProfileBody(
            "示范区阳光社会工作服务中心", "52440305MA0Y202609", new DateOnly(2015, 3, 2), "示范区幸福路 1 号", [new ContactBody("王五", "13800138000", "wang@example.cn")]));
        var idNumber = TenderingApi.NewIdNumber();
        var worker = await agency.AddWorkerAsync(new WorkerBody($"陈静（铃铛 {marker}）", idNumber, "Intermediate", $"S{idNumber[6..]}", IsSupervisor: true));
        (await agency.SubmitBidAsync(tenderId, new BidContentBody(
                450_000m, new CostsBody(300_000m, 100_000m, 40_000m, 10_000m), [new StaffingLineBody(worker, 1m, 8_000m)],
                "为每位独居长者指定社工，每周上门探访。")))
            .Expect(HttpStatusCode.Created, "agency1's bid");

        // Whatever other journeys left unread for agency1 is read first: the bell then counts only this journey's notice.
        await MarkEverythingReadAsync(agency);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("agency1");
            await Expect(page.GetByTestId("bell-button")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);

            using (var purchaser = await browser.ApiAsync("purchaser"))
            {
                await purchaser.AmendAsync(tenderId, new NewAmendment($"最高限价更正 {marker}", BudgetCeiling: 470_000.00m));
            }

            await WaitForUnreadAsync(agency, 1);
            // The bell asks again on navigation (and every 30 seconds).
            await page.GetByTestId("menu-my-bids").ClickAsync();
            await Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = (float)Patience.TotalMilliseconds });

            await page.GetByTestId("bell-button").ClickAsync();
            await Expect(page.GetByTestId("bell-item").First).ToHaveAttributeAsync("data-read", "false");
            await Expect(page.GetByTestId("bell-all")).ToHaveAttributeAsync("href", "/notifications");
            await page.GetByTestId("bell-item").First.ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/agency/tenders/{tenderId}");
            await Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
        });

        (await InboxAsync(agency, "/api/bids/notifications")).Unread.Should().Be(0, "opening the notice from the bell marked it read");
    }

    [Fact]
    public async Task The_auditor_walks_every_page_of_its_menu_and_every_kind_of_page_they_link_to_and_finds_no_action()
    {
        await PublishTenderAsync($"审计巡查居家探访 {Guid.NewGuid().ToString("N")[..6]}");
        var contract = await ContractSeeding.ActiveContractAsync(browser, "审计巡查社区服务", 300_000.00m);
        var prefix = PortalPage.ActionTestIdPrefix;
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync("auditor");

            // Every page of the menu, then every kind of page their lists and pages link to, two links deep (one page of
            // each kind: /contracts/{id} once, whichever contract). The seeded contract's page starts the second round too.
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            var visited = new List<string>();
            var unexpected = new List<string>();
            var round = PortalMenu.For(["auditor"]).Select(e => e.Href).Append($"/contracts/{contract.ContractId}").ToList();
            for (var depth = 0; depth < 3 && round.Count > 0; depth++)
            {
                var next = new List<string>();
                foreach (var href in round.Where(h => kinds.Add(KindOf(h))))
                {
                    await VisitAsync(page, href);
                    visited.Add(href);
                    unexpected.AddRange(await ExpectNoActionAsync(page, href, prefix));
                    var links = await page.Locator(".portal-content a[href^='/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
                    next.AddRange(links.Where(l => !l.StartsWith("/files/", StringComparison.Ordinal) && !l.StartsWith("/public/", StringComparison.Ordinal)));
                }

                round = next;
            }

            unexpected.Should().BeEmpty("every control the auditor can use only reads");
            visited.Should().Contain(PortalMenu.For(["auditor"]).Select(e => e.Href), "every page of the auditor's menu exists and admits the auditor");
            kinds.Should().Contain(["/purchaser/tenders/{id}", "/contracts/{id}", "/payments/contracts/{id}", "/performance/contracts/{id}"],
                "the walk reaches the tender, contract, ledger and performance pages");
            output.WriteLine($"Walked {visited.Count} pages: " + string.Join(", ", visited));
        });
    }

    /// <summary>A page's kind: its path with every id replaced, without the query (the contract list and one contract's list are one kind).</summary>
    private static string KindOf(string href) =>
        string.Join('/', href.Split('?', '#')[0].Split('/').Select(part => Guid.TryParse(part, out _) || int.TryParse(part, out _) ? "{id}" : part));

    /// <summary>Opens <paramref name="href"/> and expects the page itself: neither a 404 nor a 403.</summary>
    private async Task VisitAsync(IPage page, string href)
    {
        await page.GotoAsync(href);
        await page.WaitForPortalAsync();
        await Expect(page.Locator(".portal-content")).ToBeVisibleAsync();
        // The page's reads run in its circuit: wait until no spinner is left (a page with nothing to load has none).
        await Expect(page.Locator(".portal-content .ant-spin-spinning")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = (float)Patience.TotalMilliseconds });
        await page.WaitForTimeoutAsync(500);
        await Expect(page.GetByTestId("refusal-404")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 1 });
        await Expect(page.GetByTestId("refusal-403")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The test ids (or their beginnings) of the controls that only read: filters, search, paging, period switches,
    /// downloads, refreshes, the audit-chain check and the panel replay. Every other enabled control the auditor meets
    /// is an action, whatever its test id, and fails the walk (a new button is an action until it is listed here).
    /// </summary>
    private static readonly string[] Reads =
    [
        "filter-", "search", "pagination", "previous-", "next-", "year", "month", "-download", "download", "-refresh",
        "show-all", "verify", "replay", "panel-replay-", "language-switch", "sign-out", "bell", "log-", "tabs",
    ];

    /// <summary>Expects no action-prefixed element on the page; answers the enabled controls that are not known reads, with the page.</summary>
    private async Task<IEnumerable<string>> ExpectNoActionAsync(IPage page, string href, string prefix)
    {
        var actions = await page.Locator($".portal-content [data-testid^='{prefix}']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-testid'))");
        actions.Should().BeEmpty($"the auditor reads {href} without any action");

        // Every enabled control on the page, named by its own or its nearest ancestor's test id (AntDesign's components
        // carry none of their own); pagination and tab navigation are named by their component's class.
        var controls = await page.Locator(
                ".portal-content :is(button, input:not([type=hidden]), select, textarea, a.ant-btn, [role=button], [contenteditable=true]):not([disabled]):not([readonly])")
            .EvaluateAllAsync<string[]>("""
                els => els.filter(e => e.offsetParent !== null).map(e =>
                    e.closest('.ant-pagination') ? 'pagination' : e.closest('.ant-tabs-nav') ? 'tabs' : (e.closest('[data-testid]')?.getAttribute('data-testid') ?? ('(no test id) ' + e.outerHTML.slice(0, 120))))
                """);
        output.WriteLine($"{href}: no action; reads: {string.Join(", ", controls.Distinct())}");
        return controls.Distinct().Where(id => !Reads.Any(read => id.StartsWith(read, StringComparison.Ordinal) || id.EndsWith(read, StringComparison.Ordinal)))
            .Select(id => $"{href}: {id}").ToList();
    }

    private async Task<Guid> PublishTenderAsync(string title)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync($"{title} 项目群", "示范区");
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(12), new TimeOnly(17, 0));
        var serviceStart = browser.Today.AddDays(60);
        var tenderId = await purchaser.DraftTenderAsync(
            NewTender.Standard(programId, title, 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1))
            with { ProcurementMethod = "CompetitiveConsultation", StaffingRequirement = new StaffingBody(1, 1, 1) });
        await purchaser.PublishTenderAsync(tenderId);
        using var agency = await browser.ApiAsync("agency1");
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");
        return tenderId;
    }

    private static async Task MarkEverythingReadAsync(HttpClient agency)
    {
        foreach (var (inbox, read) in new[] { ("/api/bids/notifications", "/api/bids/notifications"), ("/api/contracts/notifications", "/api/contracts/notifications") })
        {
            foreach (var notice in (await InboxAsync(agency, inbox)).Notifications.Where(n => n.ReadAt is null))
            {
                (await ApiAnswer.ReadAsync(agency.PostAsync(new Uri($"{read}/{notice.Id}/read", UriKind.Relative), content: null)))
                    .Expect(HttpStatusCode.OK, "marking an older notice read");
            }
        }
    }

    private static async Task WaitForUnreadAsync(HttpClient agency, int unread)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await InboxAsync(agency, "/api/bids/notifications")).Unread < unread)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"agency1 did not get {unread} unread notice(s) within {Patience}.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<InboxView> InboxAsync(HttpClient reader, string path) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri(path, UriKind.Relative)))).Expect(HttpStatusCode.OK, "reading the inbox").Json<InboxView>();

    private sealed record NoticeView(Guid Id, DateTimeOffset? ReadAt);

    private sealed record InboxView(int Unread, IReadOnlyList<NoticeView> Notifications);
}
