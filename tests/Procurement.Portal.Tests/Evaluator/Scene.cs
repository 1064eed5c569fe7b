using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Evaluator;

/// <summary>A tender in scoring with one valid bid: a price criterion, two the panel scores, one computed from past performance.</summary>
public static class Scene
{
    public static readonly Guid TenderId = Guid.Parse("0193a5a0-0000-7000-8000-000000000001");
    public static readonly Guid BidId = Guid.Parse("0193a5a0-0000-7000-8000-000000000002");

    public static BidEvaluationResponse Scoring() => new()
    {
        TenderId = TenderId,
        Title = "示范区居家养老服务项目",
        ProcurementMethod = "CompetitiveConsultation",
        Stage = EvaluationStage.Scoring,
        Criteria =
        [
            new Criterion { Name = "价格", Kind = CriterionKind.Price, MaxPoints = 40m },
            new Criterion { Name = "服务方案", Kind = CriterionKind.Technical, MaxPoints = 30m },
            new Criterion { Name = "团队经验", Kind = CriterionKind.Other, MaxPoints = 20m },
            new Criterion { Name = "以往绩效", Kind = CriterionKind.PastPerformance, MaxPoints = 10m },
        ],
        Bids =
        [
            new BidReviewResponse
            {
                BidId = BidId, AgencyId = Guid.NewGuid(), AgencyName = "示范区阳光社会工作服务中心", Price = 456_000.00m,
                Staffing = new StaffingCounts { Certified = 3, IntermediateOrAbove = 1, Supervisors = 1 },
                TechnicalProposal = "每位独居老人配备专职社工，每周上门一次。", Compliance = ComplianceVerdict.Passed,
            },
        ],
        Eligibility = ["依法登记的社会组织"],
        Staffing = new StaffingCounts { Certified = 3, IntermediateOrAbove = 1, Supervisors = 1 },
    };
}
