namespace Procurement.Bidding.Domain.Bids;

/// <summary>The stable codes of the bid rules: the last segment of the problem <c>type</c>, and the key of the text.</summary>
public static class BidCodes
{
    // 422: content rules, checked before sealing.
    public const string PriceNotPositive = "price_not_positive";
    public const string AmountNotTwoDecimals = "amount_not_two_decimals";
    public const string PriceAboveCeiling = "price_above_ceiling";
    public const string FixedPriceNotCeiling = "fixed_price_not_ceiling";
    public const string CostNegative = "cost_negative";
    public const string CostBreakdownNotPrice = "cost_breakdown_not_price";
    public const string TechnicalProposalRequired = "technical_proposal_required";
    public const string StaffingWorkerNotOnRoster = "staffing_worker_not_on_roster";
    public const string StaffingWorkerInactive = "staffing_worker_inactive";
    public const string StaffingWorkerRepeated = "staffing_worker_repeated";
    public const string StaffingFteOutOfRange = "staffing_fte_out_of_range";
    public const string StaffingFtePrecision = "staffing_fte_precision";
    public const string StaffingPayNotPositive = "staffing_pay_not_positive";
    public const string StaffingRequirementNotMet = "staffing_requirement_not_met";
    public const string AbnormallyLowNeedsExplanation = "abnormally_low_needs_explanation";
    public const string FteOverCommitment = "fte_over_commitment";

    // Reasons a bid is flagged abnormally low: texts for the agency and the panel, never refusals.
    public const string PersonnelShareBelowMinimum = "personnel_share_below_minimum";
    public const string PayBelowFloor = "pay_below_floor";

    // 409: state.
    public const string BiddingClosed = "bidding_closed";
    public const string BidWithdrawn = "bid_withdrawn";
    public const string BidSealedUntilOpening = "bid_sealed_until_opening";
    public const string BiddingStillOpen = "bidding_still_open";
    public const string BidNotOpenable = "bid_not_openable";
    public const string BidAlreadySubmitted = "bid_already_submitted";
    public const string AgencyProfileRequiredToBid = "agency_profile_required_to_bid";

    // 422
    public const string AgencySuspended = "agency_suspended";

    // 403
    public const string BidOwnerOnly = "bid_owner_only";
    public const string AgencyDebarred = "agency_debarred";
}
