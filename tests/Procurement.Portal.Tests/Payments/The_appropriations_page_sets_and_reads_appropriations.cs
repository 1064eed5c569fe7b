using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Appropriations;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Tests.Payments;

public sealed class The_appropriations_page_sets_and_reads_appropriations : PaymentPageContext
{
    private static readonly Guid Program = Guid.NewGuid();

    private sealed class Api : IAppropriationsClient, IServiceProgramsClient
    {
        public List<SetAppropriationRequest> Set { get; } = [];

        public List<AppropriationResponse> Rows { get; } = [];

        public Task<AppropriationResponse> SetAppropriationAsync(SetAppropriationRequest body, CancellationToken cancellationToken)
        {
            Set.Add(body);
            var row = new AppropriationResponse
            {
                PurchasingUnitId = Unit, ProgramId = body.ProgramId!.Value, FiscalYear = body.FiscalYear!.Value,
                Appropriation = body.Amount!.Value, Available = body.Amount!.Value,
            };
            Rows.Add(row);
            return Task.FromResult(row);
        }

        public Task<ICollection<AppropriationResponse>> ListAppropriationsAsync(int? fiscalYear, CancellationToken cancellationToken) =>
            Task.FromResult<ICollection<AppropriationResponse>>([.. Rows.Where(r => r.FiscalYear == fiscalYear)]);

        public Task<ICollection<ProgramResponse>> ListProgramsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<ICollection<ProgramResponse>>([new ProgramResponse { Id = Program, PurchasingUnitId = Unit, Name = "社区养老服务" }]);

        public Task<ProgramResponse> CreateProgramAsync(CreateProgramRequest body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ProgramResponse> GetProgramAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ProgramResponse> EditProgramAsync(Guid id, EditProgramRequest body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ProgramChainResponse> GetProgramChainAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private Api Serve()
    {
        var api = new Api();
        Services.AddSingleton<IAppropriationsClient>(api);
        Services.AddSingleton<IServiceProgramsClient>(api);
        return api;
    }

    [Fact]
    public void The_purchaser_sets_a_programs_appropriation_and_reads_what_is_left()
    {
        SignInAs("purchaser-user", Roles.Purchaser, Unit);
        var api = Serve();
        var year = DateTime.UtcNow.AddHours(8).Year;
        var page = Render<Appropriations>();

        page.Find("[data-testid=set-program]").Change(Program.ToString());
        page.Find("[data-testid=set-amount] input").Change("500000.50");
        page.Find("[data-testid=set-save]").Click();

        api.Set.Should().ContainSingle().Which.Should().BeEquivalentTo(new SetAppropriationRequest { ProgramId = Program, FiscalYear = year, Amount = 500_000.50m });
        page.WaitForAssertion(() => page.Find($"[data-testid=appropriation-{Program}] [data-testid=appropriation-available]").TextContent.Should().Be("¥500,000.50"));
        page.Find($"[data-testid=appropriation-{Program}] [data-testid=appropriation-program]").TextContent.Should().Be("社区养老服务");
        page.Find("[data-testid=total-appropriation]").TextContent.Should().Be("¥500,000.50");
    }

    [Fact]
    public void The_auditor_reads_them_with_no_button_and_no_form()
    {
        SignInAs("auditor", Roles.Auditor, Guid.NewGuid());
        var api = Serve();
        api.Rows.Add(new AppropriationResponse { PurchasingUnitId = Unit, ProgramId = Program, FiscalYear = DateTime.UtcNow.AddHours(8).Year, Appropriation = 9m, Available = 9m });

        var page = Render<Appropriations>();

        page.Find($"[data-testid=appropriation-{Program}] [data-testid=purchaser-year]");
        page.FindAll("button").Should().BeEmpty();
        page.FindAll("[data-testid=set-appropriation]").Should().BeEmpty();
    }
}
