using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

public sealed class The_contract_page_offers_exactly_the_triggers_the_API_allows : ContractContext
{
    [Fact]
    public void The_purchaser_gets_one_button_per_permitted_trigger_and_no_other()
    {
        SignInAs("purchaser");
        Api.Contract = ContractData.View(ContractState.Active, [ContractTrigger.Terminate, ContractTrigger.Amend, ContractTrigger.Suspend, ContractTrigger.ExtendBridge]);

        var page = RenderContract();

        Buttons(page).Should().Equal("action-Amend", "action-ExtendBridge", "action-Suspend", "action-Terminate");
        page.Find("[data-testid='contract-state']").TextContent.Trim().Should().Be("履行中");
    }

    [Fact]
    public void The_auditor_sees_no_action_button_at_all_whatever_the_contract_lists()
    {
        SignInAs("auditor", "审计局");
        Api.Contract = ContractData.View(ContractState.Active, [ContractTrigger.Amend, ContractTrigger.Suspend, ContractTrigger.Terminate]);

        var page = RenderContract();

        page.FindAll("[data-testid='contract-actions']").Should().BeEmpty();
        page.FindAll("button[data-testid^='action-']").Should().BeEmpty();
        page.Find("[data-testid='no-actions']").TextContent.Should().Contain("只读");
    }

    [Fact]
    public void An_agency_is_offered_its_signature_and_nothing_only_the_purchaser_may_fire()
    {
        SignInAs("agency", "阳光社工服务中心");
        Api.Contract = ContractData.View(ContractState.PendingSignature, [ContractTrigger.Sign, ContractTrigger.Terminate]);

        var page = RenderContract();

        Buttons(page).Should().Equal("action-Sign");
    }

    [Fact]
    public void A_contract_with_nothing_permitted_says_so_without_buttons()
    {
        SignInAs("purchaser");
        Api.Contract = ContractData.View(ContractState.Completed, []);

        var page = RenderContract();

        Buttons(page).Should().BeEmpty();
        page.Find("[data-testid='no-actions']").TextContent.Should().Be("目前没有可进行的操作。");
    }

    [Fact]
    public void Signing_asks_for_confirmation_first_and_the_page_then_shows_the_new_state()
    {
        SignInAs("agency", "阳光社工服务中心");
        Api.Contract = ContractData.View(ContractState.Draft, [ContractTrigger.Sign]);
        var page = RenderContract();

        page.Find("[data-testid='action-Sign']").Click();

        page.Find("[data-testid='action-dialog']").TextContent.Should().Contain("确认以本单位名义签署合同");
        Api.Fired.Should().BeEmpty("nothing is signed before the confirmation");
        page.Find("[data-testid='action-confirm']").Click();

        Api.Fired.Should().ContainSingle().Which.Trigger.Should().Be(ContractTrigger.Sign);
        page.WaitForAssertion(() => page.Find("[data-testid='contract-state']").TextContent.Trim().Should().Be("待签署"));
        Buttons(page).Should().BeEmpty("the agency has signed");
        page.Find("[data-testid='signed-agency']").TextContent.Should().Be("2027-03-01 10:00", "the terms show the new signature");
    }

    [Fact]
    public void Cancelling_the_confirmation_fires_nothing()
    {
        SignInAs("purchaser");
        Api.Contract = ContractData.View(ContractState.Active, [ContractTrigger.Resume]);
        var page = RenderContract();

        page.Find("[data-testid='action-Resume']").Click();
        page.Find("[data-testid='action-cancel']").Click();

        Api.Fired.Should().BeEmpty();
        Buttons(page).Should().Equal("action-Resume");
    }

    [Fact]
    public void A_suspension_sends_its_reason_and_a_refusal_shows_beside_the_reason_field()
    {
        SignInAs("purchaser");
        Api.Contract = ContractData.View(ContractState.Active, [ContractTrigger.Suspend]);
        Api.Refusal = Agency.Refusals.Problem(400, "请求有误", ("reason", "请填写原因。"));
        var page = RenderContract();

        page.Find("[data-testid='action-Suspend']").Click();
        page.Find("[data-testid='action-confirm']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='error-reason']").TextContent.Should().Be("请填写原因。"));
        page.Find("[data-testid='action-dialog']").Should().NotBeNull("the form stays open to be corrected");

        Api.Refusal = null;
        page.Find("[data-testid='field-reason']").Change("服务场地维修");
        page.Find("[data-testid='action-confirm']").Click();

        Api.Fired.Should().ContainSingle().Which.Body.Should().BeOfType<SuspendContractRequest>().Which.Reason.Should().Be("服务场地维修");
        page.WaitForAssertion(() => page.Find("[data-testid='contract-state']").TextContent.Trim().Should().Be("已中止"));
    }

    [Fact]
    public void The_page_links_to_the_contracts_payments_performance_and_renewal()
    {
        SignInAs("purchaser");

        var page = RenderContract();

        page.Find("[data-testid='link-payments']").GetAttribute("href").Should().Be($"/payments?contractId={ContractData.ContractId}");
        page.Find("[data-testid='link-performance']").GetAttribute("href").Should().Be($"/performance/contracts/{ContractData.ContractId}");
        page.Find("[data-testid='link-renewal']").GetAttribute("href").Should().Be($"/continuity/contracts/{ContractData.ContractId}/renewal");
        page.FindAll("[data-testid='instalment']").Select(r => r.Children[1].TextContent).Should().Equal("¥288,000.00", "¥384,000.00", "¥288,000.00");
        page.FindAll("[data-testid='history-entry']").Should().HaveCount(2);
    }

    [Fact]
    public void The_rule_leaves_out_triggers_the_callers_role_may_not_fire()
    {
        var contract = ContractData.View(ContractState.Active, [ContractTrigger.Sign, ContractTrigger.Amend]);

        ContractActions.For(contract, ["purchaser"]).Should().Equal(ContractTrigger.Sign, ContractTrigger.Amend);
        ContractActions.For(contract, ["agency"]).Should().Equal(ContractTrigger.Sign);
        ContractActions.For(contract, ["treasury"]).Should().BeEmpty();
        ContractActions.For(contract, ["purchaser", "auditor"]).Should().BeEmpty("an auditor reads read-only even with another role");
    }
}
