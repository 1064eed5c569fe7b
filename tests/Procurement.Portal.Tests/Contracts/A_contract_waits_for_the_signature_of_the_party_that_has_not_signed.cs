using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

/// <summary>The home card's "waiting for your signature", read from the list (one request, however many contracts).</summary>
public sealed class A_contract_waits_for_the_signature_of_the_party_that_has_not_signed
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 2, 3, 0, 0, TimeSpan.Zero);

    private static ContractSummary Contract(ContractState state, DateTimeOffset? purchaser, DateTimeOffset? agency) =>
        new() { Id = Guid.NewGuid(), State = state, PurchaserSignedAt = purchaser, AgencySignedAt = agency };

    [Theory]
    [InlineData(ContractState.Draft, false, false, "purchaser", true)]
    [InlineData(ContractState.PendingSignature, true, false, "purchaser", false)]
    [InlineData(ContractState.PendingSignature, true, false, "agency", true)]
    [InlineData(ContractState.PendingSignature, false, true, "agency", false)]
    [InlineData(ContractState.Active, false, false, "purchaser", false)]
    [InlineData(ContractState.Draft, false, false, "auditor", false)]
    [InlineData(ContractState.Draft, false, false, "treasury", false)]
    public void Only_a_party_that_has_not_signed_a_contract_awaiting_signatures_is_asked(
        ContractState state, bool purchaserSigned, bool agencySigned, string role, bool waits)
    {
        var contract = Contract(state, purchaserSigned ? Signed : null, agencySigned ? Signed : null);

        ContractActions.AwaitsSignatureOf(contract, [role]).Should().Be(waits);
    }
}
