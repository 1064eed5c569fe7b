using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// A draft that passed every bid rule, ready to seal; only <see cref="BidRules.Validate"/> makes one, so
/// nothing reaches the sealer unchecked. Carries the plan's commitments for the double-counting register, which
/// stores them under keyed hashes only; the plan itself (workers, FTE, pay) is sealed with the rest of the content.
/// </summary>
public sealed class ValidatedBid
{
    internal ValidatedBid(Guid tenderId, Guid agencyId, Guid? revisedBidId, BidContent content, IReadOnlyList<PlannedPerson> people)
    {
        TenderId = tenderId;
        AgencyId = agencyId;
        RevisedBidId = revisedBidId;
        Content = content;
        People = people;
    }

    public Guid TenderId { get; }

    public Guid AgencyId { get; }

    /// <summary>The bid this revises, whose earlier commitments were left out of the count; none for a first submission.</summary>
    public Guid? RevisedBidId { get; }

    public BidContent Content { get; }

    public IReadOnlyList<PlannedPerson> People { get; }
}

/// <summary>
/// The rules a bid's content must meet (DOMAIN.md §4–§5), checked on the agency's own request before the
/// content is sealed — afterwards nobody could check it until opening.
/// </summary>
public static class BidRules
{
    /// <param name="roster">The agency's roster (inactive members included, so they can be told apart from strangers).</param>
    /// <param name="commitments">Every person's existing commitments, across agencies; when revising, without the revised bid's own.</param>
    /// <param name="revisedBidId">When revising, the bid being revised.</param>
    public static ValidatedBid Validate(
        BidDraft draft, BidTerms terms, Guid agencyId, IEnumerable<SocialWorker> roster, FteCommitments commitments, Guid? revisedBidId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(commitments);

        CheckPrice(draft.Price, terms.BudgetCeiling, terms.FixedPrice);
        CheckCosts(draft.Costs, draft.Price);
        if (string.IsNullOrWhiteSpace(draft.TechnicalProposal))
        {
            throw new RuleViolationException(BidCodes.TechnicalProposalRequired, "technicalProposal");
        }

        var planned = PlannedWorkers(draft.Staffing, agencyId, roster);
        CheckStaffingRequirement(planned.Select(p => p.Worker).ToList(), terms.Staffing);

        var reasons = AbnormallyLowReasons(draft, planned, terms.PersonnelFirst);
        var explanation = string.IsNullOrWhiteSpace(draft.AbnormallyLowExplanation) ? null : draft.AbnormallyLowExplanation.Trim();
        if (reasons.Count > 0 && explanation is null)
        {
            var underpaid = reasons.Count(r => r.Code == BidCodes.PayBelowFloor);
            var refusal = new RuleViolationException(BidCodes.AbnormallyLowNeedsExplanation, "abnormallyLowExplanation", reasons.Count, underpaid);
            refusal.Extensions["reasons"] = reasons;
            throw refusal;
        }

        var people = planned
            .Select(p => new PlannedPerson(p.Worker.IdLookupHash, p.Worker.DisplayName, p.Worker.IdNumberLastFour, p.Line.Fte))
            .ToList();
        commitments.EnsureWithinFullTime(people);

        var content = new BidContent(
            draft.Price, draft.Costs, [.. draft.Staffing], draft.TechnicalProposal, reasons.Count > 0, reasons, explanation);
        return new ValidatedBid(terms.TenderId, agencyId, revisedBidId, content, people);
    }

    /// <summary>
    /// The price is positive, in whole fen and at most the ceiling; in a fixed-price tender (DOMAIN.md §3: price not scored)
    /// it is the ceiling itself, to the fen — a cent below is refused as firmly as a cent above. The one home of the
    /// fixed-price rule: submission and revision both come through <see cref="Validate"/>.
    /// </summary>
    private static void CheckPrice(decimal price, decimal ceiling, bool fixedPrice)
    {
        if (price <= 0m)
        {
            throw new RuleViolationException(BidCodes.PriceNotPositive, "price", price);
        }

        TwoDecimals(price, "price");
        if (fixedPrice && price != ceiling)
        {
            throw new RuleViolationException(BidCodes.FixedPriceNotCeiling, "price", price, ceiling);
        }

        if (price > ceiling)
        {
            throw new RuleViolationException(BidCodes.PriceAboveCeiling, "price", price, ceiling);
        }
    }

    private static void CheckCosts(CostBreakdown? costs, decimal price)
    {
        var lines = costs is null ? null : new BidCosts(costs.Personnel, costs.Activities, costs.Administration, costs.Other);
        if (BidCostRules.CheckCosts(lines, price) is { } finding)
        {
            throw finding.Code == BidCodes.CostBreakdownNotPrice
                ? new RuleViolationException(finding.Code, finding.Field, finding.Value, finding.Limit)
                : new RuleViolationException(finding.Code, finding.Field, finding.Field, finding.Value);
        }
    }

    private static List<(StaffingLine Line, SocialWorker Worker, int Index)> PlannedWorkers(
        IReadOnlyList<StaffingLine>? staffing, Guid agencyId, IEnumerable<SocialWorker> roster)
    {
        var byId = roster.Where(w => w.AgencyId == agencyId).ToDictionary(w => w.Id);
        var planned = new List<(StaffingLine, SocialWorker, int)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = staffing ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"staffing[{i}]";
            if (!byId.TryGetValue(line.WorkerId, out var worker))
            {
                throw new RuleViolationException(BidCodes.StaffingWorkerNotOnRoster, $"{field}.workerId", line.WorkerId);
            }

            if (!worker.Active)
            {
                throw new RuleViolationException(BidCodes.StaffingWorkerInactive, $"{field}.workerId", worker.DisplayName);
            }

            // By lookup hash, not roster id: the same person is the same person whichever row names them.
            if (!seen.Add(worker.IdLookupHash))
            {
                throw new RuleViolationException(BidCodes.StaffingWorkerRepeated, $"{field}.workerId", worker.DisplayName);
            }

            if (line.Fte is <= 0m or > FteCommitments.FullTime)
            {
                throw new RuleViolationException(BidCodes.StaffingFteOutOfRange, $"{field}.fte", worker.DisplayName, line.Fte);
            }

            if (decimal.Round(line.Fte, 2) != line.Fte)
            {
                throw new RuleViolationException(BidCodes.StaffingFtePrecision, $"{field}.fte", worker.DisplayName, line.Fte);
            }

            if (line.MonthlyPay <= 0m)
            {
                throw new RuleViolationException(BidCodes.StaffingPayNotPositive, $"{field}.monthlyPay", worker.DisplayName);
            }

            TwoDecimals(line.MonthlyPay, $"{field}.monthlyPay");
            planned.Add((line, worker, i));
        }

        return planned;
    }

    private static void CheckStaffingRequirement(IReadOnlyCollection<SocialWorker> workers, RequiredStaffing required)
    {
        var certified = workers.Count(w => w.CertificateLevel != CertificateLevel.None);
        var intermediate = workers.Count(w => w.CertificateLevel >= CertificateLevel.Intermediate);
        var supervisors = workers.Count(w => w.IsSupervisor);
        (string Name, int Planned, int Required)[] counts =
        [
            ("certified", certified, required.Certified),
            ("intermediateOrAbove", intermediate, required.IntermediateOrAbove),
            ("supervisors", supervisors, required.Supervisors),
        ];
        var shortfalls = counts.Where(c => c.Planned < c.Required).ToList();
        if (shortfalls.Count == 0)
        {
            return;
        }

        // The text shows all three counts against the requirement; the field and "shortfalls" name the short ones.
        var refusal = new RuleViolationException(
            BidCodes.StaffingRequirementNotMet, $"staffing.{shortfalls[0].Name}",
            certified, required.Certified, intermediate, required.IntermediateOrAbove, supervisors, required.Supervisors);
        refusal.Extensions["shortfalls"] = shortfalls.Select(s => new { requirement = s.Name, planned = s.Planned, required = s.Required }).ToArray();
        throw refusal;
    }

    /// <summary>Personnel first: <see cref="BidCostRules"/> (personnel ≥ share × price, monthly pay ≥ floor × FTE, both exact).</summary>
    private static List<AbnormallyLowReason> AbnormallyLowReasons(
        BidDraft draft, IEnumerable<(StaffingLine Line, SocialWorker Worker, int Index)> planned, PersonnelFirst rules)
    {
        var reasons = new List<AbnormallyLowReason>();
        if (BidCostRules.CheckPersonnelShare(draft.Costs.Personnel, draft.Price, rules.MinimumPersonnelShare) is { } share)
        {
            reasons.Add(new AbnormallyLowReason(share.Code, null, share.Value!.Value, share.Limit!.Value));
        }

        foreach (var (line, worker, index) in planned)
        {
            var floor = rules.PayFloors.TryGetValue(worker.CertificateLevel, out var f) ? f : (decimal?)null;
            if (BidCostRules.CheckPay(index, line.MonthlyPay, line.Fte, floor) is { } pay)
            {
                reasons.Add(new AbnormallyLowReason(pay.Code, worker.Id, pay.Value!.Value, pay.Limit!.Value));
            }
        }

        return reasons;
    }

    private static void TwoDecimals(decimal amount, string field)
    {
        if (!BidCostRules.IsWholeFen(amount))
        {
            throw new RuleViolationException(BidCodes.AmountNotTwoDecimals, field, field, amount);
        }
    }
}
