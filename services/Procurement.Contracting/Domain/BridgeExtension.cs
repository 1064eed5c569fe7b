namespace Procurement.Contracting.Domain;

/// <summary>
/// A bridge extension (过渡期延续, DOMAIN.md §2) of a contract together with its successor: the contract runs on by whole
/// months at its monthly rate, and a successor not yet signed by both parties that would start inside the extension is
/// postponed by the same months, so the two never fund the same day. Both numbers are checked before either contract
/// changes: the contract's cap and bridge rules by its lifecycle, the successor's new end against its own cap.
/// </summary>
public static class BridgeExtension
{
    /// <summary>
    /// Extends <paramref name="contract"/> by <paramref name="months"/> and postpones <paramref name="successor"/> where it
    /// must be; answers whether the successor was postponed.
    /// </summary>
    public static bool Extend(
        Contract contract, Contract? successor, int months, string? text, DateOnly consecutiveSince, DateOnly? successorConsecutiveSince, Guid? actor,
        ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(rules);
        rules.CheckBridgeMonths(months);
        var newEnd = contract.End.AddDays(1).AddMonths(months).AddDays(-1);
        var postpone = successor is { BothSigned: false } && successor.Start <= newEnd;
        if (postpone)
        {
            rules.CheckCap(successorConsecutiveSince ?? successor!.Start, successor!.End.AddDays(1).AddMonths(months).AddDays(-1), "months");
        }

        contract.ExtendBridge(months, text, consecutiveSince, actor, rules, now);
        if (postpone)
        {
            successor!.Postpone(months, successorConsecutiveSince ?? successor.Start, actor, rules, now);
        }

        return postpone;
    }
}
