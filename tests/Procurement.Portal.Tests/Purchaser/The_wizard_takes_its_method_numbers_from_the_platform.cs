using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

/// <summary>The numbers of the live checks are the platform's (<c>GET /api/tenders/method-rules</c>), not a copy in the portal.</summary>
public sealed class The_wizard_takes_its_method_numbers_from_the_platform : PurchaserContext
{
    // 10:00 in Beijing on 2026-12-05.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    // A region whose public tenders take 25 days with a 12-day margin and a price weight of 15 to 50 points, and whose
    // consultations take 12 days, a 7-day margin and a price weight of 20 to 40 points.
    private readonly FakeMethodRules _rules = new(
        FakeMethodRules.Rule(ProcurementMethod.PublicTender, 25, 12, 15m, 50m),
        FakeMethodRules.Rule(ProcurementMethod.CompetitiveConsultation, 12, 7, 20m, 40m),
        FakeMethodRules.Rule(ProcurementMethod.SingleSource, null, null, null, null));

    private readonly FakeTenders _tenders = new();

    public The_wizard_takes_its_method_numbers_from_the_platform()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton<IMethodRulesClient>(_rules);
        Services.AddSingleton<ITendersClient>(_tenders);
        Services.AddSingleton<IServiceProgramsClient>(new FakePrograms());
    }

    private static TenderDraft Consultation(decimal price) => new()
    {
        Method = ProcurementMethod.CompetitiveConsultation,
        Criteria =
        [
            new CriterionDraft { Name = "价格", Kind = CriterionKind.Price, MaxPoints = price },
            new CriterionDraft { Name = "服务方案", Kind = CriterionKind.Technical, MaxPoints = 100m - price },
        ],
    };

    [Fact]
    public void A_price_weight_the_national_table_refuses_passes_when_the_platform_allows_it_and_the_reverse()
    {
        var allowed = Render<SchemeEditor>(parameters => parameters.Add(p => p.Draft, Consultation(35m)));
        allowed.WaitForAssertion(() => allowed.FindAll("[data-testid='scheme-ok']").Should().ContainSingle("35 lies within the platform's 20 to 40"));
        allowed.Find("[data-testid='scheme-bounds']").TextContent.Should().Contain("价格分 20 至 40 分");

        var refused = Render<SchemeEditor>(parameters => parameters.Add(p => p.Draft, Consultation(15m)));
        refused.WaitForAssertion(() => refused.Find("[data-testid='scheme-issue-RulePriceBelowMinimum']").TextContent.Should().Contain("20"));
    }

    [Fact]
    public void The_earliest_deadline_counts_the_platforms_days()
    {
        var field = Render<DeadlineField>(parameters => parameters.Add(p => p.Draft, Consultation(30m)));

        field.WaitForAssertion(() => field.Find("[data-testid='earliest-deadline']").TextContent.Should().Contain("12").And.Contain("2026-12-17 10:00"));
    }

    [Fact]
    public void The_wizard_states_the_platforms_numbers_and_reads_them_once_per_circuit()
    {
        var wizard = Render<TenderWizard>();

        wizard.WaitForAssertion(() => wizard.Find("[data-testid='method-rules']").TextContent
            .Should().Contain("投标期不少于 25 日").And.Contain("截止前 12 日内").And.Contain("价格分 15 至 50 分"));
        for (var step = 1; step <= WizardSteps.Dates; step++)
        {
            wizard.Find("[data-testid='wizard-next']").Click();
        }

        wizard.WaitForAssertion(() => wizard.Find("[data-testid='earliest-deadline']").TextContent.Should().Contain("2026-12-30 10:00"));
        _rules.Reads.Should().Be(1, "the wizard and the fields it shows share the circuit's one read");
    }

    [Fact]
    public void A_draft_of_a_program_is_checked_against_its_regions_numbers_and_not_the_every_region_ones()
    {
        var program = new FakePrograms().Programs[0];
        _rules.ByRegion[program.Region] = [FakeMethodRules.Rule(ProcurementMethod.PublicTender, 30, 15, 10m, null), .. FakeMethodRules.National.Skip(1)];
        var id = Guid.CreateVersion7();
        _tenders.Existing = new TenderResponse
        {
            Id = id, ProgramId = program.Id, Title = "长者服务 2027", Status = TenderStatus.Draft, Version = 1,
            ProcurementMethod = ProcurementMethod.PublicTender, BudgetCeiling = 480_000m,
            BidDeadline = Now.AddDays(40), ServiceStart = new DateOnly(2027, 3, 1), ServiceEnd = new DateOnly(2028, 2, 29),
        };

        var wizard = Render<TenderWizard>(parameters => parameters.Add(p => p.Id, id));

        wizard.WaitForAssertion(() => wizard.Find("[data-testid='method-rules']").TextContent.Should().Contain("投标期不少于 30 日"));
        _rules.Asked.Should().Contain((program.Region, (DateOnly?)null));
        for (var step = 1; step <= WizardSteps.Dates; step++)
        {
            wizard.Find("[data-testid='wizard-next']").Click();
        }

        wizard.WaitForAssertion(() => wizard.Find("[data-testid='earliest-deadline']").TextContent.Should().Contain("2027-01-04 10:00"));
    }
}
