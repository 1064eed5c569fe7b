using FluentAssertions;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>What "signed by both parties" means, checked the same way wherever a feature says it.</summary>
internal static class ContractAssertions
{
    /// <summary>The purchaser's signature is the demo purchaser's; the agency's is by a user of the contract's agency.</summary>
    public static void ShouldBeSignedByBothParties(this ContractView contract, string purchaser)
    {
        contract.Signatures.Purchaser.SignedBy.Should().Be(DemoDirectory.UserNamed(purchaser).Id, "the purchaser signs for its unit");
        contract.Signatures.Purchaser.SignedAt.Should().NotBeNull("a signature has its time");
        var agencySigner = DemoDirectory.Users.Should().ContainSingle(u => u.Id == contract.Signatures.Agency.SignedBy, "the agency's signature names its user").Subject;
        agencySigner.OrganisationId.Should().Be(contract.AgencyId, "only a user of the contract's agency signs for it");
        contract.Signatures.Agency.SignedAt.Should().NotBeNull("a signature has its time");
    }
}
