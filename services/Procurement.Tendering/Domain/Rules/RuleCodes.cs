namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// The stable codes of the tender rules: the last segment of the problem <c>type</c> and the key of
/// their texts in <see cref="RulesMessages"/>. Clients may match on them, so a code never changes.
/// </summary>
public static class RuleCodes
{
    // Procurement method rules
    public const string BidPeriodTooShort = "bid_period_too_short";
    public const string MethodHasNoPanel = "method_has_no_panel";
    public const string PanelTooSmall = "panel_too_small";
    public const string PanelSizeEven = "panel_size_even";
    public const string BidSecurityAboveMaximum = "bid_security_above_maximum";
    public const string PerformanceBondAboveMaximum = "performance_bond_above_maximum";

    // Evaluation scheme (综合评分法)
    public const string MethodNotScored = "method_not_scored";
    public const string CriterionNameRequired = "criterion_name_required";
    public const string CriterionPointsInvalid = "criterion_points_invalid";
    public const string CriterionNameDuplicate = "criterion_name_duplicate";
    public const string PriceCriterionDuplicate = "price_criterion_duplicate";
    public const string FixedPriceScoresPrice = "fixed_price_scores_price";
    public const string PriceCriterionMissing = "price_criterion_missing";
    public const string SchemeNot100 = "scheme_not_100";
    public const string PriceWeightBelowMinimum = "price_weight_below_minimum";
    public const string PriceWeightAboveMaximum = "price_weight_above_maximum";
    public const string FixedPriceNotCeiling = "fixed_price_not_ceiling";

    // Staffing requirement
    public const string StaffingCountNegative = "staffing_count_negative";
    public const string StaffingIntermediateExceedsCertified = "staffing_intermediate_exceeds_certified";

    // Payment schedule
    public const string InstalmentPercentInvalid = "instalment_percent_invalid";
    public const string PaymentScheduleNot100 = "payment_schedule_not_100";
    public const string AdvanceMissing = "advance_missing";
    public const string AdvanceBelowMinimum = "advance_below_minimum";
    public const string PaymentConditionsOutOfOrder = "payment_conditions_out_of_order";
    public const string ContractAmountInvalid = "contract_amount_invalid";

    // KPIs
    public const string KpiNameRequired = "kpi_name_required";
    public const string KpiUnitRequired = "kpi_unit_required";
    public const string KpiTargetNegative = "kpi_target_negative";
    public const string KpiDuplicate = "kpi_duplicate";

    // Personnel cost rule
    public const string PersonnelShareInvalid = "personnel_share_invalid";
    public const string PayFloorInvalid = "pay_floor_invalid";
    public const string PayFloorDuplicate = "pay_floor_duplicate";
}
