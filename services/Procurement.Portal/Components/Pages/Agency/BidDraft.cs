using Procurement.Portal.Client;
using Procurement.Rules;

namespace Procurement.Portal.Components.Pages.Agency;

/// <summary>One roster member in the plan as the form edits it.</summary>
public sealed class PlannedWorker
{
    public Guid WorkerId { get; set; }

    /// <summary>Share of the worker's full time, in (0, 1], two decimals.</summary>
    public decimal Fte { get; set; } = 1m;

    public decimal MonthlyPay { get; set; }
}

/// <summary>
/// The bid form's content and its live checks, <see cref="BidCostRules"/>' (the same Bidding makes): the cost breakdown must
/// sum to the price exactly, the personnel share is personnel ÷ price, and a share under the tender's minimum or a worker
/// paid under the floor × FTE makes the bid abnormally low, which needs an explanation. This class keeps the draft and
/// maps the findings to the form's text keys.
/// </summary>
public sealed class BidDraft
{
    public decimal Price { get; set; }

    public decimal Personnel { get; set; }

    public decimal Activities { get; set; }

    public decimal Administration { get; set; }

    public decimal Other { get; set; }

    public List<PlannedWorker> Staffing { get; } = [];

    public string TechnicalProposal { get; set; } = "";

    public string AbnormallyLowExplanation { get; set; } = "";

    public decimal CostsTotal => Personnel + Activities + Administration + Other;

    /// <summary>What the breakdown still lacks (positive) or exceeds (negative) against the price.</summary>
    public decimal CostsGap => Price - CostsTotal;

    /// <summary>True when the four lines sum to the price exactly (and the price is set).</summary>
    public bool CostsSumToPrice => Price > 0m && BidCostRules.CheckCosts(new BidCosts(Personnel, Activities, Administration, Other), Price) is null;

    /// <summary>Personnel as a share of the price (0–1), null without a price.</summary>
    public decimal? PersonnelShare => BidCostRules.PersonnelShare(Personnel, Price);

    /// <summary>The workers on the roster not yet in the plan.</summary>
    public IEnumerable<WorkerResponse> Unplanned(IEnumerable<WorkerResponse> roster) =>
        roster.Where(w => w.Active && Staffing.All(p => p.WorkerId != w.Id));

    /// <summary>Why the platform will flag this bid abnormally low (the resource keys of the reasons); empty when it will not.</summary>
    public IReadOnlyList<string> LowReasons(TenderPersonnelCost? rule, IReadOnlyDictionary<Guid, WorkerResponse> roster)
    {
        if (rule is null || Price <= 0m)
        {
            return [];
        }

        var reasons = new List<string>();
        if (BidCostRules.CheckPersonnelShare(Personnel, Price, rule.MinimumPersonnelShare) is not null)
        {
            reasons.Add("LowPersonnelShare");
        }

        for (var i = 0; i < Staffing.Count; i++)
        {
            var line = Staffing[i];
            var floor = roster.TryGetValue(line.WorkerId, out var worker)
                ? rule.PayFloors.FirstOrDefault(f => f.Level == worker.CertificateLevel)?.MonthlyPay
                : null;
            if (BidCostRules.CheckPay(i, line.MonthlyPay, line.Fte, floor) is not null)
            {
                reasons.Add("LowPay");
                break;
            }
        }

        return reasons;
    }

    /// <summary>The plan's counts against the tender's staffing requirement: (certified, intermediate or above, supervisors).</summary>
    public (int Certified, int IntermediateOrAbove, int Supervisors) Counts(IReadOnlyDictionary<Guid, WorkerResponse> roster)
    {
        var workers = Staffing.Select(s => roster.GetValueOrDefault(s.WorkerId)).OfType<WorkerResponse>().ToList();
        return (workers.Count(w => w.CertificateLevel != CertificateLevel.None),
            workers.Count(w => w.CertificateLevel >= CertificateLevel.Intermediate),
            workers.Count(w => w.IsSupervisor));
    }

    public bool MeetsStaffing(TenderStaffing? required, IReadOnlyDictionary<Guid, WorkerResponse> roster)
    {
        if (required is null)
        {
            return true;
        }

        var (certified, intermediate, supervisors) = Counts(roster);
        return certified >= required.CertifiedSocialWorkers && intermediate >= required.IntermediateOrAbove && supervisors >= required.Supervisors;
    }

    public BidContentRequest ToRequest() => new()
    {
        Price = Price,
        Costs = new CostBreakdown { Personnel = Personnel, Activities = Activities, Administration = Administration, Other = Other },
        Staffing = [.. Staffing.Select(s => new StaffingLine { WorkerId = s.WorkerId, Fte = s.Fte, MonthlyPay = s.MonthlyPay })],
        TechnicalProposal = TechnicalProposal,
        AbnormallyLowExplanation = string.IsNullOrWhiteSpace(AbnormallyLowExplanation) ? null : AbnormallyLowExplanation,
    };

    /// <summary>The form filled from a bid already submitted (to revise it).</summary>
    public static BidDraft From(BidContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var draft = new BidDraft
        {
            Price = content.Price,
            Personnel = content.Costs.Personnel,
            Activities = content.Costs.Activities,
            Administration = content.Costs.Administration,
            Other = content.Costs.Other,
            TechnicalProposal = content.TechnicalProposal,
            AbnormallyLowExplanation = content.AbnormallyLowExplanation ?? "",
        };
        draft.Staffing.AddRange(content.Staffing.Select(s => new PlannedWorker { WorkerId = s.WorkerId, Fte = s.Fte, MonthlyPay = s.MonthlyPay }));
        return draft;
    }
}
