using System.Globalization;
using System.Net;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Contracts.Tendering;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Evaluation: the panel draw, compliance review, scoring and ranking, as the purchaser, the
/// demo evaluators, the auditor and the agencies do them through the public entry. The scene before the panel (a
/// published tender whose bids were opened) is published into the embedded host's bus, as Tendering and Bidding would.
/// Each tender scores price 30, service plan 60 and team experience 10 points, all but price by the panel's hand
/// (past performance, computed from grades, is not in this scene's scheme).
/// </summary>
[Binding]
public sealed class EvaluationSteps(EmbeddedPlatform platform, ScenarioContext context) : IDisposable
{
    private static readonly CriterionTerms[] Criteria =
    [
        new("Price", "Price", 30m),
        new("Service plan", "Technical", 60m),
        new("Team experience", "Technical", 10m),
    ];

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SceneTender> _tenders = new(StringComparer.Ordinal);
    private ApiAnswer? _answer;
    private (string Tender, string UserId, int Seat)? _leaving;

    // ---- the scene ----------------------------------------------------------------------------------

    [Given(@"the bids on the tender ""([^""]*)"" have been opened:")]
    public async Task Opened(string title, StepTable bids)
    {
        var opened = bids.DataRows.Select(row => new SceneBid(
            row["agency"], decimal.Parse(row["price"], CultureInfo.InvariantCulture),
            row.TryGetValue("certified social workers", out var certified) ? int.Parse(certified, CultureInfo.InvariantCulture) : 3)).ToList();
        _tenders[title] = await platform.OpenTenderForEvaluationAsync(title, Criteria, opened);
    }

    [Given(@"the expert ""([^""]*)"" worked for ""([^""]*)"" until last year")]
    public async Task WorkedFor(string evaluator, string agency)
    {
        var admin = await ClientAsync("admin");
        var expert = await ExpertAsync(admin, evaluator);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        await admin.EditExpertAsync(expert, [new EmploymentView(EvaluationApi.DemoOrganisation(agency), agency, new DateOnly(2019, 3, 1), until)]);
        // The pool outlives the scenario: the expert's history is put back afterwards.
        context.OnCleanup(async () => await admin.EditExpertAsync(await ExpertAsync(admin, evaluator), []));
    }

    [Given(@"the expert ""([^""]*)"" has declared a conflict with the tender ""([^""]*)"": ""([^""]*)""")]
    public async Task DeclaredOnTender(string evaluator, string title, string reason) =>
        await (await ClientAsync(evaluator)).DeclareConflictAsync(null, Tender(title).TenderId, reason);

    // ---- the panel draw -----------------------------------------------------------------------------

    [Given(@"the purchaser has drawn a panel of (\d+) for ""([^""]*)"", sitting on it as the purchaser's representative")]
    [When(@"the purchaser draws a panel of (\d+) for ""([^""]*)"", sitting on it as the purchaser's representative")]
    public async Task Draws(int size, string title) =>
        (await (await ClientAsync("purchaser")).DrawPanelAsync(Tender(title).TenderId, size, [EvaluationApi.DemoUserId("purchaser")]))
        .Expect(HttpStatusCode.Created, "drawing the panel");

    [When(@"the purchaser tries to draw a panel of (\d+) for ""([^""]*)""")]
    public async Task TriesToDraw(int size, string title) =>
        _answer = await (await ClientAsync("purchaser")).DrawPanelAsync(Tender(title).TenderId, size, []);

    [Then("the draw is refused because the panel must have an odd number of members")]
    public void RefusedAsEven()
    {
        var answer = Answer().Expect(HttpStatusCode.UnprocessableEntity, "drawing an even panel");
        answer.Rule().Should().Be("panel_size_even");
        answer.Body.Should().Contain("odd number of members");
    }

    [Then(@"the panel for ""([^""]*)"" has (\d+) experts and (\d+) purchaser's representatives?")]
    public async Task PanelHas(string title, int experts, int representatives)
    {
        var panel = await PanelAsync(title);
        panel.Experts.Should().Be(experts);
        panel.Representatives.Should().Be(representatives);
        panel.Members.Count(m => m.Kind == "Expert").Should().Be(experts);
        panel.Members.Where(m => m.Kind == "PurchaserRepresentative").Select(m => m.UserId).Should().Equal(
            Enumerable.Repeat(EvaluationApi.DemoUserId("purchaser"), representatives));
    }

    [Then(@"neither ""([^""]*)"" nor ""([^""]*)"" sits on the panel for ""([^""]*)""")]
    public async Task NeitherSits(string first, string second, string title) =>
        (await PanelAsync(title)).Members.Select(m => m.UserId).Should()
            .NotContain([EvaluationApi.DemoUserId(first), EvaluationApi.DemoUserId(second)]);

    [Then(@"the auditor replays the draw for ""([^""]*)"" and gets the same panel")]
    public async Task Replays(string title) =>
        (await (await ClientAsync("auditor")).ReplayPanelAsync(Tender(title).TenderId)).Matches.Should().BeTrue("the draw is a function of its recorded seed and candidates");

    [Then(@"the agency ""([^""]*)"" is not allowed to see who sits on the panel for ""([^""]*)""")]
    public async Task AgencyKeptOut(string agency, string title)
    {
        var answer = await (await ClientAsync(agency)).PanelAsync(Tender(title).TenderId);
        answer.Expect(HttpStatusCode.Forbidden, "an agency reading the panel").Rule().Should().Be("panel_hidden_from_agencies");
    }

    [When(@"the first expert on the panel for ""([^""]*)"" declares a conflict with that tender: ""([^""]*)""")]
    public async Task FirstExpertDeclares(string title, string reason)
    {
        var first = (await PanelAsync(title)).Members.First(m => m.Kind == "Expert");
        _leaving = (title, first.UserId, first.Number);
        await (await ClientAsync(EvaluationApi.DemoUserName(first.UserId))).DeclareConflictAsync(null, Tender(title).TenderId, reason);
    }

    [Then(@"that expert no longer sits on the panel for ""([^""]*)"", and another expert has taken the seat")]
    public async Task Replaced(string title)
    {
        var (_, userId, seat) = _leaving ?? throw new InvalidOperationException("An expert should declare a conflict first.");
        var panel = await PanelAsync(title);
        panel.Members.Select(m => m.UserId).Should().NotContain(userId);
        panel.Members.Should().HaveCount(panel.Size);
        var newcomer = panel.Members.Single(m => m.Number == seat);
        newcomer.Kind.Should().Be("Expert");
        panel.Replaced.Should().ContainSingle().Which.UserId.Should().Be(userId);
        panel.Draws.Should().HaveCount(2, "the replacement is a recorded draw of its own");
    }

    // ---- compliance review --------------------------------------------------------------------------

    [Given(@"the panel has found every bid on ""([^""]*)"" eligible and fully staffed")]
    [When(@"the panel finds every agency bidding on ""([^""]*)"" eligible")]
    public async Task AllEligible(string title)
    {
        var tender = Tender(title);
        var member = await MemberAsync(title, 1);
        foreach (var bidId in tender.Bids.Values)
        {
            await member.ReviewBidAsync(tender.TenderId, bidId, eligible: true);
        }
    }

    [Then(@"the bid of ""([^""]*)"" on ""([^""]*)"" fails the review: ""([^""]*)""")]
    public async Task FailsReview(string agency, string title, string reason)
    {
        var evaluation = await EvaluationAsync("auditor", title);
        var bid = evaluation.Bids.Single(b => b.BidId == Tender(title).Bids[agency]);
        bid.Compliance.Should().Be("Failed");
        bid.ComplianceReasons.Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Then(@"the tender ""([^""]*)"" has failed with (\d+) valid bids where (\d+) are required")]
    public async Task TenderFailed(string title, int valid, int required)
    {
        var evaluation = await EvaluationAsync("purchaser", title);
        evaluation.Stage.Should().Be("Failed");
        evaluation.Outcome.Should().Be($"{valid} valid bids, {required} required");
    }

    // ---- scoring ------------------------------------------------------------------------------------

    [When(@"the panel members score the bids on ""([^""]*)"":")]
    public async Task MembersScore(string title, StepTable scores)
    {
        var tender = Tender(title);
        foreach (var row in scores.DataRows)
        {
            var plan = Points(row["service plan"]);
            var experience = Points(row["team experience"]);
            for (var m = 0; m < plan.Count; m++)
            {
                (await (await MemberAsync(title, m + 1)).SubmitSheetAsync(tender.TenderId, tender.Bids[row["agency"]], plan[m], experience[m]))
                    .Expect(HttpStatusCode.Created, $"panel member {m + 1} scoring {row["agency"]}");
            }
        }
    }

    [Given(@"panel member (\d) scores the bid of ""([^""]*)"" on ""([^""]*)"" (\d+(?:\.\d+)?) for the service plan and (\d+(?:\.\d+)?) for team experience")]
    public async Task HasScored(int member, string agency, string title, decimal plan, decimal experience) =>
        (await ScoreAsync(member, agency, title, plan, experience, null)).Expect(HttpStatusCode.Created, $"panel member {member} scoring");

    [When(@"panel member (\d) scores the bid of ""([^""]*)"" on ""([^""]*)"" (\d+(?:\.\d+)?) for the service plan and (\d+(?:\.\d+)?) for team experience")]
    public async Task Scores(int member, string agency, string title, decimal plan, decimal experience) =>
        _answer = await ScoreAsync(member, agency, title, plan, experience, null);

    [When(@"panel member (\d) scores the bid of ""([^""]*)"" on ""([^""]*)"" (\d+(?:\.\d+)?) for the service plan and (\d+(?:\.\d+)?) for team experience, explaining ""([^""]*)""")]
    public async Task ScoresWithReason(int member, string agency, string title, decimal plan, decimal experience, string reason) =>
        _answer = await ScoreAsync(member, agency, title, plan, experience, reason);

    [Then("the sheet is refused: the service plan score is too far from the panel's median and needs a written reason")]
    public void RefusedAsOutlier()
    {
        var answer = Answer().Expect(HttpStatusCode.UnprocessableEntity, "an outlying score without a reason");
        answer.Rule().Should().Be("score_outlier_needs_reason");
        answer.Body.Should().Contain("Service plan").And.Contain("median 40");
    }

    [Then("the sheet is accepted")]
    public void Accepted() => Answer().Expect(HttpStatusCode.Created, "submitting the sheet");

    [Then(@"panel member (\d) may not read the score sheets for the bid of ""([^""]*)"" on ""([^""]*)"" before submitting their own")]
    public async Task MayNotPeek(int member, string agency, string title)
    {
        var tender = Tender(title);
        var answer = await (await MemberAsync(title, member)).SheetsAsync(tender.TenderId, tender.Bids[agency]);
        answer.Expect(HttpStatusCode.Conflict, "reading sheets before one's own").Rule().Should().Be("submit_own_sheet_first");
    }

    [Then(@"panel member (\d) can read (\d+) score sheets for the bid of ""([^""]*)"" on ""([^""]*)""")]
    public async Task CanRead(int member, int count, string agency, string title)
    {
        var tender = Tender(title);
        var answer = await (await MemberAsync(title, member)).SheetsAsync(tender.TenderId, tender.Bids[agency]);
        answer.Expect(HttpStatusCode.OK, "reading the sheets").Json<System.Text.Json.JsonElement[]>().Should().HaveCount(count);
    }

    // ---- the ranking --------------------------------------------------------------------------------

    [Then(@"the evaluation of ""([^""]*)"" is complete with this ranking:")]
    public async Task RankingIs(string title, StepTable expected)
    {
        var evaluation = await EvaluationAsync("purchaser", title);
        evaluation.Stage.Should().Be("Completed");
        var bids = Tender(title).Bids;
        evaluation.Ranking!.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total)).Should().Equal(expected.DataRows.Select(row => (
            int.Parse(row["rank"], CultureInfo.InvariantCulture),
            bids[row["agency"]],
            (decimal?)decimal.Parse(row["price score"], CultureInfo.InvariantCulture),
            decimal.Parse(row["total"], CultureInfo.InvariantCulture))));
    }

    [Then(@"the agency ""([^""]*)"" can read that ranking of ""([^""]*)"", but nothing about the panel")]
    public async Task AgencyReadsRanking(string agency, string title)
    {
        var client = await ClientAsync(agency);
        var answer = (await client.EvaluationAsync(Tender(title).TenderId)).Expect(HttpStatusCode.OK, "an agency reading the ranking");
        answer.Json<EvaluationView>().Ranking.Should().HaveCount(Tender(title).Bids.Count);
        var panel = await PanelAsync(title);
        foreach (var member in panel.Members)
        {
            answer.Body.Should().NotContain(member.UserId, "no panel member is named to agencies");
        }

        (await client.PanelAsync(Tender(title).TenderId)).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private SceneTender Tender(string title) =>
        _tenders.TryGetValue(title, out var tender) ? tender : throw new InvalidOperationException($"No tender \"{title}\" was opened in this scenario.");

    private ApiAnswer Answer() => _answer ?? throw new InvalidOperationException("An earlier step should have made a request.");

    private static List<decimal> Points(string cell) =>
        [.. cell.Split(',', StringSplitOptions.TrimEntries).Select(p => decimal.Parse(p, CultureInfo.InvariantCulture))];

    private async Task<ApiAnswer> ScoreAsync(int member, string agency, string title, decimal plan, decimal experience, string? reason)
    {
        var tender = Tender(title);
        return await (await MemberAsync(title, member)).SubmitSheetAsync(tender.TenderId, tender.Bids[agency], plan, experience, reason);
    }

    private async Task<PanelView> PanelAsync(string title) =>
        (await (await ClientAsync("purchaser")).PanelAsync(Tender(title).TenderId)).Expect(HttpStatusCode.OK, "reading the panel").Json<PanelView>();

    private async Task<EvaluationView> EvaluationAsync(string reader, string title) =>
        (await (await ClientAsync(reader)).EvaluationAsync(Tender(title).TenderId)).Expect(HttpStatusCode.OK, "reading the evaluation").Json<EvaluationView>();

    /// <summary>The n-th sitting member of the panel (by seat), signed in.</summary>
    private async Task<HttpClient> MemberAsync(string title, int n)
    {
        var member = (await PanelAsync(title)).Members.OrderBy(m => m.Number).ElementAt(n - 1);
        return await ClientAsync(EvaluationApi.DemoUserName(member.UserId));
    }

    private static async Task<ExpertView> ExpertAsync(HttpClient admin, string evaluator) =>
        (await admin.ExpertsAsync()).Single(e => e.EvaluatorUserId == EvaluationApi.DemoUserId(evaluator));

    private async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = _clients[userName] = await platform.SignedInClientAsync(userName);
        }

        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
