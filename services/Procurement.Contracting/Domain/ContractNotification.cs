using System.Globalization;
using Procurement.ServiceDefaults.Notifications;

namespace Procurement.Contracting.Domain;

/// <summary>
/// What a notice in the contract inbox is about: a lifecycle trigger both parties are told of (named as the trigger, so a
/// notice saved before this enum existed reads the same), or something the purchasing unit must act on (issue 16 item 6).
/// </summary>
public enum ContractNoticeKind
{
    Activate,
    Suspend,
    Resume,
    Terminate,
    Complete,
    Renew,
    ExtendBridge,

    /// <summary>The contract reached its renewal point (<c>RenewalDue</c>): the successor's procurement must start.</summary>
    RenewalDue,

    /// <summary>The platform proposed a renewal decision (direct renewal or new tender) that waits for the purchaser's confirmation.</summary>
    RenewalDecisionPending,

    /// <summary>A bridge extension was proposed (<c>BridgeProposed</c>) and waits for the purchaser's approval.</summary>
    BridgeProposed,
}

/// <summary>
/// One notice in an organisation's contract inbox (issue 5 item 4): both parties of a contract get one each when it
/// is activated, suspended, resumed, terminated, completed, renewed or extended by a bridge; the purchasing unit also
/// gets one for each thing it must act on (<see cref="ContractNoticeKind.RenewalDue"/>,
/// <see cref="ContractNoticeKind.RenewalDecisionPending"/>, <see cref="ContractNoticeKind.BridgeProposed"/>), raised in
/// the same transaction as what it tells of. The text is written in English and Chinese when it is raised, so it keeps
/// the particulars of that moment. What every notice has (id, time, read) is <see cref="Notice"/>.
/// </summary>
public sealed class ContractNotification : Notice
{
    private ContractNotification()
    {
    }

    /// <summary>The organisation whose inbox holds it: the purchasing unit or the agency.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The trigger that was fired, or what the purchasing unit must act on.</summary>
    public ContractNoticeKind Kind { get; private set; }

    public string TextEn { get; private set; } = "";

    public string TextZh { get; private set; } = "";

    /// <summary>The triggers both parties are told about, and the kind of their notice.</summary>
    public static IReadOnlyDictionary<ContractTrigger, ContractNoticeKind> Notified { get; } = new Dictionary<ContractTrigger, ContractNoticeKind>
    {
        [ContractTrigger.Activate] = ContractNoticeKind.Activate,
        [ContractTrigger.Suspend] = ContractNoticeKind.Suspend,
        [ContractTrigger.Resume] = ContractNoticeKind.Resume,
        [ContractTrigger.Terminate] = ContractNoticeKind.Terminate,
        [ContractTrigger.Complete] = ContractNoticeKind.Complete,
        [ContractTrigger.Renew] = ContractNoticeKind.Renew,
        [ContractTrigger.ExtendBridge] = ContractNoticeKind.ExtendBridge,
    };

    /// <summary>One notice for each party of the contract about the trigger just fired; none for a trigger not in <see cref="Notified"/>.</summary>
    public static IReadOnlyList<ContractNotification> ForBothParties(Contract contract, ContractTrigger trigger, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!Notified.TryGetValue(trigger, out var kind))
        {
            return [];
        }

        var (en, zh) = ContractNotificationTexts.Texts[trigger];
        object[] args =
        [
            contract.AgencyName, Day(contract.Start), Day(contract.End), reason ?? "",
            (contract.AmountPaid ?? 0m).ToString("0.00", CultureInfo.InvariantCulture), Day(contract.End.AddDays(1)),
        ];
        var textEn = string.Format(CultureInfo.InvariantCulture, en, args);
        var textZh = string.Format(CultureInfo.InvariantCulture, zh, args);
        return [.. new[] { contract.PurchasingUnitId, contract.AgencyId }.Distinct().Select(organisation => For(organisation, contract.Id, kind, textEn, textZh, now))];
    }

    /// <summary>
    /// The purchasing unit's notice of something it must act on (<paramref name="kind"/>), its texts written by the feature
    /// that raises it; to be saved in the same transaction as what it tells of, so it is raised once.
    /// </summary>
    public static ContractNotification ForPurchaser(Contract contract, ContractNoticeKind kind, string textEn, string textZh, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (Notified.Values.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A lifecycle trigger's notice goes to both parties (ForBothParties).");
        }

        return For(contract.PurchasingUnitId, contract.Id, kind, textEn, textZh, now);
    }

    private static ContractNotification For(Guid organisation, Guid contractId, ContractNoticeKind kind, string textEn, string textZh, DateTimeOffset now) => new()
    {
        OrganisationId = organisation,
        ContractId = contractId,
        Kind = kind,
        TextEn = Clip(textEn),
        TextZh = Clip(textZh),
        CreatedAt = now,
    };

    /// <summary>The text in the reader's language.</summary>
    public string Text(bool chinese) => chinese ? TextZh : TextEn;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The notices' texts. Arguments: {0} agency name, {1} start, {2} end (after the trigger), {3} reason,
/// {4} amount paid so far (yuan), {5} the successor's first day.
/// </summary>
public static class ContractNotificationTexts
{
    public static IReadOnlyDictionary<ContractTrigger, (string En, string Zh)> Texts { get; } = new Dictionary<ContractTrigger, (string En, string Zh)>
    {
        [ContractTrigger.Activate] = (
            "The contract with {0} ({1} to {2}) is now active.",
            "与{0}签订的服务合同（{1} 至 {2}）已生效。"),
        [ContractTrigger.Suspend] = (
            "The contract with {0} ({1} to {2}) was suspended. Reason: {3}",
            "与{0}签订的服务合同（{1} 至 {2}）已暂停履行。理由：{3}"),
        [ContractTrigger.Resume] = (
            "The contract with {0} ({1} to {2}) was resumed.",
            "与{0}签订的服务合同（{1} 至 {2}）已恢复履行。"),
        [ContractTrigger.Terminate] = (
            "The contract with {0} ({1} to {2}) was terminated. Reason: {3} Amount paid so far: {4} yuan.",
            "与{0}签订的服务合同（{1} 至 {2}）已解除。理由：{3} 截至解除已支付金额：{4} 元。"),
        [ContractTrigger.Complete] = (
            "The contract with {0} ({1} to {2}) was completed.",
            "与{0}签订的服务合同（{1} 至 {2}）已履行完毕。"),
        [ContractTrigger.Renew] = (
            "The contract with {0} ({1} to {2}) was renewed: the successor contract starts on {5}.",
            "与{0}签订的服务合同（{1} 至 {2}）已续签，后续合同自 {5} 起执行。"),
        [ContractTrigger.ExtendBridge] = (
            "The contract with {0} was extended (bridge extension) at the same monthly rate: it now runs from {1} to {2}.",
            "与{0}签订的服务合同已按原月度标准过渡延续，现履行期为 {1} 至 {2}。"),
    };
}
