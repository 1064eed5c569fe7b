using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Agency;

namespace Procurement.Portal.Tests.Agency;

public sealed class The_bid_form_checks_the_cost_breakdown_sums_to_the_price : AgencyPageContext
{
    private static readonly Guid TenderId = Guid.Parse("7e000001-0000-4000-8000-000000000001");

    private static readonly WorkerResponse Senior = new()
    {
        Id = Guid.NewGuid(), Name = "张三", IdNumberLastFour = "1037", CertificateLevel = CertificateLevel.Senior, IsSupervisor = true,
        TrainingHours = [], Active = true,
    };

    private static readonly TenderPersonnelCost PersonnelFirst = new()
    {
        MinimumPersonnelShare = 0.60m,
        PayFloors = [new TenderPayFloor { Level = CertificateLevel.Senior, MonthlyPay = 8000m }],
    };

    private readonly Bids _bids = new();

    public The_bid_form_checks_the_cost_breakdown_sums_to_the_price()
    {
        Services.AddSingleton<IOpenTendersClient>(new OpenTenders());
        Services.AddSingleton<IStaffRosterClient>(new Roster());
        Services.AddSingleton<IBidsClient>(_bids);
    }

    [Fact]
    public void The_sum_of_the_lines_is_compared_with_the_price_as_they_are_typed()
    {
        var page = Render<BidForm>(p => p.Add(f => f.TenderId, TenderId));

        page.Find("[data-testid=\'bid-price\'] input").Change("100000");
        page.Find("[data-testid=\'bid-cost-personnel\'] input").Change("70000");
        page.Find("[data-testid=\'bid-cost-activities\'] input").Change("20000");

        page.Find("[data-testid='bid-costs-check']").TextContent.Trim()
            .Should().Be("分项合计 ¥90,000.00，与报价 ¥100,000.00 相差 ¥10,000.00。");

        page.Find("[data-testid=\'bid-cost-administration\'] input").Change("15000");
        page.Find("[data-testid='bid-costs-check']").TextContent.Trim()
            .Should().Be("分项合计 ¥105,000.00，超出报价 ¥100,000.00，多出 ¥5,000.00。");

        page.Find("[data-testid=\'bid-cost-administration\'] input").Change("6000");
        page.Find("[data-testid=\'bid-cost-other\'] input").Change("4000");
        page.Find("[data-testid='bid-costs-check']").TextContent.Trim().Should().Be("分项合计 ¥100,000.00，与报价一致。");
        page.Find("[data-testid='bid-personnel-share']").TextContent.Should().Contain("人员费用占报价 70%");
    }

    [Fact]
    public void A_personnel_share_under_the_tenders_minimum_opens_the_explanation_box()
    {
        var page = Render<BidForm>(p => p.Add(f => f.TenderId, TenderId));
        page.FindAll("[data-testid='bid-explanation']").Should().BeEmpty();

        page.Find("[data-testid=\'bid-price\'] input").Change("100000");
        page.Find("[data-testid=\'bid-cost-personnel\'] input").Change("50000");

        page.Find("[data-testid='bid-explanation']").TextContent.Should().Contain("人员费用占报价的比例低于招标文件要求的下限");
    }

    [Fact]
    public void A_submitted_bid_shows_its_receipt_with_the_SHA_256()
    {
        var page = Render<BidForm>(p => p.Add(f => f.TenderId, TenderId));
        page.Find("[data-testid=\'bid-price\'] input").Change("100000");
        page.Find("[data-testid=\'bid-cost-personnel\'] input").Change("100000");
        page.Find("[data-testid='plan-pick']").Change(Senior.Id.ToString());
        page.Find("[data-testid='plan-add']").Click();
        page.Find("[data-testid=\'plan-0-pay\'] input").Change("9000");
        Fill(page.Find("[data-testid='bid-proposal'] textarea"), "方案");

        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid='receipt-sha256']").GetAttribute("value").Should().Be(Bids.Hash));
        var sent = _bids.Submitted.Should().ContainSingle().Subject;
        sent.TenderId.Should().Be(TenderId);
        sent.Content!.Costs!.Personnel.Should().Be(100000m);
        sent.Content.Staffing!.Should().ContainSingle().Which.Should().BeEquivalentTo(new { WorkerId = Senior.Id, Fte = 1m, MonthlyPay = 9000m });
    }

    [Fact]
    public void The_APIs_refusal_of_the_breakdown_is_shown_beside_it()
    {
        _bids.Refusal = Refusals.Problem(422, "投标不符合规则", ("costs", "费用分项合计 ¥1.00 不等于报价 ¥2.00。"));
        var page = Render<BidForm>(p => p.Add(f => f.TenderId, TenderId));
        page.Find("[data-testid=\'bid-price\'] input").Change("2");

        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid='bid-costs-error']").TextContent.Should().Be("费用分项合计 ¥1.00 不等于报价 ¥2.00。"));
    }

    private sealed class OpenTenders : OpenTendersClientFake
    {
        public override Task<ICollection<OpenTenderResponse>> ListOpenTendersAsync(string? region, string? serviceDomain, string? q, CancellationToken cancellationToken) =>
            Task.FromResult<ICollection<OpenTenderResponse>>(
            [
                new OpenTenderResponse
                {
                    TenderId = TenderId, Title = "示范区居家养老社会工作服务", BudgetCeiling = 200000m,
                    BidDeadline = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero), ProcurementMethod = "PublicTender",
                    Staffing = new TenderStaffing { CertifiedSocialWorkers = 1, IntermediateOrAbove = 1, Supervisors = 1 },
                    PersonnelCost = PersonnelFirst, Eligibility = [],
                },
            ]);
    }

    private sealed class Roster : StaffRosterClientFake
    {
        public override Task<ICollection<WorkerResponse>> ListSocialWorkersAsync(bool? includeInactive, CancellationToken cancellationToken) =>
            Task.FromResult<ICollection<WorkerResponse>>([Senior]);
    }

    private sealed class Bids : BidsClientFake
    {
        public const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        public ApiException? Refusal { get; set; }

        public List<SubmitBidRequest> Submitted { get; } = [];

        public override Task<BidReceiptResponse> SubmitBidAsync(SubmitBidRequest body, CancellationToken cancellationToken)
        {
            Submitted.Add(body);
            return Refusal is { } refusal
                ? throw refusal
                : Task.FromResult(new BidReceiptResponse
                {
                    BidId = Guid.NewGuid(), TenderId = body.TenderId!.Value, Version = 1,
                    ServerTime = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero), Sha256 = Hash, Status = BidStatus.Submitted,
                });
        }
    }
}
