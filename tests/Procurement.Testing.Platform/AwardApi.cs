using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Procurement.Testing.Platform;

/// <summary>A tender's award as <c>GET /api/evaluations/tenders/{id}/award</c> shows it (the parts the tests read).</summary>
public sealed record AwardView(
    Guid AwardId, Guid TenderId, string Status, Guid RecommendedBidId, Guid? BidId, Guid? AgencyId, string? AgencyName, decimal? Amount,
    int? AwardedRank, DateOnly? NoticeDate, int ChallengeWindowWorkingDays, DateOnly? ChallengeWindowEnds, DateTimeOffset? ChallengeWindowClosesAt,
    string? ChallengeWindowClosesAtLocal, bool WindowCountedOnWeekendsOnly, int UnansweredChallenges, DateTimeOffset? ConfirmedAt);

public sealed record ChallengeView(Guid Id, Guid TenderId, Guid AgencyId, string Text, DateTimeOffset LodgedAt, string? Answer, DateTimeOffset? AnsweredAt, bool Answered);

public sealed record WorkingDaysView(DateOnly From, int WorkingDays, DateOnly Date, bool WeekendsOnly, string? Note);

public sealed record IndicatorView(string Name, string Unit, decimal Target, decimal Weight);

public sealed record IndicatorScoreView(string Indicator, decimal Weight, decimal Score, string Comment);

public sealed record PerformanceEvaluationView(
    Guid Id, Guid ContractId, string Stage, decimal Score, string Grade, bool Passed, IReadOnlyList<IndicatorScoreView> Scores, DateTimeOffset SubmittedAt);

public sealed record ContractPerformanceView(
    Guid ContractId, Guid ProgramId, Guid PurchasingUnitId, Guid AgencyId, IReadOnlyList<IndicatorView> Indicators, bool WeightsLocked,
    IReadOnlyList<PerformanceEvaluationView> Evaluations);

public sealed record AgencyGradeView(Guid ContractId, Guid ProgramId, string Stage, decimal Score, string Grade, bool Passed, DateTimeOffset EvaluatedAt);

/// <summary>
/// Awards, challenges, the working-day calendar and performance evaluations as calls on the public entry, for the
/// acceptance steps of Features/Awards.
/// </summary>
public static class AwardApi
{
    private static string AwardPath(Guid tenderId) => $"/api/evaluations/tenders/{tenderId}/award";

    private static string PerformancePath(Guid contractId) => $"/api/evaluations/contracts/{contractId}/performance";

    public static Task<ApiAnswer> AwardAsync(this HttpClient reader, Guid tenderId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri(AwardPath(tenderId), UriKind.Relative)));

    /// <summary>Polls the award until <paramref name="until"/> holds; the last view when it does not within <paramref name="timeout"/>.</summary>
    public static async Task<AwardView?> WaitForAwardAsync(this HttpClient reader, Guid tenderId, Func<AwardView, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        AwardView? last = null;
        while (true)
        {
            var answer = await reader.AwardAsync(tenderId);
            if (answer.Status == HttpStatusCode.OK)
            {
                last = answer.Json<AwardView>();
                if (until(last))
                {
                    return last;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// The purchaser confirms the award (the recommended bid when <paramref name="bidId"/> is null). The tender's terms
    /// travel to Evaluation on their own event: while they are on their way the answer is 409
    /// <c>award_tender_terms_unknown</c>, and the call is repeated for up to <paramref name="patience"/>.
    /// </summary>
    public static async Task<ApiAnswer> ConfirmAwardAsync(this HttpClient purchaser, Guid tenderId, TimeSpan patience, Guid? bidId = null, string? reason = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var answer = await ApiAnswer.ReadAsync(purchaser.PostJsonAsync(AwardPath(tenderId), new { bidId, reason }));
            if (answer.Status != HttpStatusCode.Conflict || !answer.Body.Contains("award_tender_terms_unknown", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public static Task<ApiAnswer> ChallengeAsync(this HttpClient agency, Guid tenderId, string text) =>
        ApiAnswer.ReadAsync(agency.PostJsonAsync($"{AwardPath(tenderId)}/challenges", new { text }));

    public static async Task<ChallengeView[]> ChallengesAsync(this HttpClient reader, Guid tenderId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"{AwardPath(tenderId)}/challenges", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the challenges").Json<ChallengeView[]>();

    public static async Task<ChallengeView> AnswerChallengeAsync(this HttpClient purchaser, Guid tenderId, Guid challengeId, string answer) =>
        (await ApiAnswer.ReadAsync(purchaser.PostJsonAsync($"{AwardPath(tenderId)}/challenges/{challengeId}/answer", new { answer })))
        .Expect(HttpStatusCode.OK, "answering the challenge").Json<ChallengeView>();

    public static async Task<WorkingDaysView> WorkingDaysAfterAsync(this HttpClient reader, DateOnly from, int days) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/evaluations/calendar/working-days?from={from:yyyy-MM-dd}&days={days}", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "counting working days").Json<WorkingDaysView>();

    public static Task<ApiAnswer> PerformanceAsync(this HttpClient reader, Guid contractId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri(PerformancePath(contractId), UriKind.Relative)));

    /// <summary>Polls until the contract's indicator system has reached Evaluation; null when it does not within <paramref name="timeout"/>.</summary>
    public static async Task<ContractPerformanceView?> WaitForPerformanceAsync(this HttpClient reader, Guid contractId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var answer = await reader.PerformanceAsync(contractId);
            if (answer.Status == HttpStatusCode.OK)
            {
                return answer.Json<ContractPerformanceView>();
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public static Task<ApiAnswer> WeighIndicatorsAsync(this HttpClient purchaser, Guid contractId, IReadOnlyList<(string Name, decimal Weight)> weights) =>
        ApiAnswer.ReadAsync(purchaser.PutAsJsonAsync(
            new Uri($"{PerformancePath(contractId)}/indicators", UriKind.Relative),
            new { indicators = weights.Select(w => new { name = w.Name, weight = w.Weight }).ToArray() },
            JsonSerializerOptions.Web));

    public static async Task AssignPerformanceEvaluatorAsync(this HttpClient purchaser, Guid contractId, string stage, Guid evaluatorOrganisationId) =>
        (await ApiAnswer.ReadAsync(purchaser.PutAsJsonAsync(
            new Uri($"{PerformancePath(contractId)}/evaluators/{stage}", UriKind.Relative), new { evaluatorOrganisationId }, JsonSerializerOptions.Web)))
        .Expect(HttpStatusCode.OK, "assigning the evaluator");

    public static Task<ApiAnswer> SubmitPerformanceEvaluationAsync(
        this HttpClient evaluator, Guid contractId, string stage, IReadOnlyList<(string Indicator, decimal Score, string Comment)> scores) =>
        ApiAnswer.ReadAsync(evaluator.PostJsonAsync($"{PerformancePath(contractId)}/evaluations", new
        {
            stage,
            scores = scores.Select(s => new { indicator = s.Indicator, score = s.Score, comment = s.Comment }).ToArray(),
        }));

    public static async Task<AgencyGradeView[]> AgencyGradesAsync(this HttpClient reader, Guid agencyId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/evaluations/agencies/{agencyId}/grades", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the agency's grades").Json<AgencyGradeView[]>();
}
