using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Auditor;
using Procurement.Portal.Tests.Agency;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Oversight;

/// <summary><c>GET /api/agencies/workforce</c> as the page asks it: the years and regions asked, in order; a refusal if set.</summary>
internal sealed class FakeWorkforce : AgenciesClientFake
{
    public List<(int? Year, string? Region)> Asked { get; } = [];

    public ApiException? Refusal { get; set; }

    public static WorkforceCounts Counts(int workers, int assistant, int intermediate, int supervisors, decimal contracts, decimal bids, int meeting, int shortOf) => new()
    {
        Workers = workers, Assistant = assistant, Intermediate = intermediate, Supervisors = supervisors, FteOnContracts = contracts,
        FteInOpenBids = bids, CertifiedTrainingHours = 130 * meeting, CertifiedMeetingTraining = meeting, CertifiedShortOfTraining = shortOf,
        Certified = assistant + intermediate,
    };

    public override Task<WorkforceReport> GetWorkforceFiguresAsync(int? year, string? region, CancellationToken cancellationToken)
    {
        Asked.Add((year, region));
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        var futian = Counts(3, 2, 1, 1, 2.5m, 0m, 1, 2);
        var chaoyang = Counts(1, 0, 1, 0, 0m, 1.0m, 0, 1);
        AgencyWorkforce[] agencies = region == "4403"
            ? [new() { AgencyId = Guid.NewGuid(), AgencyName = "Sunshine Social Work Service Centre", RegionCode = "440305", Counts = futian }]
            : [new() { AgencyId = Guid.NewGuid(), AgencyName = "Chaoyang Community Services", RegionCode = "110105", Counts = chaoyang },
               new() { AgencyId = Guid.NewGuid(), AgencyName = "Sunshine Social Work Service Centre", RegionCode = "440305", Counts = futian }];
        return Task.FromResult(new WorkforceReport
        {
            Year = year ?? 0, YearlyTrainingHours = 120,
            Agencies = agencies,
            Regions = [.. agencies.Select(a => new RegionWorkforce { RegionCode = a.RegionCode, Agencies = 1, Counts = a.Counts })],
            Total = region == "4403" ? futian : Counts(4, 2, 2, 1, 2.5m, 1.0m, 1, 3),
        });
    }
}

/// <summary>Issue 16 item 9 in the portal: a civil-affairs officer reads the workforce figures by region and by agency.</summary>
public sealed class The_workforce_figures_read_by_region_and_agency : OversightContext
{
    private readonly FakeWorkforce _figures = new();

    public The_workforce_figures_read_by_region_and_agency() => Services.AddSingleton<IAgenciesClient>(_figures);

    [Fact]
    public void This_years_figures_show_by_region_with_a_total_and_by_agency_and_a_region_prefix_narrows_them()
    {
        SignIn("purchaser", "purchaser", "示范区民政局");
        var page = Render<Workforce>();

        var total = page.WaitForElement("[data-testid='workforce-total']");
        total.QuerySelector("[data-testid='workers']")!.TextContent.Should().Be("4");
        total.QuerySelector("[data-testid='fte-contracts']")!.TextContent.Should().Be("2.5");
        total.QuerySelector("[data-testid='short']")!.TextContent.Should().Be("3");
        page.FindAll("[data-testid='workforce-region-row']").Select(r => r.GetAttribute("data-region")).Should().Equal("110105", "440305");
        page.Find("[data-testid='workforce-agencies']").TextContent.Should().Contain("Sunshine Social Work Service Centre");
        page.Find("[data-testid='workforce-regions']").TextContent.Should().Contain("达到 120 学时").And.Contain("履约合同（全职当量）");
        _figures.Asked.Should().Equal((2027, (string?)null));

        page.Find("[data-testid='filter-workforce-region']").Change("4403");
        page.Find("[data-testid='filter-workforce-show']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='workforce-agency-row']").Should().ContainSingle());
        _figures.Asked.Last().Should().Be((2027, "4403"));
    }

    [Fact]
    public void A_year_the_platform_refuses_is_named_beside_the_year()
    {
        SignIn("auditor", "auditor", "示范区审计监督办公室");
        var page = Render<Workforce>();
        page.WaitForElement("[data-testid='workforce-total']");
        _figures.Refusal = Agency.Refusals.Problem(422, "业务规则拒绝了该请求。", ("year", "年度为 2028；可查询 2000 至 2027 年的数据。"));

        page.Find("[data-testid='filter-workforce-year']").Change("2028");
        page.Find("[data-testid='filter-workforce-show']").Click();

        page.WaitForElement("[data-field='year']").TextContent.Should().Contain("可查询 2000 至 2027 年");
        _figures.Asked.Last().Should().Be((2028, (string?)null));
    }
}

public sealed class The_workforce_figures_read_in_english : PortalContext
{
    public The_workforce_figures_read_in_english()
        : base("en")
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(OversightContext.Now));
        Services.AddLogging();
        Services.AddSingleton<IAgenciesClient>(new FakeWorkforce());
    }

    [Fact]
    public void Every_label_is_english()
    {
        SignIn("auditor", "auditor", "Audit office");
        var page = Render<Workforce>();
        page.WaitForElement("[data-testid='workforce-total']");

        page.Find("[data-testid='workforce-title']").TextContent.Should().Be("Social-work workforce");
        page.Find("[data-testid='workforce-regions']").TextContent.Should().Contain("120 hours or more");
        page.Markup.Should().NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }
}
