using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Agency;

namespace Procurement.Portal.Tests.Agency;

public sealed class Bid_drafts_and_tender_filters_follow_the_platforms_rules
{
    private static readonly WorkerResponse Assistant = new() { Id = Guid.NewGuid(), Name = "李四", CertificateLevel = CertificateLevel.Assistant, Active = true, TrainingHours = [] };

    private static readonly TenderPersonnelCost Rule = new()
    {
        MinimumPersonnelShare = 0.60m,
        PayFloors = [new TenderPayFloor { Level = CertificateLevel.Assistant, MonthlyPay = 6000m }],
    };

    [Fact]
    public void The_breakdown_balances_only_when_the_four_lines_sum_to_the_price_to_the_fen()
    {
        var draft = new BidDraft { Price = 100000.00m, Personnel = 60000m, Activities = 30000m, Administration = 9999.99m };

        draft.CostsSumToPrice.Should().BeFalse();
        draft.CostsGap.Should().Be(0.01m);

        draft.Other = 0.01m;
        draft.CostsSumToPrice.Should().BeTrue();
        draft.PersonnelShare.Should().Be(0.6m);
    }

    [Fact]
    public void Without_a_price_nothing_balances()
    {
        new BidDraft().CostsSumToPrice.Should().BeFalse();
        new BidDraft().PersonnelShare.Should().BeNull();
    }

    [Fact]
    public void Personnel_exactly_at_the_minimum_share_is_not_low_and_one_fen_under_is()
    {
        var roster = new Dictionary<Guid, WorkerResponse>();
        new BidDraft { Price = 100000m, Personnel = 60000m }.LowReasons(Rule, roster).Should().BeEmpty();
        new BidDraft { Price = 100000m, Personnel = 59999.99m }.LowReasons(Rule, roster).Should().Equal("LowPersonnelShare");
    }

    [Fact]
    public void Pay_is_compared_with_the_floor_scaled_to_the_workers_FTE()
    {
        var roster = new Dictionary<Guid, WorkerResponse> { [Assistant.Id] = Assistant };
        var draft = new BidDraft { Price = 100000m, Personnel = 100000m };
        draft.Staffing.Add(new PlannedWorker { WorkerId = Assistant.Id, Fte = 0.5m, MonthlyPay = 3000m });

        draft.LowReasons(Rule, roster).Should().BeEmpty("half time at half the floor is at the floor");

        draft.Staffing[0].MonthlyPay = 2999.99m;
        draft.LowReasons(Rule, roster).Should().Equal("LowPay");
    }

    [Fact]
    public void A_revision_starts_from_the_submitted_content_and_sends_it_back_unchanged()
    {
        var content = new BidContent
        {
            Price = 500m,
            Costs = new CostBreakdown { Personnel = 300m, Activities = 100m, Administration = 50m, Other = 50m },
            Staffing = [new StaffingLine { WorkerId = Assistant.Id, Fte = 0.25m, MonthlyPay = 1500m }],
            TechnicalProposal = "方案",
            AbnormallyLowReasons = [],
        };

        var request = BidDraft.From(content).ToRequest();

        request.Price.Should().Be(500m);
        request.Costs.Should().BeEquivalentTo(new { Personnel = 300m, Activities = 100m, Administration = 50m, Other = 50m });
        request.Staffing.Should().ContainSingle().Which.Should().BeEquivalentTo(new { WorkerId = Assistant.Id, Fte = 0.25m, MonthlyPay = 1500m });
        request.AbnormallyLowExplanation.Should().BeNull();
    }

    [Fact]
    public void Open_tenders_are_searched_by_title_and_filtered_by_method_deadline_and_budget()
    {
        OpenTenderResponse Tender(string title, string method, DateTimeOffset deadline, decimal budget) => new()
        {
            TenderId = Guid.NewGuid(), Title = title, ProcurementMethod = method, BidDeadline = deadline, BudgetCeiling = budget,
        };
        var tenders = new[]
        {
            Tender("居家养老服务", "PublicTender", new DateTimeOffset(2026, 12, 10, 15, 59, 0, TimeSpan.Zero), 300000m),
            Tender("青少年社工服务", "CompetitiveConsultation", new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero), 100000m),
            Tender("社区养老驿站", "PublicTender", new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero), 500000m),
        };

        new OpenTenderFilter { Title = "养老" }.Apply(tenders).Select(t => t.Title).Should().Equal("居家养老服务", "社区养老驿站");
        new OpenTenderFilter { Method = "CompetitiveConsultation" }.Apply(tenders).Select(t => t.Title).Should().Equal("青少年社工服务");
        // 16:00 UTC on the 10th is already the 11th in Shanghai.
        new OpenTenderFilter { DeadlineBy = new DateOnly(2026, 12, 10) }.Apply(tenders).Select(t => t.Title)
            .Should().Equal("青少年社工服务", "居家养老服务");
        new OpenTenderFilter { MinimumBudget = 300000m }.Apply(tenders).Select(t => t.Title).Should().Equal("居家养老服务", "社区养老驿站");
    }
}
