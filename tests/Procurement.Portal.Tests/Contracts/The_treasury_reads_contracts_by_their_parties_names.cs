using Procurement.Portal.Api;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

/// <summary>
/// The treasury reads every unit's programs (it pays them) but not their tenders: a contract is titled by its program's
/// name and its parties are named from Identity's directory of names (“purchasing unit · agency”), never by an id; the
/// purchasing unit is named to every reader, not only to its own people.
/// </summary>
public sealed class The_treasury_reads_contracts_by_their_parties_names : ContractContext
{
    private static readonly Guid Unit = Guid.Parse("01930000-0000-7000-8000-0000000000a1");
    private static readonly Guid Agency = Guid.Parse("01930000-0000-7000-8000-0000000000b1");

    public The_treasury_reads_contracts_by_their_parties_names()
    {
        Named(Unit, "示范区民政局", OrganisationKind.PurchasingUnit);
        Named(Agency, "阳光社工服务中心", OrganisationKind.Agency);
    }

    private static ContractSummary Summary()
    {
        var summary = ContractData.Summary(ContractState.Active, new DateOnly(2027, 12, 31));
        summary.PurchasingUnitId = Unit;
        summary.AgencyId = Agency;
        return summary;
    }

    [Fact]
    public void The_list_names_each_contract_and_its_purchasing_unit()
    {
        SignInAs("treasury", organisation: "示范区国库支付中心");
        var summary = Summary();
        Api.Summaries.Add(summary);

        var list = Render<ContractList>();

        list.WaitForAssertion(() => list.FindAll("[data-testid='contract-link']").Should().ContainSingle());
        list.WaitForAssertion(() => list.Find("[data-testid='contract-link']").TextContent.Should().Be("长者居家社工服务").And.NotContain(OrganisationNames.Short(summary.Id)));
        list.Find("[data-testid='contract-parties']").TextContent.Should().Be("示范区民政局 · 阳光社工服务中心");
    }

    [Fact]
    public void The_contract_page_is_titled_by_its_program_and_names_its_parties()
    {
        SignInAs("treasury", organisation: "示范区国库支付中心");
        Api.Contract = ContractData.View(ContractState.Active, []);

        var page = RenderContract();

        page.WaitForAssertion(() => page.Find("[data-testid='contract-title']").TextContent.Should().Be("长者居家社工服务")
            .And.NotContain(OrganisationNames.Short(ContractData.ContractId)));
        page.Find("[data-testid='contract-parties']").TextContent.Should().Be("示范区民政局 · 阳光社工服务中心");
    }

    [Fact]
    public void The_auditor_reads_the_purchasing_units_name_and_not_the_word_purchasing_unit()
    {
        SignInAs("auditor", organisation: "示范区审计监督办公室");
        Api.Summaries.Add(Summary());

        var list = Render<ContractList>();

        list.WaitForAssertion(() => list.FindAll("[data-testid='contract-parties']").Should().ContainSingle());
        list.Find("[data-testid='contract-parties']").TextContent.Should().Be("示范区民政局 · 阳光社工服务中心");
    }
}
