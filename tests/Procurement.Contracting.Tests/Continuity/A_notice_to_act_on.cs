using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The notices of what the purchaser must act on (issue 16 item 6) go to the purchasing unit alone, with the contract's
/// particulars; a lifecycle trigger's notice is never one of them (both parties get those).
/// </summary>
public sealed class A_notice_to_act_on
{
    [Fact]
    public void Goes_to_the_purchasing_unit_alone_with_the_contracts_particulars()
    {
        var contract = Active(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), 480_000.00m);
        var plan = new BridgePlan(2, 40_000.00m, 80_000.00m, new DateOnly(2028, 1, 1), new DateOnly(2028, 2, 29), true);

        var notice = ContinuityNotices.BridgeProposed(contract, plan, Now);

        (notice.OrganisationId, notice.ContractId, notice.Kind, notice.CreatedAt).Should().Be((Purchaser, contract.Id, ContractNoticeKind.BridgeProposed, Now));
        notice.OrganisationId.Should().NotBe(contract.AgencyId);
        notice.Text(chinese: false).Should().Contain("2 month(s)").And.Contain("from 2028-01-01 to 2028-02-29").And.Contain("80000.00 yuan")
            .And.Contain(contract.AgencyName).And.Contain("(2027-01-01 to 2027-12-31)");
        notice.Text(chinese: true).Should().Contain("延续 2 个月（2028-01-01 至 2028-02-29），金额 80000.00 元");
    }

    [Fact]
    public void Is_never_a_lifecycle_triggers_notice()
    {
        var contract = Active();

        foreach (var kind in ContractNotification.Notified.Values)
        {
            FluentActions.Invoking(() => ContractNotification.ForPurchaser(contract, kind, "en", "zh", Now)).Should().Throw<ArgumentOutOfRangeException>();
        }

        ContractNotification.ForPurchaser(contract, ContractNoticeKind.RenewalDue, "en", "zh", Now).Kind.Should().Be(ContractNoticeKind.RenewalDue);
    }

    [Fact]
    public void Names_the_path_the_platform_proposes_in_each_language()
    {
        var contract = Active();
        var proposal = new RenewalProposal(RenewalPath.NewTender, "Pass", new DateOnly(2025, 1, 1), 24m, [RenewalObstacle.GradeBelowMinimum]);

        var notice = ContinuityNotices.RenewalDecisionPending(contract, proposal, new DateOnly(2027, 10, 2), Now);

        notice.Text(chinese: false).Should().Contain("the platform proposes a new tender, pre-filled from the last one").And.Contain("renewal point 2027-10-02");
        notice.Text(chinese: true).Should().Contain("平台建议重新采购（依上一次采购文件预填）");
    }
}
