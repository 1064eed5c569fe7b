using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>
/// The one rule for the action buttons of a contract: a button for each trigger the API says the caller may fire now
/// (<c>permittedTriggers</c> of <c>GET /api/contracts/{id}</c>) that this page can fire and whose endpoint admits the
/// caller's roles — and none at all for an auditor, who reads every contract read-only.
/// </summary>
public static class ContractActions
{
    /// <summary>The triggers a person fires from the contract page, in the order their buttons appear.</summary>
    public static IReadOnlyList<ContractTrigger> Order { get; } =
    [
        ContractTrigger.Sign, ContractTrigger.SetPaymentTerm, ContractTrigger.Amend, ContractTrigger.ExtendBridge,
        ContractTrigger.Suspend, ContractTrigger.Resume, ContractTrigger.Renew, ContractTrigger.Complete, ContractTrigger.Terminate,
    ];

    /// <summary>True when the person may fire anything on a contract (an auditor never may).</summary>
    public static bool CanAct(IReadOnlyCollection<string> roles) =>
        !roles.Contains(Roles.Auditor) && (roles.Contains(Roles.Purchaser) || roles.Contains(Roles.Agency));

    /// <summary>The buttons the caller gets: the API's permitted triggers the caller's roles may fire, in <see cref="Order"/>.</summary>
    public static IReadOnlyList<ContractTrigger> For(ContractView? contract, IReadOnlyCollection<string> roles)
    {
        if (contract is null || !CanAct(roles))
        {
            return [];
        }

        var permitted = contract.PermittedTriggers ?? [];
        return [.. Order.Where(permitted.Contains).Where(t => Admits(t, roles))];
    }

    /// <summary>
    /// Whether a listed contract waits for the caller's party to sign (a draft or one awaiting signatures, and the caller's
    /// side has not signed): read from the list itself, without asking for each contract.
    /// </summary>
    public static bool AwaitsSignatureOf(ContractSummary contract, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!CanAct(roles) || contract.State is not (ContractState.Draft or ContractState.PendingSignature))
        {
            return false;
        }

        return (roles.Contains(Roles.Purchaser) && contract.PurchaserSignedAt is null)
            || (roles.Contains(Roles.Agency) && contract.AgencySignedAt is null);
    }

    /// <summary>The roles each endpoint admits: signing by either party's role, everything else by the purchaser only.</summary>
    private static bool Admits(ContractTrigger trigger, IReadOnlyCollection<string> roles) =>
        trigger == ContractTrigger.Sign ? roles.Contains(Roles.Purchaser) || roles.Contains(Roles.Agency) : roles.Contains(Roles.Purchaser);
}
