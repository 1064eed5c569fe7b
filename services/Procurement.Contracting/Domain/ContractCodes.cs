using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Domain;

/// <summary>The stable codes of Contracting's refusals; each has an English and a Chinese text.</summary>
public static class ContractCodes
{
    public const string TriggerNotAllowed = "contract_trigger_not_allowed";
    public const string AlreadySigned = "contract_already_signed";
    public const string NotAParty = "contract_not_a_party";
    public const string ConsecutiveCapExceeded = "contract_consecutive_cap_exceeded";
    public const string BridgeMonthsOutOfRange = "contract_bridge_months_out_of_range";
    public const string EndBeforeStart = "contract_end_before_start";
    public const string AmendmentChangesNothing = "contract_amendment_changes_nothing";
    public const string AmountPaidAboveAmount = "contract_amount_paid_above_amount";
    public const string AmountInvalid = "contract_amount_invalid";
    public const string ReasonRequired = "contract_reason_required";
    public const string PaymentTermOutOfRange = "contract_payment_term_out_of_range";

    /// <summary>Guards, by the description the machine (and the diagram) shows.</summary>
    public const string GuardBothSigned = "contract_guard_both_signed";
    public const string GuardStartDateCome = "contract_guard_start_date_come";
    public const string GuardAwaitingSignature = "contract_guard_awaiting_signature";
    public const string GuardRenewalWindowOpen = "contract_guard_renewal_window_open";
    public const string GuardFinalEvaluationPassed = "contract_guard_final_evaluation_passed";
    public const string GuardSuccessorUnsigned = "contract_guard_successor_unsigned";

    public static void Register() => ProblemMessages.Add(Texts);

    /// <summary>A guard's description (English, as in the diagram) in the caller's language.</summary>
    public static string Guard(string description)
    {
        var text = Texts.FirstOrDefault(t => t.Key.StartsWith("contract_guard_", StringComparison.Ordinal) && t.Value.En == description).Value;
        return text.En is null ? description : ProblemMessages.IsChinese(System.Globalization.CultureInfo.CurrentUICulture) ? text.Zh : text.En;
    }

    /// <summary>A guard's description as the machine and the diagram carry it.</summary>
    internal static string Description(string guardCode) => Texts[guardCode].En;

    internal static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        [TriggerNotAllowed] = ("{0} is not allowed while the contract is {1}. Allowed now: {2}.", "合同当前状态为 {1}，不允许执行 {0}。当前允许的操作：{2}。"),
        [AlreadySigned] = ("The {0} has already signed this contract.", "{0}已签署本合同。"),
        [NotAParty] = ("Only a user of one of the contract's two parties may sign it, in that party's role.", "只有合同双方单位的用户，以本方角色，方可签署合同。"),
        [ConsecutiveCapExceeded] = (
            "The end {0} would pass the {1}-month cap of consecutive service by one agency (财政部令第102号): the run began on {2}, so the last allowed day is {3}.",
            "结束日期 {0} 将超过同一机构连续服务 {1} 个月的上限（财政部令第102号）：连续服务自 {2} 起，最晚只能到 {3}。"),
        [BridgeMonthsOutOfRange] = ("A bridge extension adds from 1 to {1} months, not {0}.", "过渡期延续须为 1 至 {1} 个月，不能为 {0} 个月。"),
        [EndBeforeStart] = ("The contract cannot end ({1}) before it starts ({0}).", "合同结束日期（{1}）不得早于开始日期（{0}）。"),
        [AmendmentChangesNothing] = ("An amendment must change the amount, the end date or the KPIs.", "合同变更须至少变更金额、结束日期或绩效指标之一。"),
        [AmountPaidAboveAmount] = ("The amount paid so far ({0}) cannot exceed the contract amount ({1}).", "已支付金额（{0}）不得超过合同金额（{1}）。"),
        // The same text as Tendering's rule of the same code (one text per code on the platform).
        [AmountInvalid] = ("The contract amount {0} must be above zero with at most two decimals.", "合同金额 {0} 必须大于零且最多两位小数。"),
        [ReasonRequired] = ("Say why: {0} needs a reason.", "请说明理由：{0} 须附理由。"),
        [PaymentTermOutOfRange] = (
            "days: the payment term must be from 1 to {1} days, not {0}.",
            "days（付款期限）须为 1 至 {1} 天，不能为 {0} 天。"),
        [GuardBothSigned] = ("both parties have signed", "双方均已签署"),
        [GuardStartDateCome] = ("the start date has come", "已到合同开始日期"),
        [GuardAwaitingSignature] = ("a party has yet to sign", "尚有一方未签署"),
        [GuardRenewalWindowOpen] = ("the renewal lead time has been reached", "已进入续签提前期"),
        [GuardFinalEvaluationPassed] = ("a passing final performance evaluation", "终期绩效评估已通过"),
        [GuardSuccessorUnsigned] = ("the successor is not yet signed by both parties", "续签合同尚未经双方签署"),
        ["contract"] = ("Contract", "合同"),
        ["contract_notification"] = ("Notification", "通知"),
        ["contract_not_negative"] = ("{0} must not be negative.", "{0}不得为负数。"),
        ["contract_party_purchaser"] = ("purchaser", "采购人"),
        ["contract_party_agency"] = ("agency", "服务机构"),
        ["contract_no_trigger"] = ("none", "无"),
    };
}
