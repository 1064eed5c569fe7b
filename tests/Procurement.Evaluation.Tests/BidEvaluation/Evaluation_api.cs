using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Evaluation_api : IAsyncLifetime
{
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<string> RuleOf(HttpResponseMessage response) =>
        (await EvaluationHost.JsonAsync(response)).GetProperty("rule").GetString()!;

    private async Task<string> StageAsync(Guid tenderId) =>
        (await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}"))).GetProperty("stage").GetString()!;

    private Task<HttpResponseMessage> DrawAsync(Guid tenderId, int size, params string[] representatives) =>
        _api.Purchaser().PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size, representatives });

    private async Task<IReadOnlyList<string>> DrawnMembersAsync(Guid tenderId, int size, params string[] representatives)
    {
        var response = await DrawAsync(tenderId, size, representatives);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var panel = await EvaluationHost.JsonAsync(response);
        return [.. panel.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!)];
    }

    private async Task PassAllAsync(Guid tenderId, IEnumerable<Contracts.Bidding.OpenedBid> bids, string member)
    {
        foreach (var bid in bids)
        {
            var response = await ReviewAsync(tenderId, bid.BidId, member, met: true);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private Task<HttpResponseMessage> ReviewAsync(Guid tenderId, Guid bidId, string member, bool met) =>
        _api.Member(member).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/compliance", new
        {
            eligibility = new[] { new { requirement = "Registered social organisation", met, reason = met ? null : "Registration lapsed" } },
        });

    private Task<HttpResponseMessage> SheetAsync(Guid tenderId, Guid bidId, string member, decimal plan, decimal past, string? planReason = null) =>
        _api.Member(member).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets", new
        {
            scores = new object[]
            {
                new { criterion = "Service plan", points = plan, comment = "Weekly visits, clear case plans", outlierReason = planReason },
                new { criterion = "Staff experience", points = past, comment = "Two good years" },
            },
        });

    [Fact]
    public async Task The_pool_starts_with_the_seven_demo_evaluators_and_only_admins_change_it()
    {
        var pool = await EvaluationHost.JsonAsync(await _api.Admin().GetAsync("/api/experts"));
        pool.GetArrayLength().Should().Be(7);
        pool.EnumerateArray().Select(e => e.GetProperty("evaluatorUserId").GetString()).Should().BeEquivalentTo(EvaluationHost.Evaluators);
        pool[0].GetProperty("serviceDomains").GetArrayLength().Should().Be(10);

        var expert = new
        {
            name = "Zhou Min",
            evaluatorUserId = "new-evaluator",
            serviceDomains = new[] { "Elderly", "Family" },
            employment = new[] { new { organisationId = Guid.NewGuid(), organisationName = "Sunshine Centre", from = "2018-01-01", to = "2022-06-30" } },
            available = true,
        };
        var created = await _api.Admin().PostAsJsonAsync("/api/experts", expert);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await EvaluationHost.JsonAsync(created)).GetProperty("employment")[0].GetProperty("to").GetString().Should().Be("2022-06-30");

        (await _api.Admin().PostAsJsonAsync("/api/experts", expert)).StatusCode.Should().Be(HttpStatusCode.Conflict, "one expert per evaluator user");
        (await _api.Agency(0).PostAsJsonAsync("/api/experts", expert)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _api.Agency(0).GetAsync("/api/experts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var unknownDomain = await _api.Admin().PostAsJsonAsync("/api/experts", expert with { evaluatorUserId = "other", serviceDomains = new[] { "Astrology" } });
        unknownDomain.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_purchaser_draws_a_panel_without_conflicted_experts_and_an_auditor_replays_it()
    {
        var tenderId = await _api.PublishTenderAsync();
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));

        // Three demo experts worked for bidders within three years; two declared conflicts; two remain.
        var pool = (await EvaluationHost.JsonAsync(await _api.Admin().GetAsync("/api/experts"))).EnumerateArray()
            .OrderBy(e => e.GetProperty("evaluatorUserId").GetString()).ToList();
        for (var i = 0; i < 3; i++)
        {
            var e = pool[i];
            var edited = await _api.Admin().PutAsJsonAsync($"/api/experts/{e.GetProperty("id").GetGuid()}", new
            {
                name = e.GetProperty("name").GetString(),
                evaluatorUserId = e.GetProperty("evaluatorUserId").GetString(),
                serviceDomains = new[] { "Elderly" },
                employment = new[] { new { organisationId = EvaluationHost.Agencies[i], organisationName = $"Agency {i + 1}", from = "2020-01-01", to = i == 0 ? null : "2024-12-31" } },
                available = true,
                version = e.GetProperty("version").GetInt32(),
            });
            edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        }

        var byAgency = await _api.Evaluator(pool[3].GetProperty("evaluatorUserId").GetString()!)
            .PostAsJsonAsync("/api/experts/me/conflicts", new { agencyId = EvaluationHost.Agencies[1], reason = "My sister runs it" });
        byAgency.StatusCode.Should().Be(HttpStatusCode.Created);
        var byTender = await _api.Evaluator(pool[4].GetProperty("evaluatorUserId").GetString()!)
            .PostAsJsonAsync("/api/experts/me/conflicts", new { tenderId, reason = "I drafted its service plan" });
        byTender.StatusCode.Should().Be(HttpStatusCode.Created);

        var members = await DrawnMembersAsync(tenderId, 3, EvaluationHost.PurchaserUser);

        members.Should().BeEquivalentTo([pool[5].GetProperty("evaluatorUserId").GetString(), pool[6].GetProperty("evaluatorUserId").GetString(), EvaluationHost.PurchaserUser]);
        var drawn = await _api.PublishedAsync<PanelDrawn>();
        drawn.Should().BeEquivalentTo(new { TenderId = tenderId, Size = 3, Experts = 2 });

        var agencyView = await _api.Agency(0).GetAsync($"/api/evaluations/tenders/{tenderId}/panel");
        agencyView.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await RuleOf(agencyView)).Should().Be("panel_hidden_from_agencies");

        var replay = await EvaluationHost.JsonAsync(await _api.Auditor().GetAsync($"/api/evaluations/tenders/{tenderId}/panel/replay"));
        replay.GetProperty("matches").GetBoolean().Should().BeTrue();
        replay.GetProperty("draws")[0].GetProperty("candidates").GetArrayLength().Should().Be(2);
        (await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}/panel/replay")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_panel_size_rules_and_the_stage_refuse_a_wrong_draw()
    {
        var tenderId = await _api.PublishTenderAsync();
        (await RuleOf(await DrawAsync(tenderId, 3))).Should().Be("evaluation_bids_not_opened");
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));

        var even = await DrawAsync(tenderId, 4);
        even.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await RuleOf(even)).Should().Be("panel_size_even");
        (await RuleOf(await DrawAsync(tenderId, 1))).Should().Be("panel_too_small");
        (await RuleOf(await DrawAsync(tenderId, 3, EvaluationHost.PurchaserUser, "another-purchaser"))).Should().Be("panel_too_few_experts");

        var chinese = await _api.Purchaser("zh-CN").PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size = 4 });
        (await EvaluationHost.JsonAsync(chinese)).GetProperty("detail").GetString().Should().Be("评审小组不能为 4 人：成员人数须为单数。");

        (await DrawAsync(tenderId, 3)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await RuleOf(await DrawAsync(tenderId, 3))).Should().Be("panel_already_drawn");
    }

    [Fact]
    public async Task A_conflict_declared_after_the_draw_replaces_the_member_by_a_new_recorded_draw()
    {
        var tenderId = await _api.PublishTenderAsync();
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));
        var members = await DrawnMembersAsync(tenderId, 3);
        var leaving = members[0];

        var declared = await _api.Evaluator(leaving).PostAsJsonAsync("/api/experts/me/conflicts", new { agencyId = EvaluationHost.Agencies[2], reason = "I was its board member" });
        declared.StatusCode.Should().Be(HttpStatusCode.Created);
        (await EvaluationHost.JsonAsync(declared)).GetProperty("panelsReplacedOn").GetInt32().Should().Be(1);

        var panel = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}/panel"));
        var now = panel.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()).ToList();
        now.Should().HaveCount(3).And.NotContain(leaving);
        panel.GetProperty("replaced")[0].GetProperty("userId").GetString().Should().Be(leaving);
        panel.GetProperty("draws").GetArrayLength().Should().Be(2);

        var replay = await EvaluationHost.JsonAsync(await _api.Auditor().GetAsync($"/api/evaluations/tenders/{tenderId}/panel/replay"));
        replay.GetProperty("matches").GetBoolean().Should().BeTrue();
        (await _api.Evaluator(leaving).GetAsync($"/api/evaluations/tenders/{tenderId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "no longer on the panel");

        var mine = await EvaluationHost.JsonAsync(await _api.Evaluator(leaving).GetAsync("/api/experts/me/conflicts"));
        mine.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task The_panel_reviews_and_scores_and_the_ranking_is_published()
    {
        var tenderId = await _api.PublishTenderAsync();
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));
        var members = await DrawnMembersAsync(tenderId, 3, EvaluationHost.PurchaserUser);
        var outsider = EvaluationHost.Evaluators.First(e => !members.Contains(e));
        (await ReviewAsync(tenderId, bids[0].BidId, outsider, met: true)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var early = await SheetAsync(tenderId, bids[0].BidId, members[0], 50m, 8m);
        (await RuleOf(early)).Should().Be("scoring_not_open");
        await PassAllAsync(tenderId, bids, members[0]);

        // Worked example 1: A 400000 (plan 50, 52, 54; past 8, 8, 9) → 90.33; B 450000 (55, 56, 57; 9, 9, 9) → 91.67;
        // C 480000 (48, 50, 49; 7, 8, 9) → 82.00.
        (decimal[] Plan, decimal[] Past)[] scores = [([50m, 52m, 54m], [8m, 8m, 9m]), ([55m, 56m, 57m], [9m, 9m, 9m]), ([48m, 50m, 49m], [7m, 8m, 9m])];
        for (var b = 0; b < 3; b++)
        {
            for (var m = 0; m < 3; m++)
            {
                if (b == 0 && m == 1)
                {
                    var peek = await _api.Member(members[1]).GetAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets");
                    peek.StatusCode.Should().Be(HttpStatusCode.Conflict);
                    (await RuleOf(peek)).Should().Be("submit_own_sheet_first");
                }

                var sheet = await SheetAsync(tenderId, bids[b].BidId, members[m], scores[b].Plan[m], scores[b].Past[m]);
                sheet.StatusCode.Should().Be(HttpStatusCode.Created, await sheet.Content.ReadAsStringAsync());
            }

            if (b == 0)
            {
                (await _api.Agency(0).GetAsync($"/api/evaluations/tenders/{tenderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing before completion");
                (await RuleOf(await SheetAsync(tenderId, bids[0].BidId, members[0], 50m, 8m))).Should().Be("sheet_already_submitted");
                var read = await EvaluationHost.JsonAsync(await _api.Member(members[1]).GetAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets"));
                read.GetArrayLength().Should().Be(3, "after submitting, a member reads the others' sheets");
            }
        }

        var completed = await _api.PublishedAsync<EvaluationCompleted>();
        completed.Ranking.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total)).Should().Equal(
            (1, bids[1].BidId, (decimal?)26.67m, 91.67m), (2, bids[0].BidId, (decimal?)30.00m, 90.33m), (3, bids[2].BidId, (decimal?)25.00m, 82.00m));
        completed.RecommendedBidId.Should().Be(bids[1].BidId);
        completed.RecommendedAgencyId.Should().Be(EvaluationHost.Agencies[1]);
        completed.Invalid.Should().BeEmpty();

        var result = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}"));
        result.GetProperty("stage").GetString().Should().Be("Completed");
        result.GetProperty("ranking")[0].GetProperty("total").GetDecimal().Should().Be(91.67m);

        var published = await _api.Agency(2).GetAsync($"/api/evaluations/tenders/{tenderId}");
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        var agencyView = await EvaluationHost.JsonAsync(published);
        agencyView.GetProperty("ranking").GetArrayLength().Should().Be(3);
        agencyView.TryGetProperty("panel", out _).Should().BeFalse("agencies learn nothing of the panel");
        (await _api.Agency(3).GetAsync($"/api/evaluations/tenders/{tenderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it did not bid");
    }

    [Fact]
    public async Task An_outlying_score_is_refused_until_it_carries_a_written_reason()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await DrawnMembersAsync(tenderId, 3);
        await PassAllAsync(tenderId, bids, members[0]);
        (await SheetAsync(tenderId, bids[0].BidId, members[0], 40m, 8m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await SheetAsync(tenderId, bids[0].BidId, members[1], 40m, 8m)).StatusCode.Should().Be(HttpStatusCode.Created);

        // Median 40; 30% of 60 is 18: 58.01 is beyond it.
        var refused = await SheetAsync(tenderId, bids[0].BidId, members[2], 58.01m, 8m);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await EvaluationHost.JsonAsync(refused);
        problem.GetProperty("rule").GetString().Should().Be("score_outlier_needs_reason");
        problem.GetProperty("outliers")[0].GetProperty("criterion").GetString().Should().Be("Service plan");
        problem.GetProperty("detail").GetString().Should().Be(
            "These scores differ from the panel median by more than 30% of the criterion's maximum and need a written reason: \"Service plan\" 58.01 (median 40, allowed ±18.00).");
        (await StageAsync(tenderId)).Should().Be("Scoring", "the refused sheet does not count");

        (await SheetAsync(tenderId, bids[0].BidId, members[2], 58.01m, 8m, "The plan covers weekends and nights")).StatusCode.Should().Be(HttpStatusCode.Created);
        await _api.PublishedAsync<EvaluationCompleted>();
    }

    [Fact]
    public async Task A_sheet_that_becomes_an_outlier_when_the_last_sheet_arrives_holds_the_ranking_until_its_reason()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await DrawnMembersAsync(tenderId, 3);
        await PassAllAsync(tenderId, bids, members[0]);
        (await SheetAsync(tenderId, bids[0].BidId, members[0], 20m, 8m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await SheetAsync(tenderId, bids[0].BidId, members[1], 50m, 8m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await SheetAsync(tenderId, bids[0].BidId, members[2], 50m, 8m)).StatusCode.Should().Be(HttpStatusCode.Created);

        var result = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}"));
        result.GetProperty("sheets").GetProperty("needingReasons").GetInt32().Should().Be(1);
        result.GetProperty("stage").GetString().Should().Be("Scoring", "the ranking waits for the reason");

        var reasons = await _api.Evaluator(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets/mine/reasons",
            new { reasons = new[] { new { criterion = "Service plan", reason = "No staffing at weekends" } } });
        reasons.StatusCode.Should().Be(HttpStatusCode.OK, await reasons.Content.ReadAsStringAsync());
        await _api.PublishedAsync<EvaluationCompleted>();
    }

    [Fact]
    public async Task Too_few_valid_bids_fail_the_tender()
    {
        var tenderId = await _api.PublishTenderAsync();
        // The third bid plans 2 certified workers where 3 are required: it cannot pass.
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m, certified: 2));
        var members = await DrawnMembersAsync(tenderId, 3);
        await PassAllAsync(tenderId, bids, members[0]);

        var failed = await _api.PublishedAsync<TenderFailed>();
        failed.Should().BeEquivalentTo(new { TenderId = tenderId, ValidBids = 2, MinimumValidBids = 3, Reason = "2 valid bids, 3 required" });
        var result = await EvaluationHost.JsonAsync(await _api.Auditor().GetAsync($"/api/evaluations/tenders/{tenderId}"));
        result.GetProperty("stage").GetString().Should().Be("Failed");
        result.GetProperty("bids")[2].GetProperty("complianceReasons")[0].GetString().Should().Contain("2 certified social workers planned, 3 required");
    }

    [Fact]
    public async Task Fewer_bids_at_opening_than_the_minimum_fail_the_tender_at_once()
    {
        var tenderId = await _api.PublishTenderAsync();
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m));
        (await _api.PublishedAsync<TenderFailed>()).Reason.Should().Be("2 bids at opening, 3 required");
        (await RuleOf(await DrawAsync(tenderId, 3))).Should().Be("evaluation_closed");
    }

    [Fact]
    public async Task A_cancelled_tender_stops_its_evaluation()
    {
        var tenderId = await _api.PublishTenderAsync();
        await _api.PublishAsync(new TenderCancelled(tenderId, "Budget withdrawn", EvaluationHost.Now));
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));
        var result = await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}"));
        result.GetProperty("stage").GetString().Should().Be("Cancelled");
    }

    [Fact]
    public async Task A_verdict_needs_every_requirement_judged_and_a_reason_for_an_unmet_one()
    {
        var tenderId = await _api.PublishTenderAsync();
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m), EvaluationHost.Bid(2, 480_000m));
        (await RuleOf(await ReviewAsync(tenderId, bids[0].BidId, EvaluationHost.Evaluators[0], met: true))).Should().Be("panel_not_drawn");
        var members = await DrawnMembersAsync(tenderId, 3);

        var noReason = await _api.Member(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/compliance",
            new { eligibility = new[] { new { requirement = "Registered social organisation", met = false } } });
        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await RuleOf(noReason)).Should().Be("reason_required");

        var unjudged = await _api.Member(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/compliance", new { rejections = Array.Empty<string>() });
        (await RuleOf(unjudged)).Should().Be("eligibility_not_judged");

        var failed = await ReviewAsync(tenderId, bids[0].BidId, members[1], met: false);
        var verdict = await EvaluationHost.JsonAsync(failed);
        verdict.GetProperty("compliance").GetString().Should().Be("Failed");
        verdict.GetProperty("complianceReasons")[0].GetString().Should().Be("Eligibility: Registered social organisation: Registration lapsed");
        (await StageAsync(tenderId)).Should().Be("ComplianceReview", "two bids still wait for their verdict");
    }

    [Fact]
    public async Task Reasons_are_given_only_for_ones_own_sheet()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await DrawnMembersAsync(tenderId, 3);
        await PassAllAsync(tenderId, bids, members[0]);
        var reasons = await _api.Evaluator(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets/mine/reasons",
            new { reasons = new[] { new { criterion = "Service plan", reason = "Because" } } });
        reasons.StatusCode.Should().Be(HttpStatusCode.NotFound, "no sheet of the caller's yet");
    }
}
