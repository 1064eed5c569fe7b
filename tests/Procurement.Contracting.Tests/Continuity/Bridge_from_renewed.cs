using Procurement.Contracting.Domain;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// A renewed contract whose successor is not yet signed by both may still be bridged (DOMAIN.md §2), and the successor is
/// postponed by the same months; once the successor is signed the lifecycle refuses the bridge, naming the guard.
/// Contract: 2027-01-01..12-31 at 120,000.00 → 10,000.00 a month; renewed on 2027-10-10 for 2028.
/// </summary>
public sealed class Bridge_from_renewed
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private static readonly DateOnly Dec31 = new(2027, 12, 31);

    [Fact]
    public void A_renewed_contract_with_an_unsigned_successor_may_be_bridged_and_the_successor_moves_out_by_the_same_months()
    {
        var (contract, successor) = Renewed();
        var now = At(new DateOnly(2027, 12, 2));
        contract.PermittedTriggers(Contracts.Rules, now).Should().Contain(ContractTrigger.ExtendBridge);

        contract.ExtendBridge(2, null, Jan1, Guid.NewGuid(), Contracts.Rules, now);
        successor.Postpone(2, Jan1, Guid.NewGuid(), Contracts.Rules, now);

        (contract.State, contract.End, contract.Amount).Should().Be((ContractState.Renewed, new DateOnly(2028, 2, 29), 140_000.00m));
        (successor.State, successor.Start, successor.End, successor.Amount)
            .Should().Be((ContractState.Draft, new DateOnly(2028, 3, 1), new DateOnly(2029, 2, 28), 120_000.00m));
        successor.Versions[^1].ReasonCode.Should().Be(AmendmentReasons.DurationExtension);
        successor.Activities[^1].Trigger.Should().Be(ContractTrigger.Postpone);
    }

    [Fact]
    public void A_half_signed_successor_goes_back_to_draft_and_both_sign_the_new_period()
    {
        var (_, successor) = Renewed();
        successor.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 11, 1)));
        successor.State.Should().Be(ContractState.PendingSignature);

        successor.Postpone(1, Jan1, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 12, 2)));

        (successor.State, successor.HasSigned(ContractParty.Agency), successor.HasSigned(ContractParty.Purchaser))
            .Should().Be((ContractState.Draft, false, false));
        (successor.Start, successor.End).Should().Be((new DateOnly(2028, 2, 1), new DateOnly(2029, 1, 31)));
    }

    [Fact]
    public void A_successor_signed_by_both_is_never_postponed()
    {
        var (_, successor) = Renewed();
        successor.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 11, 1)));
        successor.Sign(ContractParty.Purchaser, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 11, 2)));

        var refusal = Refused(() => successor.Postpone(1, Jan1, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 12, 2))));

        refusal.Extensions["unmetGuards"].Should().BeEquivalentTo(new[] { "a party has yet to sign" });
        successor.Start.Should().Be(new DateOnly(2028, 1, 1));
    }

    [Fact]
    public void Once_the_successor_is_signed_the_renewed_contract_refuses_a_bridge_naming_the_guard()
    {
        var (contract, _) = Renewed();
        contract.SuccessorSigned(At(new DateOnly(2027, 11, 20)));
        var now = At(new DateOnly(2027, 12, 2));

        contract.PermittedTriggers(Contracts.Rules, now).Should().NotContain(ContractTrigger.ExtendBridge);
        var refusal = Refused(() => contract.ExtendBridge(1, null, Jan1, Guid.NewGuid(), Contracts.Rules, now));
        refusal.Extensions["unmetGuards"].Should().BeEquivalentTo(new[] { "the successor is not yet signed by both parties" });
        contract.End.Should().Be(Dec31);
    }

    [Fact]
    public void Postponement_keeps_the_successor_within_the_36_month_cap()
    {
        var (_, successor) = Renewed();

        // The run began 2025-03-01: its last allowed day is 2028-02-29; the successor would end 2029-01-31.
        Broken(() => successor.Postpone(1, new DateOnly(2025, 3, 1), Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 12, 2))))
            .Code.Should().Be(ContractCodes.ConsecutiveCapExceeded);
        successor.State.Should().Be(ContractState.Draft);
    }

    [Fact]
    public void People_are_never_offered_the_postponement_the_platform_fires()
    {
        var (_, successor) = Renewed();

        successor.PermittedTriggers(Contracts.Rules, At(new DateOnly(2027, 12, 2))).Should().Contain(ContractTrigger.Postpone);
        successor.TriggersFor(ContractParty.Purchaser, Contracts.Rules, At(new DateOnly(2027, 12, 2))).Should().NotContain(ContractTrigger.Postpone);
    }

    private static (Contract Contract, Contract Successor) Renewed()
    {
        var contract = Active(Jan1, Dec31);
        contract.EnterRenewalWindow(Contracts.Rules, At(new DateOnly(2027, 10, 2)));
        var successor = contract.Renew(new DateOnly(2028, 12, 31), 120_000.00m, Jan1, Guid.NewGuid(), Contracts.Rules, At(new DateOnly(2027, 10, 10)));
        return (contract, successor);
    }
}
