using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Evaluator;

/// <summary>
/// What is left for the signed-in panel member on one tender, read from the API: the bids still to review (compliance
/// review), the valid bids still without the member's sheet (scoring), and the member's sheets the API holds back until
/// they give reasons for outlying scores.
/// </summary>
public sealed record PanelWork(BidEvaluationResponse Evaluation, IReadOnlyDictionary<Guid, SheetResponse> MySheets)
{
    /// <summary>The criteria the member scores by hand (none when price alone decides).</summary>
    public IReadOnlyList<SheetCriterion> Criteria { get; } = ScoreSheetRules.PanelCriteria(Evaluation.Criteria);

    public int ToReview => Evaluation.Stage == EvaluationStage.ComplianceReview ? Evaluation.Bids.Count(b => b.Compliance == ComplianceVerdict.Pending) : 0;

    public int ToScore => Evaluation.Stage == EvaluationStage.Scoring && Criteria.Count > 0
        ? Evaluation.Bids.Count(b => b.Compliance == ComplianceVerdict.Passed && !MySheets.ContainsKey(b.BidId))
        : 0;

    public int NeedReasons => MySheets.Values.Count(s => s.Status == SheetStatus.NeedsReason);

    /// <summary>Nothing done yet: no bid reviewed and no sheet of the member — the moment to declare a conflict of interest.</summary>
    public bool Untouched => Evaluation.Stage is EvaluationStage.ComplianceReview or EvaluationStage.Scoring
                             && Evaluation.Bids.All(b => b.Compliance == ComplianceVerdict.Pending) && MySheets.Count == 0;

    public bool AnythingLeft => ToReview + ToScore + NeedReasons > 0;

    /// <summary>
    /// Reads the evaluation and the member's own sheet for each valid bid. The API lists a bid's sheets only to a member who
    /// submitted theirs (409 <c>submit_own_sheet_first</c> otherwise): that refusal means "no sheet of mine yet".
    /// </summary>
    public static async Task<PanelWork> LoadAsync(IEvaluationsClient client, Guid tenderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var evaluation = await client.GetEvaluationAsync(tenderId, ct);
        var mine = new Dictionary<Guid, SheetResponse>();
        if (evaluation.Stage is EvaluationStage.Scoring or EvaluationStage.Completed && ScoreSheetRules.PanelCriteria(evaluation.Criteria).Count > 0)
        {
            foreach (var bid in evaluation.Bids.Where(b => b.Compliance == ComplianceVerdict.Passed))
            {
                if (await MySheetAsync(client, tenderId, bid.BidId, ct) is { } sheet)
                {
                    mine[bid.BidId] = sheet;
                }
            }
        }

        return new PanelWork(evaluation, mine);
    }

    /// <summary>The member's own sheet for a bid, or null while they have not submitted one.</summary>
    public static async Task<SheetResponse?> MySheetAsync(IEvaluationsClient client, Guid tenderId, Guid bidId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return (await client.ListScoreSheetsAsync(tenderId, bidId, ct)).FirstOrDefault(s => s.Mine);
        }
        catch (ApiException e) when (e.StatusCode == 409 && e.Problem()?.Rule == "submit_own_sheet_first")
        {
            return null;
        }
    }

    /// <summary>The sheets of the whole panel for a bid once the member submitted theirs (for the re-check against the final median).</summary>
    public static async Task<IReadOnlyList<SheetResponse>> PanelSheetsAsync(IEvaluationsClient client, Guid tenderId, Guid bidId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        return [.. await client.ListScoreSheetsAsync(tenderId, bidId, ct)];
    }
}
