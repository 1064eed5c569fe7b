using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.Evaluation.Performance.Messaging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// Grades recorded through the performance-evaluation API feed the past-performance criterion of later tenders; an
/// evaluator lists their own performance assignments and the panels they sit on.
/// </summary>
public sealed class Past_performance_api : IAsyncLifetime
{
    private static readonly CriterionTerms[] WithPastPerformance =
    [
        new("Price", "Price", 30m), new("Service plan", "Technical", 60m), new("Past performance", "PastPerformance", 10m),
    ];

    private static readonly Guid Assessor = Guid.NewGuid();
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private HttpClient AssessorClient(Guid organisation) => _api.Client(Roles.Evaluator, organisation, "assessor-user");

    /// <summary>A contract of <paramref name="agency"/> with one KPI (weight 100), graded through the API at each stage's score.</summary>
    private async Task<Guid> GradedContractAsync(Guid agency, params (string Stage, decimal Score)[] stages)
    {
        var contractId = Guid.NewGuid();
        await _api.PublishAsync<ContractActivatedForPerformanceConsumer, ContractActivated>(new ContractActivated(
            contractId, Guid.NewGuid(), Guid.NewGuid(), EvaluationHost.PurchasingUnit, agency, Guid.NewGuid(), 300_000.00m,
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [new KpiTerms("Service hours", "hours", 2000m)],
            [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")], null,
            EvaluationHost.Now.AddYears(-2)));
        foreach (var (stage, score) in stages)
        {
            var assigned = await _api.Purchaser().PutAsJsonAsync(
                $"/api/evaluations/contracts/{contractId}/performance/evaluators/{stage}", new { evaluatorOrganisationId = Assessor });
            assigned.StatusCode.Should().Be(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
            var graded = await AssessorClient(Assessor).PostAsJsonAsync($"/api/evaluations/contracts/{contractId}/performance/evaluations", new
            {
                stage,
                scores = new[] { new { indicator = "Service hours", score, comment = "Checked against the service logs" } },
            });
            graded.StatusCode.Should().Be(HttpStatusCode.Created, await graded.Content.ReadAsStringAsync());
        }

        return contractId;
    }

    /// <summary>
    /// A tender with the past-performance criterion, bid on by agency 1 (400000) and agency 2 (420000), drawn, reviewed and
    /// scored 50 for the service plan by every member; answers the tender and its panel's members.
    /// </summary>
    private async Task<(Guid TenderId, IReadOnlyList<OpenedBid> Bids, IReadOnlyList<string> Members)> ScoredTenderAsync(DateTimeOffset bidDeadline)
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 2, criteria: WithPastPerformance, bidDeadline: bidDeadline);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 420_000m));
        var drawn = await _api.Purchaser().PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size = 3, representatives = new[] { EvaluationHost.PurchaserUser } });
        drawn.StatusCode.Should().Be(HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        IReadOnlyList<string> members = [.. (await EvaluationHost.JsonAsync(drawn)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!)];
        foreach (var bid in bids)
        {
            var review = await _api.Member(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bid.BidId}/compliance", new
            {
                eligibility = new[] { new { requirement = "Registered social organisation", met = true } },
            });
            review.StatusCode.Should().Be(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        }

        var withPast = await _api.Member(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets", new
        {
            scores = new object[]
            {
                new { criterion = "Service plan", points = 50m, comment = "Weekly visits" },
                new { criterion = "Past performance", points = 9m, comment = "Good record" },
            },
        });
        withPast.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await EvaluationHost.JsonAsync(withPast)).GetProperty("rule").GetString().Should().Be("score_criterion_computed");

        foreach (var bid in bids)
        {
            foreach (var member in members)
            {
                var sheet = await _api.Member(member).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bid.BidId}/sheets", new
                {
                    scores = new[] { new { criterion = "Service plan", points = 50m, comment = "Weekly visits" } },
                });
                sheet.StatusCode.Should().Be(HttpStatusCode.Created, await sheet.Content.ReadAsStringAsync());
            }
        }

        return (tenderId, bids, members);
    }

    private static IReadOnlyList<(int Rank, Guid BidId, decimal Total)> Ranking(JsonElement evaluation) =>
        [.. evaluation.GetProperty("ranking").EnumerateArray().Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("bidId").GetGuid(), r.GetProperty("total").GetDecimal()))];

    [Fact]
    public async Task A_final_grade_recorded_through_the_api_changes_a_later_tenders_ranking()
    {
        // Agency 2's contract: mid-term 50 (Fail), final 95 (Excellent), both recorded now. Only the final grade counts.
        var contractId = await GradedContractAsync(EvaluationHost.Agencies[1], ("MidTerm", 50m), ("Final", 95m));

        // Tender X closed for bids a day before the grades: both agencies have no history, 60% of 10 = 6.00.
        //   Agency 1: price 30.00 + plan 50 + past 6.00 = 86.00; agency 2: 400000 / 420000 × 30 = 28.571… → 28.57 + 50 + 6.00 = 84.57.
        var (earlier, earlierBids, _) = await ScoredTenderAsync(EvaluationHost.Now.AddDays(-1));
        // Tender Y closes for bids an hour after the grades: agency 2's Excellent counts, 100% of 10 = 10.00 → 88.57, first.
        // (Were the mid-term Fail counted too, the average 50% → 5.00 would leave agency 2 second at 83.57.)
        var (later, laterBids, members) = await ScoredTenderAsync(EvaluationHost.Now.AddHours(1));

        var x = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{earlier}"));
        Ranking(x).Should().Equal((1, earlierBids[0].BidId, 86.00m), (2, earlierBids[1].BidId, 84.57m));
        var y = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{later}"));
        Ranking(y).Should().Equal((1, laterBids[1].BidId, 88.57m), (2, laterBids[0].BidId, 86.00m));

        var until = DateTime.UtcNow.AddSeconds(10);
        while (!_api.Harness.Published.Select<EvaluationCompleted>().Any(m => m.Context.Message.TenderId == later) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        var completed = _api.Harness.Published.Select<EvaluationCompleted>().Select(m => m.Context.Message).Single(m => m.TenderId == later);
        completed.RecommendedAgencyId.Should().Be(EvaluationHost.Agencies[1]);
        completed.Ranking.Select(r => r.Total).Should().Equal(88.57m, 86.00m);

        // The score and the grades it came from, for the panel, the purchaser and an auditor alike.
        foreach (var reader in new[] { _api.Purchaser(), _api.Auditor(), _api.Member(members.First(m => m != EvaluationHost.PurchaserUser)) })
        {
            var view = await EvaluationHost.JsonAsync(await reader.GetAsync($"/api/evaluations/tenders/{later}"));
            var past = view.GetProperty("pastPerformance").EnumerateArray().ToDictionary(p => p.GetProperty("agencyId").GetGuid());
            var graded = past[EvaluationHost.Agencies[1]];
            graded.GetProperty("noHistory").GetBoolean().Should().BeFalse();
            graded.GetProperty("points")[0].GetProperty("points").GetDecimal().Should().Be(10.00m);
            var grade = graded.GetProperty("grades").EnumerateArray().Should().ContainSingle().Subject;
            grade.GetProperty("contractId").GetGuid().Should().Be(contractId);
            grade.GetProperty("grade").GetString().Should().Be("Excellent");
            grade.GetProperty("share").GetDecimal().Should().Be(1.00m);
            var newcomer = past[EvaluationHost.Agencies[0]];
            newcomer.GetProperty("noHistory").GetBoolean().Should().BeTrue();
            newcomer.GetProperty("points")[0].GetProperty("points").GetDecimal().Should().Be(6.00m);
            newcomer.GetProperty("grades").GetArrayLength().Should().Be(0);
        }

        var earlierView = await EvaluationHost.JsonAsync(await _api.Auditor().GetAsync($"/api/evaluations/tenders/{earlier}"));
        earlierView.GetProperty("pastPerformance").EnumerateArray().Should().OnlyContain(p => p.GetProperty("noHistory").GetBoolean(), "the grades came after its deadline");
    }

    [Fact]
    public async Task An_evaluator_lists_their_own_performance_assignments_and_no_one_elses()
    {
        var done = await GradedContractAsync(EvaluationHost.Agencies[2], ("MidTerm", 85m));
        var open = await GradedContractAsync(EvaluationHost.Agencies[3]);
        var assigned = await _api.Purchaser().PutAsJsonAsync($"/api/evaluations/contracts/{open}/performance/evaluators/Final", new { evaluatorOrganisationId = Assessor });
        assigned.StatusCode.Should().Be(HttpStatusCode.OK);

        var mine = await EvaluationHost.JsonAsync(await AssessorClient(Assessor).GetAsync("/api/evaluations/performance/assignments"));
        mine.EnumerateArray().Select(a => (a.GetProperty("contractId").GetGuid(), a.GetProperty("stage").GetString(), a.GetProperty("evaluated").GetBoolean()))
            .Should().Equal((open, "Final", false), (done, "MidTerm", true));

        var other = await EvaluationHost.JsonAsync(await AssessorClient(Guid.NewGuid()).GetAsync("/api/evaluations/performance/assignments"));
        other.GetArrayLength().Should().Be(0, "another evaluator organisation is assigned to none of them");
        (await _api.Agency(2).GetAsync("/api/evaluations/performance/assignments")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_evaluator_lists_the_panels_they_sit_on_without_the_other_members()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 2);
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 420_000m));
        var drawn = await _api.Purchaser().PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size = 3, representatives = new[] { EvaluationHost.PurchaserUser } });
        drawn.StatusCode.Should().Be(HttpStatusCode.Created);
        var seats = (await EvaluationHost.JsonAsync(drawn)).GetProperty("members").EnumerateArray()
            .Select(m => (UserId: m.GetProperty("userId").GetString()!, Number: m.GetProperty("number").GetInt32())).ToList();
        var (member, seat) = seats.First(s => s.UserId != EvaluationHost.PurchaserUser);
        var outsider = EvaluationHost.Evaluators.First(e => seats.All(s => s.UserId != e));

        var response = await _api.Evaluator(member).GetAsync("/api/evaluations/panels/mine");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var panel = (await EvaluationHost.JsonAsync(response)).EnumerateArray().Should().ContainSingle().Subject;
        panel.GetProperty("tenderId").GetGuid().Should().Be(tenderId);
        panel.GetProperty("seat").GetInt32().Should().Be(seat);
        panel.GetProperty("kind").GetString().Should().Be("Expert");
        panel.GetProperty("panelSize").GetInt32().Should().Be(3);
        panel.GetProperty("stage").GetString().Should().Be("ComplianceReview");
        foreach (var (other, _) in seats.Where(s => s.UserId != member))
        {
            body.Should().NotContain(other, "no other member's identity is shown");
        }

        (await EvaluationHost.JsonAsync(await _api.Evaluator(outsider).GetAsync("/api/evaluations/panels/mine"))).GetArrayLength()
            .Should().Be(0, "an evaluator who was not drawn sits on no panel");
        (await _api.Agency(0).GetAsync("/api/evaluations/panels/mine")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
