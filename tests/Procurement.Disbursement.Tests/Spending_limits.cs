using Procurement.Disbursement.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Disbursement.Tests;

public sealed class Spending_limits
{
    public Spending_limits() => DisbursementCodes.Register();

    [Fact]
    public void Reaching_the_contract_amount_exactly_is_allowed() =>
        SpendingLimits.Check(new FundingPosition(1000.00m, 700.00m, 2027, 5000m), 300.00m);

    [Fact]
    public void Exceeding_the_contract_amount_by_a_fen_is_refused_naming_the_limit_and_the_excess()
    {
        var act = () => SpendingLimits.Check(new FundingPosition(1000.00m, 700.01m, 2027, 5000m), 300.00m);

        var refusal = act.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(DisbursementCodes.ContractLimitExceeded);
        refusal.Extensions["limit"].Should().Be("contract");
        refusal.Extensions["excess"].Should().Be(0.01m);
        ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args]).Should()
            .Be("Contract limit: paying 300.00 would bring the total to more than the contract amount 1000.00 (700.01 already committed or paid) by 0.01.");
    }

    [Fact]
    public void Using_the_appropriation_exactly_is_allowed() =>
        SpendingLimits.Check(new FundingPosition(1000.00m, 0m, 2027, 300.00m), 300.00m);

    [Fact]
    public void Exceeding_the_appropriation_by_a_fen_is_refused_naming_the_limit_and_the_excess_in_both_languages()
    {
        var act = () => SpendingLimits.Check(new FundingPosition(1000.00m, 0m, 2027, 299.99m), 300.00m);

        var refusal = act.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(DisbursementCodes.AppropriationLimitExceeded);
        refusal.Extensions["limit"].Should().Be("appropriation");
        refusal.Extensions["excess"].Should().Be(0.01m);
        ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args]).Should()
            .Be("Appropriation limit: paying 300.00 exceeds the 2027 appropriation still available (299.99) by 0.01.");
        ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), refusal.Code, [.. refusal.Args]).Should()
            .Be("预算指标限额：支付 300.00 超过 2027 年度尚可使用的预算指标（299.99），超出 0.01。");
    }

    [Fact]
    public void The_contract_limit_is_checked_first()
    {
        var act = () => SpendingLimits.Check(new FundingPosition(100m, 0m, 2027, 0m), 100.01m);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.ContractLimitExceeded);
    }
}
