using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Agency;

namespace Procurement.Portal.Tests.Agency;

/// <summary>
/// The agency's open tenders carry their program's region and service domain (Bidding's copy of TenderPublished): the list
/// offers both as filters, and a tender published before the event carried them still lists, without them.
/// </summary>
public sealed class Open_tenders_are_filtered_by_region_and_service_domain
{
    private static readonly OpenTenderResponse FutianElders = Tender("居家养老服务", "福田区", "Elderly", "为独居长者提供居家探访。");
    private static readonly OpenTenderResponse FutianYouth = Tender("青少年社工服务", "福田区", "ChildrenAndYouth", "留守儿童课后个案辅导。");
    private static readonly OpenTenderResponse NanshanElders = Tender("社区养老驿站", "南山区", "Elderly", null);
    private static readonly OpenTenderResponse Old = Tender("早先发布的项目", null, null, null);
    private static readonly OpenTenderResponse[] All = [FutianElders, FutianYouth, NanshanElders, Old];

    private static OpenTenderResponse Tender(string title, string? region, string? domain, string? description) => new()
    {
        TenderId = Guid.NewGuid(), Title = title, Region = region, ServiceDomain = domain, ServiceDescription = description,
        ProcurementMethod = "PublicTender", BudgetCeiling = 300000m, BidDeadline = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero),
        Staffing = new TenderStaffing(), Eligibility = [],
    };

    private static string[] Titles(IEnumerable<OpenTenderResponse> tenders) => [.. tenders.Select(t => t.Title)];

    [Fact]
    public void The_regions_offered_are_those_of_the_tenders_each_once()
    {
        OpenTenderFilter.Regions(All).Should().Equal("南山区", "福田区");
    }

    [Fact]
    public void A_region_a_domain_or_both_narrow_the_list_and_a_tender_without_them_shows_only_unfiltered()
    {
        Titles(new OpenTenderFilter().Apply(All)).Should().Contain("早先发布的项目");
        Titles(new OpenTenderFilter { Region = "福田区" }.Apply(All)).Should().BeEquivalentTo("居家养老服务", "青少年社工服务");
        Titles(new OpenTenderFilter { ServiceDomain = "Elderly" }.Apply(All)).Should().BeEquivalentTo("居家养老服务", "社区养老驿站");
        Titles(new OpenTenderFilter { Region = "福田区", ServiceDomain = "Elderly" }.Apply(All)).Should().Equal("居家养老服务");
    }

    [Fact]
    public void The_search_also_reads_the_service_description()
    {
        Titles(new OpenTenderFilter { Title = "留守儿童" }.Apply(All)).Should().Equal("青少年社工服务");
    }
}
