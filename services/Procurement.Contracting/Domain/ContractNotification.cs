using System.Globalization;

namespace Procurement.Contracting.Domain;

/// <summary>
/// One notice in an organisation's contract inbox (issue 5 item 4): both parties of a contract get one each when it
/// is activated, suspended, resumed, terminated, completed, renewed or extended by a bridge. The text is written in
/// English and Chinese when the transition happens, so it keeps the particulars of that moment.
/// </summary>
public sealed class ContractNotification
{
    public const int TextMaxLength = 2000;

    private ContractNotification()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation whose inbox holds it: the purchasing unit or the agency.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The trigger that was fired.</summary>
    public ContractTrigger Kind { get; private set; }

    public string TextEn { get; private set; } = "";

    public string TextZh { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>The triggers both parties are told about.</summary>
    public static IReadOnlySet<ContractTrigger> Notified { get; } = new HashSet<ContractTrigger>
    {
        ContractTrigger.Activate, ContractTrigger.Suspend, ContractTrigger.Resume, ContractTrigger.Terminate,
        ContractTrigger.Complete, ContractTrigger.Renew, ContractTrigger.ExtendBridge,
    };

    /// <summary>One notice for each party of the contract about the trigger just fired; none for a trigger not in <see cref="Notified"/>.</summary>
    public static IReadOnlyList<ContractNotification> ForBothParties(Contract contract, ContractTrigger trigger, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!Notified.Contains(trigger))
        {
            return [];
        }

        var (en, zh) = ContractNotificationTexts.Texts[trigger];
        object[] args =
        [
            contract.AgencyName, Day(contract.Start), Day(contract.End), reason ?? "",
            (contract.AmountPaid ?? 0m).ToString("0.00", CultureInfo.InvariantCulture), Day(contract.End.AddDays(1)),
        ];
        var textEn = Clip(string.Format(CultureInfo.InvariantCulture, en, args));
        var textZh = Clip(string.Format(CultureInfo.InvariantCulture, zh, args));
        return [.. new[] { contract.PurchasingUnitId, contract.AgencyId }.Distinct().Select(organisation => new ContractNotification
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisation,
            ContractId = contract.Id,
            Kind = trigger,
            TextEn = textEn,
            TextZh = textZh,
            CreatedAt = now,
        })];
    }

    /// <summary>The text in the reader's language.</summary>
    public string Text(bool chinese) => chinese ? TextZh : TextEn;

    /// <summary>Marking a notice read a second time keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= TextMaxLength ? text : text[..TextMaxLength];
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
