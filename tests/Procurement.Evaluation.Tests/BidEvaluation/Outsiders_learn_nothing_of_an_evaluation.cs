using System.Net;
using System.Net.Http.Json;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// Issue 16 item 5: a caller outside an evaluation is answered 404 whatever the state of the bid it names (never "failed
/// the compliance review" for a bid nobody reviewed), and an auditor's replay of a tender Evaluation does not know is 404.
/// </summary>
public sealed class Outsiders_learn_nothing_of_an_evaluation : IAsyncLifetime
{
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpResponseMessage> SheetsAsync(HttpClient reader, Guid tenderId, Guid bidId) =>
        reader.GetAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets");

    [Fact]
    public async Task A_non_member_evaluator_reading_the_sheets_of_a_bid_nobody_reviewed_is_answered_404_and_a_member_is_told_it_is_not_reviewed()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await _api.DrawAsync(tenderId);
        var outsider = EvaluationHost.Evaluators.First(e => !members.Contains(e));

        var outside = await SheetsAsync(_api.Evaluator(outsider), tenderId, bids[0].BidId);
        var body = await outside.Content.ReadAsStringAsync();
        outside.StatusCode.Should().Be(HttpStatusCode.NotFound, body);
        body.Should().NotContain("compliance").And.NotContain("bid_not_valid");
        (await SheetsAsync(_api.Agency(0), tenderId, bids[0].BidId)).StatusCode.Should().Be(HttpStatusCode.NotFound, "an agency is outside the panel too");

        var inside = await SheetsAsync(_api.Member(members[0]), tenderId, bids[0].BidId);
        inside.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await EvaluationHost.JsonAsync(inside)).GetProperty("rule").GetString().Should().Be("bid_not_reviewed", "the bid was not failed, only not reviewed yet");
    }

    [Fact]
    public async Task A_member_still_reads_the_sheets_and_an_outsider_still_gets_404_once_the_bid_is_scored()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await _api.DrawAsync(tenderId);
        var outsider = EvaluationHost.Evaluators.First(e => !members.Contains(e));
        var review = await _api.PassAsync(tenderId, bids[0].BidId, members[0]);
        review.StatusCode.Should().Be(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var sheet = await _api.Member(members[0]).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bids[0].BidId}/sheets", new
        {
            scores = new object[]
            {
                new { criterion = "Service plan", points = 50m, comment = "Weekly visits" },
                new { criterion = "Staff experience", points = 8m, comment = "Two good years" },
            },
        });
        sheet.StatusCode.Should().Be(HttpStatusCode.Created, await sheet.Content.ReadAsStringAsync());

        var read = await SheetsAsync(_api.Member(members[0]), tenderId, bids[0].BidId);
        read.StatusCode.Should().Be(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        (await EvaluationHost.JsonAsync(read)).GetArrayLength().Should().Be(1);
        (await SheetsAsync(_api.Auditor(), tenderId, bids[0].BidId)).StatusCode.Should().Be(HttpStatusCode.OK, "an auditor reads everything");
        (await SheetsAsync(_api.Evaluator(outsider), tenderId, bids[0].BidId)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_replay_of_a_tender_nobody_knows_is_404_and_a_real_tenders_replay_still_works()
    {
        (await _api.Auditor().GetAsync($"/api/evaluations/tenders/{Guid.NewGuid()}/panel/replay")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var early = await _api.Auditor().GetAsync($"/api/evaluations/tenders/{tenderId}/panel/replay");
        early.StatusCode.Should().Be(HttpStatusCode.Conflict, "a known tender without a panel is a state, not a missing thing");
        (await EvaluationHost.JsonAsync(early)).GetProperty("rule").GetString().Should().Be("panel_not_drawn");

        await _api.DrawAsync(tenderId);
        var replay = await _api.Auditor().GetAsync($"/api/evaluations/tenders/{tenderId}/panel/replay");
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await EvaluationHost.JsonAsync(replay)).GetProperty("matches").GetBoolean().Should().BeTrue();
    }
}
