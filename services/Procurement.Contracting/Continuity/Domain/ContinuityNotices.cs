using System.Globalization;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>
/// What the purchasing unit must act on reaches its contract inbox (issue 16 item 6): the renewal point, the renewal
/// decision waiting for its confirmation, and a bridge proposal waiting for its approval. Each is raised by the clock
/// that raises the event, in the same transaction as the row that records it once (the renewal notice, the bridge
/// proposal), so a second pass or a second replica adds no second notice.
/// <para>
/// Only the purchasing unit is told: it is the one to act. The agency hears of a renewal decision only when it concerns
/// it — a confirmed direct renewal offers it the successor to sign, and the lifecycle's <c>Renew</c> notice tells both
/// parties; a new tender is a draft until Tendering publishes it, and nothing is public before its moment (DOMAIN.md §11).
/// </para>
/// </summary>
public static class ContinuityNotices
{
    /// <summary>
    /// The texts. Arguments: {0} agency name, {1} start, {2} end, then per kind — renewal due: {3} renewal point, {4} lead
    /// time in days; decision pending: {3} the proposed path (in the text's language), {4} the renewal point; bridge
    /// proposed: {3} months, {4} extension start, {5} extension end, {6} amount (yuan).
    /// </summary>
    public static IReadOnlyDictionary<ContractNoticeKind, (string En, string Zh)> Texts { get; } = new Dictionary<ContractNoticeKind, (string En, string Zh)>
    {
        [ContractNoticeKind.RenewalDue] = (
            "Renewal is due for the contract with {0} ({1} to {2}): its renewal point was {3}, {4} days before the end. Start the successor's procurement now so that the service continues without a gap.",
            "与{0}签订的服务合同（{1} 至 {2}）已到续签时点（{3}，到期前 {4} 天），请即启动后续采购，确保服务不断档。"),
        [ContractNoticeKind.RenewalDecisionPending] = (
            "A renewal decision waits for you on the contract with {0} ({1} to {2}): the platform proposes {3}. Confirm it on the contract's renewal page (renewal point {4}).",
            "与{0}签订的服务合同（{1} 至 {2}）的续签决定待您确认：平台建议{3}。请在合同续签页面确认（续签时点 {4}）。"),
        [ContractNoticeKind.BridgeProposed] = (
            "A bridge extension is proposed for the contract with {0} ({1} to {2}): {3} month(s) at the same monthly rate, from {4} to {5}, {6} yuan. Approve or decline it before the contract ends.",
            "平台建议对与{0}签订的服务合同（{1} 至 {2}）进行过渡期延续：按原月度标准延续 {3} 个月（{4} 至 {5}），金额 {6} 元。请在合同到期前批准或拒绝。"),
    };

    /// <summary>The proposed path as the texts say it.</summary>
    public static IReadOnlyDictionary<RenewalPath, (string En, string Zh)> Paths { get; } = new Dictionary<RenewalPath, (string En, string Zh)>
    {
        [RenewalPath.DirectRenewal] = ("a direct renewal with the same agency", "与同一机构直接续签"),
        [RenewalPath.NewTender] = ("a new tender, pre-filled from the last one", "重新采购（依上一次采购文件预填）"),
    };

    /// <summary>The purchasing unit's notice that <paramref name="contract"/> reached its renewal point.</summary>
    public static ContractNotification RenewalDue(Contract contract, DateOnly renewalPoint, int leadTimeDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Notice(contract, ContractNoticeKind.RenewalDue, now, Day(renewalPoint), leadTimeDays.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The purchasing unit's notice that the platform's renewal decision waits for its confirmation.</summary>
    public static ContractNotification RenewalDecisionPending(Contract contract, RenewalProposal proposal, DateOnly renewalPoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(proposal);
        var (en, zh) = Texts[ContractNoticeKind.RenewalDecisionPending];
        var (pathEn, pathZh) = Paths[proposal.Path];
        return ContractNotification.ForPurchaser(
            contract, ContractNoticeKind.RenewalDecisionPending,
            Format(en, contract, pathEn, Day(renewalPoint)), Format(zh, contract, pathZh, Day(renewalPoint)), now);
    }

    /// <summary>The purchasing unit's notice that a bridge extension was proposed.</summary>
    public static ContractNotification BridgeProposed(Contract contract, BridgePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(plan);
        return Notice(
            contract, ContractNoticeKind.BridgeProposed, now, plan.Months.ToString(CultureInfo.InvariantCulture), Day(plan.ExtensionStart),
            Day(plan.ExtensionEnd), plan.Amount.ToString("0.00", CultureInfo.InvariantCulture));
    }

    private static ContractNotification Notice(Contract contract, ContractNoticeKind kind, DateTimeOffset now, params string[] particulars)
    {
        var (en, zh) = Texts[kind];
        return ContractNotification.ForPurchaser(contract, kind, Format(en, contract, particulars), Format(zh, contract, particulars), now);
    }

    private static string Format(string text, Contract contract, params string[] particulars) =>
        string.Format(CultureInfo.InvariantCulture, text, [contract.AgencyName, Day(contract.Start), Day(contract.End), .. particulars]);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
