using System.Text.Json;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Award;

/// <summary>
/// The four API clients the evaluation page calls, answering from what a test set: the evaluation, the opening record, the panel,
/// the award and its challenges; a null answer is the API's 404. Every write is recorded; an operation the page must not call
/// fails the test.
/// </summary>
internal sealed class FakeAfterDeadlineApi : IEvaluationsClient, IEvaluationPanelsClient, IAwardsClient, IBidsClient
{
    public BidEvaluationResponse? Evaluation { get; set; }
    public OpeningRecordResponse? Opening { get; set; }
    public PanelResponse? Panel { get; set; }
    public AwardResponse? Award { get; set; }

    /// <summary>The award as the API answers once the purchaser confirmed it.</summary>
    public AwardResponse? Published { get; set; }
    public List<ChallengeResponse> Challenges { get; } = [];

    /// <summary>When set, the next write is refused with this ProblemDetails.</summary>
    public ProblemDetails? RefuseNextWrite { get; set; }

    public List<DrawPanelRequest> Draws { get; } = [];
    public List<ConfirmAwardRequest> Confirmations { get; } = [];
    public List<(Guid ChallengeId, string? Answer)> Answers { get; } = [];

    public Task<BidEvaluationResponse> GetEvaluationAsync(Guid tenderId, CancellationToken cancellationToken = default) => Found(Evaluation);

    public Task<OpeningRecordResponse> GetOpeningRecordAsync(Guid tenderId, CancellationToken cancellationToken = default) => Found(Opening);

    public Task<PanelResponse> GetPanelAsync(Guid tenderId, CancellationToken cancellationToken = default) => Found(Panel, 409);

    public Task<AwardResponse> GetAwardAsync(Guid tenderId, CancellationToken cancellationToken = default) => Found(Award);

    public Task<ICollection<ChallengeResponse>> ListChallengesAsync(Guid tenderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<ChallengeResponse>>([.. Challenges]);

    public Task<PanelResponse> DrawPanelAsync(Guid tenderId, DrawPanelRequest body, CancellationToken cancellationToken = default)
    {
        Refuse();
        Draws.Add(body);
        return Found(Panel);
    }

    public Task<AwardResponse> ConfirmAwardAsync(Guid tenderId, ConfirmAwardRequest body, CancellationToken cancellationToken = default)
    {
        Refuse();
        Confirmations.Add(body);
        Award = Published;
        return Found(Award);
    }

    public Task<ChallengeResponse> AnswerChallengeAsync(Guid tenderId, Guid challengeId, AnswerChallengeRequest body, CancellationToken cancellationToken = default)
    {
        Refuse();
        Answers.Add((challengeId, body.Answer));
        var challenge = Challenges.Single(c => c.Id == challengeId);
        challenge.Answer = body.Answer;
        challenge.Answered = true;
        challenge.AnsweredAt = DateTimeOffset.UtcNow;
        return Task.FromResult(challenge);
    }

    private void Refuse()
    {
        if (RefuseNextWrite is { } problem)
        {
            RefuseNextWrite = null;
            throw new ApiException<ProblemDetails>(problem.Title ?? "", problem.Status ?? 400, JsonSerializer.Serialize(problem),
                new Dictionary<string, IEnumerable<string>>(), problem, null);
        }
    }

    private static Task<T> Found<T>(T? value, int missing = 404) where T : class =>
        value is not null
            ? Task.FromResult(value)
            : Task.FromException<T>(new ApiException("missing", missing, null, new Dictionary<string, IEnumerable<string>>(), null));

    // Not called by the purchaser's evaluation page.
    public Task<ICollection<MyPanelResponse>> GetMyPanelsAsync(CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<ReplayResponse> ReplayPanelDrawAsync(Guid tenderId, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<BidReviewResponse> ReviewBidComplianceAsync(Guid tenderId, Guid bidId, ComplianceRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<SheetResponse> SubmitScoreSheetAsync(Guid tenderId, Guid bidId, ScoreSheetRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<ICollection<SheetResponse>> ListScoreSheetsAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<SheetResponse> GiveOutlierReasonsAsync(Guid tenderId, Guid bidId, OutlierReasonsRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<ChallengeResponse> LodgeChallengeAsync(Guid tenderId, ChallengeRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<BidReceiptResponse> SubmitBidAsync(SubmitBidRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<ICollection<OwnBidResponse>> ListOwnBidsAsync(CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<OwnBidResponse> GetOwnBidAsync(Guid id, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<BidReceiptResponse> ReviseBidAsync(Guid id, ReviseBidRequest body, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<BidReceiptResponse> WithdrawBidAsync(Guid id, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<BidReceiptResponse> ConfirmBidAsync(Guid id, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<AuditVerificationResponse> VerifyUnsealAuditAsync(CancellationToken cancellationToken = default) => throw Unexpected();

    private static InvalidOperationException Unexpected() => new("The purchaser's evaluation page does not call this operation.");
}
