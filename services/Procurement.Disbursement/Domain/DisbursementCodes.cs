using Procurement.ServiceDefaults.Texts;

namespace Procurement.Disbursement.Domain;

/// <summary>The stable codes of Disbursement's refusals; each is also the last segment of the problem type.</summary>
public static class DisbursementCodes
{
    public const string ContractAmountInvalid = "disbursement_contract_amount_invalid";
    public const string InstalmentPercentInvalid = "disbursement_instalment_percent_invalid";
    public const string ScheduleNotWhole = "disbursement_schedule_not_100";
    public const string AdvanceMissing = "disbursement_advance_missing";
    public const string AdvanceBelowMinimum = "disbursement_advance_below_minimum";
    public const string UnknownCondition = "disbursement_unknown_condition";
    public const string ConditionsOutOfOrder = "disbursement_payment_conditions_out_of_order";
    public const string PaymentTermTooLong = "disbursement_payment_term_too_long";
    public const string ContractLimitExceeded = "disbursement_contract_limit_exceeded";
    public const string AppropriationLimitExceeded = "disbursement_appropriation_limit_exceeded";
    public const string AppropriationBelowEngaged = "disbursement_appropriation_below_engaged";
    public const string WrongStatus = "disbursement_wrong_status";
    public const string ApproverIsRequester = "disbursement_approver_is_requester";
    public const string ReleaserIsApprover = "disbursement_releaser_is_approver";
    public const string ReleaserIsRequester = "disbursement_releaser_is_requester";
    public const string ReleaseNeedsTreasury = "disbursement_release_needs_treasury";
    public const string ConfirmNeedsTreasury = "disbursement_confirm_needs_treasury";
    public const string RejectApprovedNeedsTreasury = "disbursement_reject_approved_needs_treasury";
    public const string ReasonRequired = "disbursement_reason_required";
    public const string ContractEnded = "disbursement_contract_ended";
    public const string IdempotencyKeyRequired = "disbursement_idempotency_key_required";
    public const string IdempotencyKeyReused = "disbursement_idempotency_key_reused";
    public const string NotYourUnit = "disbursement_not_your_unit";

    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        [ContractAmountInvalid] = ("The contract amount {0} must be above zero with at most two decimals.", "合同金额 {0} 必须大于零且最多两位小数。"),
        [InstalmentPercentInvalid] = ("An instalment's percent ({0}) must be above zero with at most two decimals.", "分期比例（{0}）必须大于零且最多两位小数。"),
        [ScheduleNotWhole] = ("The payment schedule's percentages sum to {0}, not 100.", "付款计划各期比例之和为 {0}，而非 100。"),
        [AdvanceMissing] = ("The first instalment must be the advance (at activation or bridge start), not {0}.", "第一期必须为预付款（合同生效或过渡期开始时），而非 {0}。"),
        [AdvanceBelowMinimum] = ("The advance is {0}% of the contract amount; at least {1}% is required.", "预付款为合同金额的 {0}%，不得低于 {1}%。"),
        [UnknownCondition] = ("'{0}' is not a payment condition (Activation, MidTermPassed, FinalPassed, BridgeStart).", "“{0}”不是付款条件（Activation、MidTermPassed、FinalPassed、BridgeStart）。"),
        [ConditionsOutOfOrder] = ("Instalments follow the contract: one advance, then at most one after the mid-term and one after the final evaluation, in that order ({0} is out of place).",
            "拨付须按合同进程：一期预付款，其后中期评估通过与终期评估通过各至多一期，且依次排列（{0} 位置不符）。"),
        [PaymentTermTooLong] = ("A payment term of {0} days is not allowed; it is at most {1} days.", "付款期限 {0} 天不允许，最长为 {1} 天。"),
        [ContractLimitExceeded] = ("Contract limit: paying {0} would bring the total to more than the contract amount {1} ({2} already committed or paid) by {3}.",
            "合同金额限额：支付 {0} 将使累计金额超过合同金额 {1}（已承诺或已支付 {2}），超出 {3}。"),
        [AppropriationLimitExceeded] = ("Appropriation limit: paying {0} exceeds the {1} appropriation still available ({2}) by {3}.",
            "预算指标限额：支付 {0} 超过 {1} 年度尚可使用的预算指标（{2}），超出 {3}。"),
        [AppropriationBelowEngaged] = ("The {0} appropriation cannot be {1}: {2} of it is already committed or paid.", "{0}年度预算指标不能设为 {1}：其中 {2} 已承诺或已支付。"),
        [WrongStatus] = ("Cannot {0} an instalment that is {1}.", "分期款处于 {1} 状态，不能执行 {0}。"),
        [ApproverIsRequester] = ("Separation of duties: the person who requested a payment cannot approve or reject it.", "职责分离：付款申请人不能审批或驳回本人的申请。"),
        [ReleaserIsApprover] = ("Separation of duties: the person who approved a payment cannot also release it; another treasury officer must.",
            "职责分离：审批付款的人不能同时拨付该款项，须由另一名财政人员拨付。"),
        [ReleaserIsRequester] = ("Separation of duties: the person who requested a payment cannot release it.", "职责分离：付款申请人不能拨付该款项。"),
        [ReleaseNeedsTreasury] = ("Only a treasury officer releases payments.", "只有财政部门付款人员可以拨付款项。"),
        [ConfirmNeedsTreasury] = ("Only a treasury officer confirms payments.", "只有财政部门付款人员可以确认付款。"),
        [RejectApprovedNeedsTreasury] = ("An approved payment is rejected by a treasury officer other than its approver.", "已审批的付款只能由审批人以外的财政人员驳回。"),
        [ReasonRequired] = ("Give a reason.", "请填写理由。"),
        [ContractEnded] = ("The contract has ended ({0}): no instalment falls due any more.", "合同已结束（{0}），不再有分期款到期。"),
        [IdempotencyKeyRequired] = ("Send an Idempotency-Key header (1–100 characters) with every payment request and release.",
            "每次付款申请和拨付都必须携带 Idempotency-Key 请求头（1–100 个字符）。"),
        [IdempotencyKeyReused] = ("This Idempotency-Key was already used for another operation; use a new key.", "该 Idempotency-Key 已用于其他操作，请使用新的键值。"),
        [NotYourUnit] = ("A purchaser manages the appropriations of their own unit only.", "购买主体只能管理本单位的预算指标。"),
        ["instalment"] = ("Instalment", "分期款"),
        ["contract"] = ("Contract", "合同"),
    });
}
