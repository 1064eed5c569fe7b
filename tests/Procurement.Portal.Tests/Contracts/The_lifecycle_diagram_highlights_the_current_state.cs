using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

public sealed class The_lifecycle_diagram_highlights_the_current_state : ContractContext
{
    [Fact]
    public void The_graph_is_read_from_the_machines_mermaid_diagram()
    {
        var graph = LifecycleGraph.Parse(ContractData.Mermaid);

        graph.Initial.Should().Be("Draft");
        graph.Nodes.Select(n => n.State).Should().BeEquivalentTo("Draft", "PendingSignature", "Active", "Suspended", "Expiring", "Completed", "Renewed", "Terminated");
        graph.Transitions.Should().Contain(t => t.From == "PendingSignature" && t.To == "Active" && t.Trigger == "Activate"
            && t.Guards.SequenceEqual(new[] { "both parties have signed", "the start date has come" }));
        graph.LoopsOf("Active").Should().Equal("Amend", "ExtendBridge");
        graph.Node("Draft")!.Column.Should().Be(0);
        graph.Node("Active")!.Column.Should().Be(2);
        graph.Node("Terminated")!.Column.Should().Be(graph.Node("Completed")!.Column, "the states a contract never leaves share the last column");
    }

    [Fact]
    public void Only_the_contracts_own_state_is_highlighted()
    {
        var diagram = Render<LifecycleDiagram>(parameters => parameters
            .Add(p => p.Graph, LifecycleGraph.Parse(ContractData.Mermaid))
            .Add(p => p.Current, "Suspended"));

        diagram.FindAll("[data-current='true']").Select(g => g.GetAttribute("data-testid")).Should().Equal("lifecycle-state-Suspended");
        diagram.FindAll("[data-testid^='lifecycle-state-']").Should().HaveCount(8);
        diagram.Find("[data-testid='lifecycle-state-Suspended'] text").TextContent.Trim().Should().Be("已中止");
        diagram.Find("[data-testid='lifecycle-next']").TextContent.Should().Contain("恢复履行 → 履行中");
    }

    [Fact]
    public void The_contract_page_draws_the_diagram_with_its_state_highlighted()
    {
        SignInAs("auditor", "审计局");
        Api.Contract = ContractData.View(Procurement.Portal.Client.ContractState.Expiring, []);

        var page = RenderContract();

        page.WaitForAssertion(() => page.FindAll("[data-current='true']").Select(g => g.GetAttribute("data-testid")).Should().Equal("lifecycle-state-Expiring"));
        page.FindAll("[data-testid='lifecycle-arrow']").Should().NotBeEmpty();
    }
}
