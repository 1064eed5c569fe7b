using System.Text.Json;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Evaluator;

/// <summary>
/// The evaluation API as a panel member meets it, in memory: one tender's evaluation, the member's sheets by bid (a bid
/// without one answers 409 <c>submit_own_sheet_first</c>, as the API does), and what the next submission answers.
/// </summary>
public sealed class FakeEvaluations : IEvaluationsClient
{
    public BidEvaluationResponse Evaluation { get; set; } = new();

    public Dictionary<Guid, List<SheetResponse>> Sheets { get; } = [];

    /// <summary>The refusal of the next sheet submission, or null to accept it.</summary>
    public Queue<ApiException> SubmitRefusals { get; } = new();

    public List<ScoreSheetRequest> Submitted { get; } = [];

    public List<ComplianceRequest> Reviews { get; } = [];

    public Task<BidEvaluationResponse> GetEvaluationAsync(Guid tenderId, CancellationToken cancellationToken = default) =>
        tenderId == Evaluation.TenderId ? Task.FromResult(Evaluation) : throw Problem(404, """{"status":404,"title":"未找到","detail":"项目评审不存在。"}""");

    public Task<BidReviewResponse> ReviewBidComplianceAsync(Guid tenderId, Guid bidId, ComplianceRequest body, CancellationToken cancellationToken = default)
    {
        Reviews.Add(body);
        var bid = Evaluation.Bids.First(b => b.BidId == bidId);
        bid.Compliance = body.Eligibility!.All(e => e.Met == true) ? ComplianceVerdict.Passed : ComplianceVerdict.Failed;
        return Task.FromResult(bid);
    }

    public Task<SheetResponse> SubmitScoreSheetAsync(Guid tenderId, Guid bidId, ScoreSheetRequest body, CancellationToken cancellationToken = default)
    {
        Submitted.Add(body);
        if (SubmitRefusals.TryDequeue(out var refusal))
        {
            throw refusal;
        }

        var sheet = new SheetResponse
        {
            SheetId = Guid.NewGuid(), BidId = bidId, Seat = 1, Mine = true, Status = SheetStatus.Accepted, SubmittedAt = DateTimeOffset.UtcNow,
            Scores = [.. body.Scores!.Select(s => new CriterionScore { Criterion = s.Criterion!, Points = s.Points!.Value, Comment = s.Comment!, OutlierReason = s.OutlierReason })],
        };
        Sheets[bidId] = [sheet];
        return Task.FromResult(sheet);
    }

    /// <summary>When set, the sheets are listed only once it completes (a page rendering while they load).</summary>
    public TaskCompletionSource? SheetsHold { get; set; }

    public async Task<ICollection<SheetResponse>> ListScoreSheetsAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken = default)
    {
        if (SheetsHold is { } hold)
        {
            await hold.Task;
        }

        return Sheets.TryGetValue(bidId, out var sheets)
            ? sheets
            : throw Problem(409, """{"status":409,"title":"冲突","detail":"请先提交您本人对该投标的评分表，再查看其他成员的评分表。","rule":"submit_own_sheet_first"}""");
    }

    public Task<SheetResponse> GiveOutlierReasonsAsync(Guid tenderId, Guid bidId, OutlierReasonsRequest body, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by these tests.");

    /// <summary>A refusal as the generated client throws it: the ProblemDetails read from the API's JSON (extensions included).</summary>
    public static ApiException<ProblemDetails> Problem(int status, string json) =>
        new("refused", status, json, new Dictionary<string, IEnumerable<string>>(), JsonSerializer.Deserialize<ProblemDetails>(json)!, null);
}
