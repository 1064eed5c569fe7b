using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

public sealed class The_contract_list_filters_by_state_program_and_days_to_end : ContractContext
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    [Fact]
    public void Ending_within_N_days_keeps_running_contracts_whose_last_day_is_that_close()
    {
        var soon = ContractData.Summary(ContractState.Expiring, Today.AddDays(30));
        var later = ContractData.Summary(ContractState.Active, Today.AddDays(120));
        var ended = ContractData.Summary(ContractState.Completed, Today.AddDays(10));
        var past = ContractData.Summary(ContractState.Active, Today.AddDays(-1));

        new ContractListFilter { EndingWithinDays = 90 }.Apply([later, soon, ended, past], Today).Should().Equal(soon);
        new ContractListFilter().Apply([later, soon], Today).Should().Equal(soon, later);
    }

    [Fact]
    public void State_and_program_narrow_the_list()
    {
        var other = Guid.CreateVersion7();
        var active = ContractData.Summary(ContractState.Active, Today.AddDays(200));
        var draft = ContractData.Summary(ContractState.Draft, Today.AddDays(300));
        var elsewhere = ContractData.Summary(ContractState.Active, Today.AddDays(250), other);

        new ContractListFilter { State = ContractState.Active }.Apply([active, draft, elsewhere], Today).Should().Equal(active, elsewhere);
        new ContractListFilter { ProgramId = other }.Apply([active, draft, elsewhere], Today).Should().Equal(elsewhere);
    }

    [Fact]
    public void Each_row_shows_title_parties_amount_period_state_and_days_to_end()
    {
        SignInAs("purchaser");
        Api.Summaries.Add(ContractData.Summary(ContractState.Active, Today.AddDays(45)));
        Api.Summaries.Add(ContractData.Summary(ContractState.Draft, Today.AddDays(400)));

        var list = Render<ContractList>();

        // The rows come first, the names (directory, programs) after them: wait for both.
        list.WaitForAssertion(() => list.FindAll("[data-testid='contract-link']").Select(a => a.TextContent)
            .Should().HaveCount(2).And.AllBe("长者居家社工服务", "the program's name stands for the title"));
        list.FindAll("[data-testid='contract-parties']")[0].TextContent.Should().Be("示范区民政局 · 阳光社工服务中心");
        list.FindAll("[data-testid='contract-amount']")[0].TextContent.Should().Be("¥960,000.00");
        list.FindAll("[data-testid='contract-state']").Select(s => s.TextContent.Trim()).Should().Equal("履行中", "草稿");
        list.FindAll("[data-testid='contract-days']").Select(s => s.TextContent).Should().Equal("45", "—");

        list.Find("[data-testid='filter-ending']").Change("60");

        // The filter applies on the page, drawn again after the change.
        list.WaitForAssertion(() => list.FindAll("[data-testid='contract-state']").Select(s => s.TextContent.Trim()).Should().Equal("履行中"));
    }
}
