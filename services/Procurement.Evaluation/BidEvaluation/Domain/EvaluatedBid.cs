namespace Procurement.Evaluation.BidEvaluation.Domain;

public enum ComplianceVerdict
{
    Pending,
    Passed,
    Failed,
}

/// <summary>The panel's judgement of one eligibility requirement for one bid.</summary>
public sealed record EligibilityJudgement(string Requirement, bool Met, string? Reason);

/// <summary>An opened bid as the panel reviews and scores it (from <c>BidsOpened</c>), with its compliance verdict.</summary>
public sealed class EvaluatedBid
{
    private EvaluatedBid()
    {
        AgencyName = "";
        TechnicalProposal = "";
        Staffing = new StaffingCounts(0, 0, 0);
        AbnormallyLowReasons = [];
        Eligibility = [];
        ComplianceReasons = [];
    }

    public Guid BidId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; }

    public decimal Price { get; private set; }

    public StaffingCounts Staffing { get; private set; }

    public decimal TotalFte { get; private set; }

    public decimal PersonnelShare { get; private set; }

    public string TechnicalProposal { get; private set; }

    public bool AbnormallyLow { get; private set; }

    public IReadOnlyList<string> AbnormallyLowReasons { get; private set; }

    public string? AbnormallyLowExplanation { get; private set; }

    public ComplianceVerdict Compliance { get; private set; }

    public IReadOnlyList<EligibilityJudgement> Eligibility { get; private set; }

    public IReadOnlyList<string> ComplianceReasons { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public static EvaluatedBid Opened(
        Guid bidId, Guid tenderId, Guid agencyId, string agencyName, decimal price, StaffingCounts staffing, decimal totalFte, decimal personnelShare,
        string technicalProposal, bool abnormallyLow, IReadOnlyList<string> abnormallyLowReasons, string? explanation) => new()
        {
            BidId = bidId,
            TenderId = tenderId,
            AgencyId = agencyId,
            AgencyName = agencyName,
            Price = price,
            Staffing = staffing,
            TotalFte = totalFte,
            PersonnelShare = personnelShare,
            TechnicalProposal = technicalProposal,
            AbnormallyLow = abnormallyLow,
            AbnormallyLowReasons = [.. abnormallyLowReasons],
            AbnormallyLowExplanation = explanation,
            Compliance = ComplianceVerdict.Pending,
        };

    public bool IsValid => Compliance == ComplianceVerdict.Passed;

    /// <summary>Records the panel's verdict; the staffing check is the platform's, not the panel's.</summary>
    public void Review(EvaluatedTender tender, IReadOnlyList<EligibilityJudgement> judgements, IReadOnlyList<string> rejections, string reviewer, DateTimeOffset at)
    {
        tender.EnsureStage(EvaluationStage.ComplianceReview, EvaluationCodes.ComplianceClosed);
        var outcome = ComplianceReview.Judge(tender.Staffing, Staffing, tender.Eligibility, judgements, rejections);
        Compliance = outcome.Passed ? ComplianceVerdict.Passed : ComplianceVerdict.Failed;
        ComplianceReasons = outcome.Reasons;
        Eligibility = [.. judgements];
        ReviewedBy = reviewer;
        ReviewedAt = at;
    }
}
