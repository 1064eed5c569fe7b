using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// The staff a tender asks for (DOMAIN.md §3): at least so many certified social workers, of whom so many
/// at intermediate level (社会工作师) or above, and at least so many supervisors (督导). Tendering validated
/// the numbers when it published the tender; Bidding takes them as they came.
/// </summary>
public sealed record RequiredStaffing(int Certified, int IntermediateOrAbove, int Supervisors)
{
    public static RequiredStaffing None { get; } = new(0, 0, 0);

    public static RequiredStaffing From(StaffingTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new(terms.CertifiedSocialWorkers, terms.IntermediateOrAbove, terms.Supervisors);
    }
}

/// <summary>
/// "Personnel first" (DOMAIN.md §5): the tender's minimum share of the price spent on personnel, and the
/// full-time monthly pay floor per certificate level from the local pay scale (e.g. 四岗十二档). Either may
/// be absent. A bid under either is not refused but flagged abnormally low, and must then be explained.
/// </summary>
public sealed record PersonnelFirst
{
    public PersonnelFirst(decimal? minimumPersonnelShare, IReadOnlyDictionary<CertificateLevel, decimal>? payFloors = null)
    {
        if (minimumPersonnelShare is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPersonnelShare), minimumPersonnelShare, "A share is between 0 and 1.");
        }

        if (payFloors?.Values.Any(floor => floor < 0m) == true)
        {
            throw new ArgumentOutOfRangeException(nameof(payFloors), "A pay floor is not negative.");
        }

        MinimumPersonnelShare = minimumPersonnelShare;
        PayFloors = payFloors ?? new Dictionary<CertificateLevel, decimal>();
    }

    public static PersonnelFirst None { get; } = new(minimumPersonnelShare: null);

    /// <summary>From <c>TenderPublished.PersonnelCost</c>; none when the tender sets none.</summary>
    public static PersonnelFirst From(PersonnelCostTerms? terms) => terms is null
        ? None
        : new(terms.MinimumPersonnelShare, terms.PayFloors.ToDictionary(
            f => Enum.Parse<CertificateLevel>(f.CertificateLevel, ignoreCase: true), f => f.MonthlyPay));

    /// <summary>E.g. 0.60: personnel costs at least 60% of the price.</summary>
    public decimal? MinimumPersonnelShare { get; }

    /// <summary>
    /// Full-time monthly pay floor (CNY) by certificate level; a level without an entry has no floor. A worker
    /// planned part time is held to the floor scaled by their FTE (0.5 FTE: half the floor).
    /// </summary>
    public IReadOnlyDictionary<CertificateLevel, decimal> PayFloors { get; }
}

/// <summary>
/// What a bid is checked against: Bidding's copy of the tender (ceiling, deadline, title) and the tender's
/// staffing and personnel-first requirements.
/// </summary>
/// <remarks>
/// The requirements are carried beside <see cref="OpenTender"/> rather than in it because OpenTender does not
/// yet keep them from <c>TenderPublished</c>; once it does, this becomes a projection of it.
/// </remarks>
public sealed record BidTerms(OpenTender Tender, RequiredStaffing Staffing, PersonnelFirst PersonnelFirst)
{
    public Guid TenderId => Tender.TenderId;

    public decimal BudgetCeiling => Tender.BudgetCeiling;

    /// <summary>Price is not scored: every bid's price is the budget ceiling (<see cref="OpenTenderTerms.FixedPrice"/>).</summary>
    public bool FixedPrice => Tender.FixedPrice;
}

public static class BidTermsOfTender
{
    /// <summary>The terms a bid for <paramref name="tender"/> is checked against, from Bidding's copy of it.</summary>
    public static BidTerms ForBids(this OpenTender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var staffing = new RequiredStaffing(tender.Staffing.CertifiedSocialWorkers, tender.Staffing.IntermediateOrAbove, tender.Staffing.Supervisors);
        var personnel = tender.PersonnelCost is { } cost
            ? new PersonnelFirst(cost.MinimumPersonnelShare, cost.PayFloors.ToDictionary(f => f.Level, f => f.MonthlyPay))
            : PersonnelFirst.None;
        return new BidTerms(tender, staffing, personnel);
    }
}
