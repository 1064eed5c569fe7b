using System.Text.Json;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Award;

/// <summary>A public tender after its deadline with three bids: its evaluation at each stage, its panel, its award and challenges.</summary>
internal static class AfterDeadlineData
{
    public static readonly Guid TenderId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid Sunshine = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    public static readonly Guid Chunhui = Guid.Parse("0193a000-0000-7000-8000-0000000000a2");
    public static readonly Guid Tongxin = Guid.Parse("0193a000-0000-7000-8000-0000000000a3");
    public static readonly DateTimeOffset OpenedAt = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public static BidEvaluationResponse Evaluation(EvaluationStage stage) => new()
    {
        TenderId = TenderId,
        Title = "示范区居家养老社工服务",
        ProcurementMethod = "PublicTender",
        Stage = stage,
        OpenedAt = OpenedAt,
        MinimumValidBids = 3,
        MinimumPanelSize = 5,
        OddPanelSize = true,
        Panel = stage is EvaluationStage.Scoring or EvaluationStage.Completed ? new PanelSummary { Size = 5, Experts = 4, Representatives = 1 } : null,
        Sheets = stage is EvaluationStage.Scoring or EvaluationStage.Completed ? new SheetProgress { Expected = 15, Submitted = stage == EvaluationStage.Completed ? 15 : 7 } : null,
        Bids =
        [
            Bid(Sunshine, "阳光社工", 960_000m),
            Bid(Chunhui, "春晖社工", 880_000m),
            Bid(Tongxin, "同心社工", 1_000_000m),
        ],
        // Given out of order on purpose: the page shows them by rank.
        Ranking = stage == EvaluationStage.Completed
            ?
            [
                Ranked(3, Tongxin, "同心社工", 1_000_000m, 26.40m, 40.00m, 19.50m),
                Ranked(1, Sunshine, "阳光社工", 960_000m, 27.50m, 45.33m, 22.67m),
                Ranked(2, Chunhui, "春晖社工", 880_000m, 30.00m, 38.25m, 20.00m),
            ]
            : null,
    };

    public static OpeningRecordResponse Opening() => new()
    {
        TenderId = TenderId,
        TenderTitle = "示范区居家养老社工服务",
        OpenedAt = OpenedAt,
        Bids =
        [
            new OpeningEntryResponse { BidId = Guid.NewGuid(), AgencyId = Sunshine, AgencyName = "阳光社工", Price = 960_000m, ReceiptHash = new string('a', 64), BidVersion = 2 },
            new OpeningEntryResponse { BidId = Guid.NewGuid(), AgencyId = Chunhui, AgencyName = "春晖社工", Price = 880_000m, ReceiptHash = new string('b', 64), BidVersion = 1 },
        ],
    };

    public static PanelResponse Panel() => new()
    {
        PanelId = Guid.NewGuid(),
        TenderId = TenderId,
        Size = 5,
        Experts = 4,
        Representatives = 1,
        DrawnAt = OpenedAt.AddHours(1),
        Members =
        [
            new SeatResponse { Number = 1, Kind = SeatKind.Expert, ExpertName = "独立专家1", UserId = "e1", Active = true },
            new SeatResponse { Number = 5, Kind = SeatKind.PurchaserRepresentative, UserId = "purchaser-1", Active = true },
        ],
        Draws = [new DrawResponse { Number = 1, Seed = "seed-7f3a", Candidates = [Guid.NewGuid(), Guid.NewGuid()], Count = 4, Selected = [Guid.NewGuid()], DrawnAt = OpenedAt.AddHours(1) }],
    };

    public static AwardResponse Award(AwardStatus status) => new()
    {
        AwardId = Guid.NewGuid(),
        TenderId = TenderId,
        Status = status,
        RecommendedBidId = BidOf(Sunshine),
        AgencyName = status == AwardStatus.Recommended ? null : "阳光社工",
        Amount = status == AwardStatus.Recommended ? null : 960_000m,
        ChallengeWindowWorkingDays = 7,
        ChallengeWindowClosesAt = status == AwardStatus.Recommended ? null : new DateTimeOffset(2026, 12, 11, 16, 0, 0, TimeSpan.Zero),
        TimeZone = "Asia/Shanghai",
    };

    /// <summary>The bid id of an agency's bid (one bid per agency here).</summary>
    public static Guid BidOf(Guid agency) => new(agency.ToByteArray().Reverse().ToArray());

    private static BidReviewResponse Bid(Guid agency, string name, decimal price) => new()
    {
        BidId = BidOf(agency),
        AgencyId = agency,
        AgencyName = name,
        Price = price,
        Compliance = ComplianceVerdict.Passed,
        TechnicalProposal = "",
    };

    private static RankingResponse Ranked(int rank, Guid agency, string name, decimal price, decimal priceScore, decimal technical, decimal experience) => new()
    {
        Rank = rank,
        BidId = BidOf(agency),
        AgencyId = agency,
        AgencyName = name,
        Price = price,
        PriceScore = priceScore,
        Means = JsonSerializer.SerializeToElement(new Dictionary<string, decimal> { ["服务方案"] = technical, ["团队与经验"] = experience }),
        Total = priceScore + technical + experience,
    };
}
