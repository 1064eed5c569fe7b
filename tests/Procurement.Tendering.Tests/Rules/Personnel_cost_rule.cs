using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class The_personnel_cost_rule
{
    private static PersonnelCostRule Share(decimal share) => PersonnelCostRule.Create(share, []);

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.60")]
    [InlineData("1")]
    public void A_share_above_zero_up_to_one_in_whole_percent_is_accepted(string share)
    {
        var value = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture);

        Share(value).MinimumPersonnelShare.Should().Be(value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("1.01")]
    [InlineData("0.605")]
    public void Any_other_share_is_refused(string share)
    {
        var create = () => Share(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture));

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(RuleCodes.PersonnelShareInvalid);
        refusal.Field.Should().Be("personnelCost.minimumPersonnelShare");
    }

    [Fact]
    public void A_pay_floor_of_one_fen_is_accepted_and_zero_is_not()
    {
        PersonnelCostRule.Create(0.6m, [new PayFloor(CertificateLevel.Assistant, 0.01m)]).FloorFor(CertificateLevel.Assistant).Should().Be(0.01m);

        var zero = () => PersonnelCostRule.Create(0.6m, [new PayFloor(CertificateLevel.Assistant, 0m)]);

        var refusal = zero.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(RuleCodes.PayFloorInvalid);
        refusal.Field.Should().Be("personnelCost.payFloors[0].monthlyPay");
    }

    [Fact]
    public void A_level_has_one_floor()
    {
        var create = () => PersonnelCostRule.Create(0.6m, [new PayFloor(CertificateLevel.Senior, 7000m), new PayFloor(CertificateLevel.Senior, 7500m)]);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(RuleCodes.PayFloorDuplicate);
        refusal.Field.Should().Be("personnelCost.payFloors[1].level");
    }

    [Fact]
    public void A_level_without_a_floor_has_none()
    {
        PersonnelCostRule.Create(0.6m, []).FloorFor(CertificateLevel.None).Should().BeNull();
    }
}
