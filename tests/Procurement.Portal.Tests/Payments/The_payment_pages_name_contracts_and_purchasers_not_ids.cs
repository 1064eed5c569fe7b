using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Api;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Appropriations;
using Procurement.Portal.Components.Pages.Payments;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Tests.Payments;

/// <summary>
/// The people reading the payments are civil servants: a contract is “program · agency” (the purchasing unit's name
/// where the reader may not read the program), a purchasing unit is its name, from Identity's directory of names; an id
/// is shown (by its first eight characters) only when the directory does not know it.
/// </summary>
public sealed class The_payment_pages_name_contracts_and_purchasers_not_ids : PaymentPageContext
{
    private static readonly Guid Program = Guid.Parse("55555555-0000-0000-0000-000000000005");

    public The_payment_pages_name_contracts_and_purchasers_not_ids()
    {
        Named(Unit, "福田区民政局", OrganisationKind.PurchasingUnit);
        Named(Agency, "阳光社工服务中心", OrganisationKind.Agency);
        Named(Treasury, "福田区国库支付中心", OrganisationKind.TreasuryOffice);
    }

    private static InstalmentResponse Late(int sequence) =>
        With(Instalment(sequence, "Due", 30_000m, late: true, dueOn: new DateOnly(2026, 1, 1), payBy: new DateOnly(2026, 1, 31), daysFromDue: 60));

    private static InstalmentResponse With(InstalmentResponse instalment)
    {
        instalment.ProgramId = Program;
        return instalment;
    }

    private static void NoIdIn(string text, params Guid[] ids)
    {
        foreach (var id in ids)
        {
            text.Should().NotContain(id.ToString()[..8]).And.NotContain(OrganisationNames.Short(id));
        }
    }

    [Fact]
    public void The_treasury_reads_the_overdue_contracts_and_the_on_time_table_by_the_purchasers_and_agencies_names()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var late = Late(1);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(late, With(Instalment(2, "Paid", 40_000m))));

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        var overdue = page.Find($"[data-testid=overdue-{late.Id}] [data-testid=overdue-contract]").TextContent.Trim();
        overdue.Should().Be("福田区民政局 · 阳光社工服务中心", "the treasury reads no program: the contract is who pays whom");
        page.Find($"[data-testid=on-time-{Unit}] [data-testid=on-time-purchaser]").TextContent.Trim().Should().Be("福田区民政局");
        page.Find($"[data-testid=instalment-{late.Id}] [data-testid=instalment-contract]").TextContent.Trim().Should().Be("福田区民政局 · 阳光社工服务中心");
        NoIdIn(page.Find("[data-testid=overdue]").TextContent + page.Find("[data-testid=on-time]").TextContent + page.Find("[data-testid=instalments]").TextContent,
            Contract, Unit, Agency, Program);
        page.FindAll("[data-testid=problem]").Should().BeEmpty();
    }

    [Fact]
    public void The_auditor_reads_each_contract_as_its_program_and_its_agency()
    {
        SignInAs("auditor", Roles.Auditor, Guid.NewGuid());
        ProgramsRead.Add(new ProgramResponse { Id = Program, PurchasingUnitId = Unit, Name = "社区养老服务" });
        var late = Late(1);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(late));

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        page.Find($"[data-testid=instalment-{late.Id}] [data-testid=instalment-contract]").TextContent.Trim().Should().Be("社区养老服务 · 阳光社工服务中心");
        page.Find($"[data-testid=overdue-{late.Id}] [data-testid=overdue-contract]").TextContent.Trim().Should().Be("社区养老服务 · 阳光社工服务中心");
        page.Find($"[data-testid=instalment-{late.Id}] [data-testid=instalment-contract]").GetAttribute("href").Should().Be($"/payments/contracts/{Contract}");
    }

    [Fact]
    public void Narrowed_to_one_contract_the_overdue_list_still_names_it()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var late = Late(1);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(late));
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/payments?contractId={Contract}");

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        page.FindAll("[data-testid=narrowed]").Should().ContainSingle();
        page.Find($"[data-testid=overdue-{late.Id}] [data-testid=overdue-contract]").TextContent.Trim().Should().Be("福田区民政局 · 阳光社工服务中心");
    }

    [Fact]
    public void The_directory_is_read_once_for_all_the_pages_of_a_circuit()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(Late(1)));

        Render<Portal.Components.Pages.Payments.Payments>();
        Render<Portal.Components.Pages.Payments.Payments>();

        NameDirectory.Calls.Count(c => c.Operation == nameof(IOrganisationsClient.ListOrganisationNamesAsync)).Should().Be(1);
    }

    [Fact]
    public void An_organisation_the_directory_does_not_know_is_shown_by_its_short_id_and_a_refused_directory_is_no_error_on_the_page()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        NameDirectory.Answer(nameof(IOrganisationsClient.ListOrganisationNamesAsync),
            _ => throw new ApiException("Service Unavailable", 503, "", new Dictionary<string, IEnumerable<string>>(), null));
        var late = Late(1);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(late));

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        page.Find($"[data-testid=on-time-{Unit}] [data-testid=on-time-purchaser]").TextContent.Trim().Should().Be(OrganisationNames.Short(Unit));
        page.Find($"[data-testid=overdue-{late.Id}] [data-testid=overdue-contract]").TextContent.Trim()
            .Should().Be($"{OrganisationNames.Short(Unit)} · {OrganisationNames.Short(Agency)}");
        page.FindAll("[data-testid=problem]").Should().BeEmpty();
    }

    [Fact]
    public void The_treasury_reads_the_appropriations_purchaser_by_name()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var appropriations = Continuity.ApiFake<IAppropriationsClient>.Create()
            .Answer(nameof(IAppropriationsClient.ListAppropriationsAsync), _ => new List<AppropriationResponse>
            {
                new() { PurchasingUnitId = Unit, ProgramId = Program, FiscalYear = year, Appropriation = 100_000m, Available = 100_000m },
            });
        Services.AddSingleton(appropriations.Client);

        var page = Render<Appropriations>();

        page.Find($"[data-testid=appropriation-{Program}] [data-testid=purchaser-year]").TextContent.Trim().Should().Be("福田区民政局");
        NoIdIn(page.Find("[data-testid=appropriations]").TextContent, Unit);
    }

    [Fact]
    public void The_purchasers_year_names_the_purchasing_unit()
    {
        SignInAs("auditor", Roles.Auditor, Guid.NewGuid());
        var reports = Continuity.ApiFake<IDisbursementReportsClient>.Create()
            .Answer(nameof(IDisbursementReportsClient.GetPurchaserYearAsync), _ => new PurchaserYearResponse { PurchasingUnitId = Unit, FiscalYear = 2026, Programs = [] });
        Services.AddSingleton(reports.Client);

        var page = Render<PurchaserYear>(p => p.Add(y => y.UnitId, Unit).Add(y => y.Year, 2026));

        page.Find("[data-testid=purchaser-year-unit]").TextContent.Should().Be("福田区民政局");
    }
}

public sealed class The_payment_pages_name_contracts_in_English : PaymentPageContext
{
    public The_payment_pages_name_contracts_in_English()
        : base("en")
    {
        Named(Unit, "Civil Affairs Bureau, Futian", OrganisationKind.PurchasingUnit);
        Named(Agency, "Sunshine Social Work Centre", OrganisationKind.Agency);
    }

    [Fact]
    public void The_on_time_table_names_the_purchaser_under_its_english_heading()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(Instalment(1, "Paid", 40_000m)));

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        page.Find("[data-testid=on-time] thead th").TextContent.Should().Be("Purchaser");
        page.Find($"[data-testid=on-time-{Unit}] [data-testid=on-time-purchaser]").TextContent.Trim().Should().Be("Civil Affairs Bureau, Futian");
    }
}
