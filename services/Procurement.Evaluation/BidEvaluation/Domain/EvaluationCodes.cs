namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>The stable problem codes of the expert pool, panels, compliance review and scoring.</summary>
public static class EvaluationCodes
{
    // Panel draw.
    public const string TenderHasNoPanel = "tender_has_no_panel";
    public const string PanelTooSmall = "panel_too_small";
    public const string PanelSizeEven = "panel_size_even";
    public const string PanelTooFewExperts = "panel_too_few_experts";
    public const string PanelNotEnoughCandidates = "panel_not_enough_candidates";
    public const string PanelAlreadyDrawn = "panel_already_drawn";
    public const string PanelNotDrawn = "panel_not_drawn";
    public const string ProgramDomainUnknown = "program_domain_unknown";
    public const string NotPanelMember = "not_panel_member";
    public const string PanelHiddenFromAgencies = "panel_hidden_from_agencies";
    public const string NoReplacementCandidate = "no_replacement_candidate";

    // Stages.
    public const string BidsNotOpened = "evaluation_bids_not_opened";
    public const string EvaluationClosed = "evaluation_closed";
    public const string ComplianceClosed = "compliance_closed";
    public const string ScoringNotOpen = "scoring_not_open";

    // Compliance review.
    public const string EligibilityNotJudged = "eligibility_not_judged";
    public const string EligibilityUnknown = "eligibility_unknown";
    public const string ReasonRequired = "reason_required";

    // Scoring.
    public const string BidNotValid = "bid_not_valid";
    public const string BidNotReviewed = "bid_not_reviewed";
    public const string SheetAlreadySubmitted = "sheet_already_submitted";
    public const string ScoreOutOfRange = "score_out_of_range";
    public const string ScoreCriterionMissing = "score_criterion_missing";
    public const string ScoreCriterionUnknown = "score_criterion_unknown";
    public const string ScoreCriterionComputed = "score_criterion_computed";
    public const string ScoreOutlierNeedsReason = "score_outlier_needs_reason";
    public const string SubmitOwnSheetFirst = "submit_own_sheet_first";

    // Expert pool.
    public const string ExpertProfileMissing = "expert_profile_missing";
    public const string EvaluatorAlreadyAnExpert = "evaluator_already_an_expert";
    public const string EmploymentSpanReversed = "employment_span_reversed";
    public const string ConflictTargetRequired = "conflict_target_required";
}
