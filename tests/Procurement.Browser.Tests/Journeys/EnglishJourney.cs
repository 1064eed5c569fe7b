using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// Every role in English. The purchaser's new service program is refused by the API for a missing region (its English
/// message beside the field), then completed and listed. Then each role, signed in on the English login page, walks the
/// main pages of its journey over data seeded in English through the API (a published tender with questions, a bid, a
/// panel with scores, an award), and no page shows a Chinese character (<see cref="EnglishPages"/>) — AntDesign's own
/// texts, dates and the API's refusals included; the agency and the evaluator each read an API refusal beside its field.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EnglishJourney(BrowserPlatform browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string SignedInName = "[data-testid=portal-user]";

    [Fact]
    public async Task A_purchaser_in_english_sees_the_api_s_english_refusal_beside_the_region_then_fixes_it_and_finds_the_program_listed() =>
        await browser.RunAsync(
            async page =>
            {
                var name = "Home care for elders " + Guid.NewGuid().ToString("N")[..6];
                await page.SignInAsync("purchaser");
                (await page.ChineseOnPageAsync()).Should().NotBeEmpty("the check finds the Chinese of the Chinese page");
                await page.SwitchLanguageAsync("en");
                await page.GetByTestId("menu-programs").ClickAsync();
                await Expect(page.Locator(".ant-page-header")).ToContainTextAsync("Service programs");

                await page.GetByTestId("program-new").ClickAsync();
                var form = page.GetByTestId("program-form");
                await Expect(form).ToBeVisibleAsync();
                await page.Locator("#program-name").FillAsync(name);
                await page.GetByTestId("program-create").ClickAsync();

                var region = form.Locator(".ant-form-item").Filter(new LocatorFilterOptions { Has = page.Locator("#program-region") });
                await Expect(region.Locator(".ant-form-item-explain-error")).ToContainTextAsync("is required");
                // Signed in in Chinese, then switched: the header's name and organisation stay in the sign-in language
                // (Identity issues them in it, and a refresh keeps them), so the header is left out here.
                await page.ExpectNoChineseAsync("the program form with the API's refusal", marker: name, leaveOut: SignedInName);

                await page.Locator("#program-region").FillAsync("Demo District");
                await page.GetByTestId("domain-Elderly").ClickAsync();
                await Steps.TypeDateAsync(page, "program-active-from", browser.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await page.GetByTestId("program-create").ClickAsync();

                await Expect(form).ToBeHiddenAsync();
                await Expect(page.GetByTestId("programs").GetByTestId("program-name").Filter(new LocatorFilterOptions { HasText = name }))
                    .ToHaveCountAsync(1);
                await page.ExpectNoChineseAsync("the programs with the new one", marker: name, leaveOut: SignedInName);
            },
            language: "en");

    [Fact]
    public async Task A_purchaser_in_english_finds_no_chinese_on_home_programs_tenders_a_tender_with_questions_and_the_award()
    {
        var marker = Marker();
        var published = await PublishTendersAsync(marker, 1);
        await AskAsync(published[0], marker);
        var scene = await ScoredSceneAsync(marker);

        await browser.RunAsync(async page =>
        {
            await SignInInEnglishAsync(page, "purchaser");
            await Expect(page.GetByTestId("home-open")).ToContainTextAsync(marker);
            await Expect(page.GetByTestId("home-questions")).ToContainTextAsync(marker);
            await page.ExpectNoChineseAsync("the purchaser's home", marker);
            await page.ScreenshotAsync("en-purchaser-home");

            await VisitAsync(page, "/purchaser/programs", "programs", marker);
            await VisitAsync(page, "/purchaser/tenders", "tenders", marker);

            // The wizard, and AntDesign's own texts: its program picker's options and a date picker's open calendar.
            await VisitAsync(page, "/purchaser/tenders/new", "method-CompetitiveConsultation");
            await page.GetByTestId("method-CompetitiveConsultation").ClickAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(page.GetByTestId("wizard-step-1")).ToBeVisibleAsync();
            await page.GetByTestId("wizard-step-1").Locator(".ant-select").First.ClickAsync();
            await Expect(page.Locator(".ant-select-item-option").Filter(new LocatorFilterOptions { HasText = marker })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.Locator("#service-start").ClickAsync();
            await Expect(page.Locator(".ant-picker-dropdown .ant-picker-panel").First).ToBeVisibleAsync();
            await page.ExpectNoChineseAsync("the wizard with a date picker open", leaveOut: ".ant-select-item-option");
            await page.Keyboard.PressAsync("Escape");

            await VisitAsync(page, $"/purchaser/tenders/{published[0]}", "questions");
            await Expect(page.GetByTestId("question")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("tender-budget")).ToHaveTextAsync("¥480,000.00");
            await page.ExpectNoChineseAsync("the published tender with its questions");

            await VisitAsync(page, $"/purchaser/tenders/{scene}/evaluation", "ranking-row");
            await Expect(page.GetByTestId("ranking-row")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("award-recommended")).ToContainTextAsync("¥440,000.00");
            await page.ExpectNoChineseAsync("the ranking and the recommended award");
            await page.GetByTestId("award-button").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("award-confirm")).ToContainTextAsync("¥440,000.00");
            await page.ExpectNoChineseAsync("the award's confirmation");
            await page.GetByTestId("award-confirm-yes").Locator("button").ClickAsync();
            await Expect(page.GetByTestId("awarded-to")).ToContainTextAsync("¥440,000.00");
            await page.ExpectNoChineseAsync("the award");
        });
    }

    [Fact]
    public async Task An_agency_in_english_finds_no_chinese_on_its_pages_and_reads_the_api_s_english_refusal_beside_the_proposal()
    {
        var marker = Marker();
        var tenders = await PublishTendersAsync(marker, 2);
        using (var agency = await browser.ApiAsync("agency1"))
        {
            await agency.RegisterAgencyAsync(new AgencyProfileBody(
                "Sunshine Social Work Service Centre", "52440305MA0Y202609", new DateOnly(2015, 3, 2), "1 Happiness Road, Demo District",
                [new ContactBody("Wang Wu", "13800138000", "wang@example.cn")]));
            var idNumber = TenderingApi.NewIdNumber();
            var worker = await agency.AddWorkerAsync(new WorkerBody($"Chen Jing {marker}", idNumber, "Intermediate", $"S{idNumber[6..]}", IsSupervisor: true));
            (await agency.SubmitBidAsync(tenders[0], new BidContentBody(
                    450_000m, new CostsBody(300_000m, 100_000m, 40_000m, 10_000m), [new StaffingLineBody(worker, 1m, 8_000m)],
                    "A named caseworker for every isolated elder and a weekly home visit.")))
                .Expect(HttpStatusCode.Created, "agency1's bid");
        }

        await browser.RunAsync(async page =>
        {
            await SignInInEnglishAsync(page, "agency1");
            await Expect(page.GetByTestId("home-deadlines")).ToContainTextAsync(marker);
            await page.ExpectNoChineseAsync("the agency's home", marker);
            await page.ScreenshotAsync("en-agency-home");

            await VisitAsync(page, "/agency/profile", "profile-title");
            await Expect(page.GetByTestId("profile-name")).ToHaveValueAsync("Sunshine Social Work Service Centre");
            await page.ExpectNoChineseAsync("the agency's profile");
            await VisitAsync(page, "/agency/staff", "staff-table", marker);
            await VisitAsync(page, "/agency/tenders", "tenders-table", marker);
            await VisitAsync(page, "/agency/bids", "my-bids-table", marker);
            await Expect(page.GetByTestId("my-bids-table")).ToContainTextAsync("¥450,000.00");
            await VisitAsync(page, "/notifications", "notifications-title", marker);

            // A bid with nothing in it: the API refuses it, and says why beside each field, in English. The roster picker
            // lists every worker of agency1, other journeys' Chinese-named ones too: it is left out of the check.
            await VisitAsync(page, $"/agency/tenders/{tenders[1]}/bid", "bid-title", null, "[data-testid=plan-pick]");
            await page.GetByTestId("bid-submit").ClickAsync();
            var proposal = page.Locator(".ant-form-item").Filter(new LocatorFilterOptions { Has = page.GetByTestId("bid-proposal") });
            await Expect(proposal.Locator(".ant-form-item-explain-error")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[a-z]{3}"));
            await page.ExpectNoChineseAsync("the bid form with the API's refusal", leaveOut: "[data-testid=plan-pick]");
        });
    }

    [Fact]
    public async Task An_evaluator_in_english_finds_no_chinese_on_its_pages_and_reads_the_outlier_refusal_beside_the_score()
    {
        var marker = Marker();
        var scene = await browser.Platform.OpenTenderForEvaluationAsync(
            $"Elder care evaluation {marker}", PanelWork.Criteria, [new("agency1", 456_000m), new("agency2", 470_000m), new("agency3", 440_000m)]);
        using var purchaser = await browser.ApiAsync("purchaser");
        var panel = (await purchaser.DrawPanelAsync(scene.TenderId, 3, [])).Expect(HttpStatusCode.Created, "drawing the panel").Json<PanelView>();
        var members = panel.Members.OrderBy(m => m.Number).Select(m => EvaluationApi.DemoUserName(m.UserId)).ToList();
        var bid = scene.Bids["agency1"];
        using (var first = await browser.ApiAsync(members[0]))
        {
            foreach (var id in scene.Bids.Values)
            {
                await first.ReviewBidAsync(scene.TenderId, id, eligible: true);
            }
        }

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
            await SignInInEnglishAsync(page, members[0]);
            await Expect(page.GetByTestId($"home-panel-{scene.TenderId}")).ToContainTextAsync(marker);
            await page.ExpectNoChineseAsync("the evaluator's home", marker);
            await page.ScreenshotAsync("en-evaluator-home");

            await VisitAsync(page, "/evaluator/panels", "panels", marker);
            await VisitAsync(page, $"/evaluator/panels/{scene.TenderId}", "bids");
            await VisitAsync(page, $"/evaluator/panels/{scene.TenderId}/bids/{bid}", "sheet");

            // 5 points against the others' 25 and 24: the API refuses the sheet until the outlying score has its reason.
            var servicePlan = page.GetByTestId("criterion-0");
            await servicePlan.GetByTestId("points").FillAsync("5");
            await servicePlan.GetByTestId("comment").FillAsync("No plan for emergencies at night");
            await page.GetByTestId("criterion-1").GetByTestId("points").FillAsync("21");
            await page.GetByTestId("criterion-1").GetByTestId("comment").FillAsync("An experienced supervisor");
            await page.GetByTestId("submit-sheet").ClickAsync();
            await Expect(servicePlan.GetByTestId("outlier-help")).ToContainTextAsync("24");
            await page.ExpectNoChineseAsync("the score sheet with the outlier refusal");

            await servicePlan.GetByTestId("outlier-reason").FillAsync("The bid gives no emergency plan for the night at all");
            await page.GetByTestId("submit-sheet").ClickAsync();
            await Expect(page.GetByTestId("sheet-status")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("sheet-submitted")).ToBeVisibleAsync();
            await page.ExpectNoChineseAsync("the submitted score sheet");
        });
    }

    [Fact]
    public async Task An_admin_in_english_finds_no_chinese_on_the_organisations_the_users_and_the_security_log()
    {
        var marker = Marker();
        var unit = $"Demo District Civil Affairs Bureau {marker}";
        Guid unitId;
        using (var admin = await browser.ApiAsync("admin"))
        {
            using var created = await admin.PostJsonAsync("/api/identity/organisations",
                new { name = unit, kind = "PurchasingUnit", region = "Demo District", divisionCode = "440305" });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            unitId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var invited = await admin.PostJsonAsync("/api/identity/users/invitations", new
            {
                organisationId = unitId, email = $"{marker.ToLowerInvariant()}@district.example", displayName = $"Li Buyer {marker}",
                roles = new[] { "purchaser", "org-admin" },
            });
            invited.StatusCode.Should().Be(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        }

        await browser.RunAsync(async page =>
        {
            await SignInInEnglishAsync(page, "admin");
            await VisitAsync(page, "/admin/organisations", "organisations", marker);
            await Expect(page.GetByTestId("organisation-row").Filter(new() { HasText = unit })).ToHaveCountAsync(1);
            await page.ScreenshotAsync("en-admin-organisations");

            // The organisation picker lists every organisation, other journeys' Chinese-named ones too: left out of the check.
            await VisitAsync(page, $"/users?organisationId={unitId}", "users", marker, "[data-testid=organisation-picker]");
            await Expect(page.GetByTestId("user-row").Filter(new() { HasText = marker })).ToHaveCountAsync(1);
            await page.GetByTestId("user-invite").ClickAsync();
            await Expect(page.GetByTestId("invite-role-purchaser")).ToBeVisibleAsync();
            await page.ExpectNoChineseAsync("the invitation form", marker, "[data-testid=organisation-picker]", "[data-testid=invite-organisation]");
            await page.ScreenshotAsync("en-admin-invite");
            await page.GetByTestId("dialog-cancel").ClickAsync();

            await VisitAsync(page, "/security-log", "security-log-title", marker);
        });
    }

    private static string Marker() => "EN" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>Opens the portal's login page, switches it to English, signs in, and waits for the (English) portal.</summary>
    private static async Task SignInInEnglishAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(PortalPages.IsLoginPage);
        await page.SwitchLanguageAsync("en");
        await page.SubmitLoginAsync(userName);
        await page.WaitForPortalAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>Opens <paramref name="path"/>, waits for <paramref name="testId"/> and for the spinners to go, and checks that it shows no Chinese.</summary>
    private static async Task VisitAsync(IPage page, string path, string testId, string? marker = null, params string[] leaveOut)
    {
        await page.GotoAsync(path);
        await page.WaitForPortalAsync();
        await Expect(page.GetByTestId(testId).First).ToBeVisibleAsync();
        await Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0);
        await page.ExpectNoChineseAsync(path, marker, leaveOut);
    }

    /// <summary>The program and <paramref name="count"/> published tenders (one supervisor each), in English, open to agency1.</summary>
    private async Task<IReadOnlyList<Guid>> PublishTendersAsync(string marker, int count)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync($"Elder care {marker}", "Demo District");
        // A competitive consultation (10 days' bidding at least) due in 12 days: within the agency home page's 14 days ahead.
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(12), new TimeOnly(17, 0));
        var serviceStart = browser.Today.AddDays(60);
        var tenders = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            var tenderId = await purchaser.DraftTenderAsync(
                NewTender.Standard(programId, $"Home visits for elders {i} {marker}", 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1))
                with { ProcurementMethod = "CompetitiveConsultation", StaffingRequirement = new StaffingBody(1, 1, 1) });
            await purchaser.PublishTenderAsync(tenderId);
            tenders.Add(tenderId);
        }

        using var agency = await browser.ApiAsync("agency1");
        foreach (var tenderId in tenders)
        {
            (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");
        }

        return tenders;
    }

    /// <summary>Two questions of agency2 about the tender, in English: the purchaser answers the first, the second waits.</summary>
    private async Task AskAsync(Guid tenderId, string marker)
    {
        using var agency = await browser.ApiAsync("agency2");
        var first = (await agency.AskAsync(tenderId, $"May volunteers join the team? {marker}")).Json<QuestionView>();
        await agency.AskAsync(tenderId, $"Is a night hotline required? {marker}");
        using var purchaser = await browser.ApiAsync("purchaser");
        await purchaser.AnswerAsync(tenderId, first.Id, $"Yes, beside the certified workers. {marker}");
    }

    /// <summary>An evaluated tender in English: the panel drawn, every bid reviewed and scored (agency3 first), the award recommended.</summary>
    private async Task<Guid> ScoredSceneAsync(string marker)
    {
        var scene = await browser.Platform.OpenTenderForEvaluationAsync(
            $"Elder care award {marker}", PanelWork.Criteria, [new("agency1", 456_000m), new("agency2", 470_000m), new("agency3", 440_000m)]);
        using var purchaser = await browser.ApiAsync("purchaser");
        var panel = (await purchaser.DrawPanelAsync(scene.TenderId, 3, [])).Expect(HttpStatusCode.Created, "drawing the panel").Json<PanelView>();
        var points = new Dictionary<string, decimal> { ["agency1"] = 24m, ["agency2"] = 20m, ["agency3"] = 28m };
        await browser.ReviewAndScoreEveryBidAsync(scene, panel, points);

        (await purchaser.WaitForAwardAsync(scene.TenderId, a => a.Status == "Recommended", Patience))
            .Should().NotBeNull("the completed evaluation recommends an award");
        return scene.TenderId;
    }
}
