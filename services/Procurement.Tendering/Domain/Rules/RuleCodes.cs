using Shared = Procurement.Rules;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// The stable codes of the tender rules: the last segment of the problem <c>type</c> and the key of
/// their texts in <see cref="RuleTexts"/>. Clients may match on them, so a code never changes.
/// </summary>
public static class RuleCodes
{
    // Procurement method rules
    public const string BidPeriodTooShort = Shared.DeadlineRules.BidPeriodTooShort;
    public const string MethodHasNoPanel = "method_has_no_panel";
    public const string PanelTooSmall = "panel_too_small";
    public const string PanelSizeEven = "panel_size_even";
    public const string BidSecurityAboveMaximum = "bid_security_above_maximum";
    public const string PerformanceBondAboveMaximum = "performance_bond_above_maximum";

    // Evaluation scheme (综合评分法)
    public const string MethodNotScored = Shared.EvaluationSchemeRules.MethodNotScored;
    public const string CriterionNameRequired = Shared.EvaluationSchemeRules.CriterionNameRequired;
    public const string CriterionPointsInvalid = Shared.EvaluationSchemeRules.CriterionPointsInvalid;
    public const string CriterionNameDuplicate = Shared.EvaluationSchemeRules.CriterionNameDuplicate;
    public const string PriceCriterionDuplicate = Shared.EvaluationSchemeRules.PriceCriterionDuplicate;
    public const string FixedPriceScoresPrice = Shared.EvaluationSchemeRules.FixedPriceScoresPrice;
    public const string PriceCriterionMissing = Shared.EvaluationSchemeRules.PriceCriterionMissing;
    public const string SchemeNot100 = Shared.EvaluationSchemeRules.SchemeNot100;
    public const string PriceWeightBelowMinimum = Shared.EvaluationSchemeRules.PriceWeightBelowMinimum;
    public const string PriceWeightAboveMaximum = Shared.EvaluationSchemeRules.PriceWeightAboveMaximum;

    // Staffing requirement
    public const string StaffingCountNegative = "staffing_count_negative";
    public const string StaffingIntermediateExceedsCertified = "staffing_intermediate_exceeds_certified";

    // Payment schedule
    public const string InstalmentPercentInvalid = Shared.PaymentScheduleRules.InstalmentPercentInvalid;
    public const string PaymentScheduleNot100 = Shared.PaymentScheduleRules.PaymentScheduleNot100;
    public const string AdvanceMissing = Shared.PaymentScheduleRules.AdvanceMissing;
    public const string AdvanceBelowMinimum = Shared.PaymentScheduleRules.AdvanceBelowMinimum;
    public const string PaymentConditionsOutOfOrder = Shared.PaymentScheduleRules.PaymentConditionsOutOfOrder;

    // KPIs
    public const string KpiNameRequired = "kpi_name_required";
    public const string KpiUnitRequired = "kpi_unit_required";
    public const string KpiTargetNegative = "kpi_target_negative";
    public const string KpiDuplicate = "kpi_duplicate";

    // Personnel cost rule
    public const string PersonnelShareInvalid = "personnel_share_invalid";
    public const string PayFloorInvalid = "pay_floor_invalid";
    public const string PayFloorDuplicate = "pay_floor_duplicate";
    public const string PayFloorBelowScale = "pay_floor_below_scale";

    // Pay scales (四岗十二档)
    public const string PayScalePostTwice = "pay_scale_post_twice";
    public const string PayScalePostMissing = "pay_scale_post_missing";
    public const string PayScaleGradeCount = "pay_scale_grade_count";
    public const string PayScalePayInvalid = "pay_scale_pay_invalid";
    public const string PayScaleGradesNotRising = "pay_scale_grades_not_rising";

    // Kept method rule tables (MethodRuleTable)
    public const string MethodTwice = "method_table_method_twice";
    public const string MethodMissing = "method_table_method_missing";
    public const string MarginAboveBiddingDays = "method_table_margin_above_days";
    public const string AllowanceNotBelowMinimum = "method_table_allowance_not_below_minimum";
    public const string NoAllowanceToAdopt = "method_table_no_allowance";
    public const string PanelAndPriceTogether = "method_table_panel_and_price";
    public const string PanelStepsNotRising = "method_table_panel_steps_not_rising";
    public const string OutOfRange = "method_table_out_of_range";
    public const string PanelStepEven = "method_table_panel_step_even";
}
