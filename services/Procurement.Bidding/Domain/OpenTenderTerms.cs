namespace Procurement.Bidding.Domain;

/// <summary>The staff a tender asks for, as Tendering published it (validated there; taken as it came).</summary>
public sealed record TenderStaffing(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors)
{
    public static TenderStaffing None { get; } = new(0, 0, 0);
}

/// <summary>The lowest monthly pay (CNY) a bid may plan for a worker of this level.</summary>
public sealed record TenderPayFloor(CertificateLevel Level, decimal MonthlyPay);

/// <summary>Personnel first (DOMAIN.md §5): the minimum personnel share of the price (e.g. 0.60) and the pay floors.</summary>
public sealed record TenderPersonnelCost(decimal MinimumPersonnelShare, IReadOnlyList<TenderPayFloor> PayFloors);

/// <summary>
/// What a bid is checked against beyond the ceiling and the deadline, from <c>TenderPublished</c>.
/// </summary>
/// <param name="ProcurementMethod">The method's name: <c>PublicTender</c>, <c>CompetitiveConsultation</c> or <c>SingleSource</c>.</param>
/// <param name="Staffing">The staffing plan must meet it.</param>
/// <param name="PersonnelCost">A bid under it is flagged abnormally low; null when the tender sets none.</param>
/// <param name="FixedPrice">Every bid's price must equal the budget ceiling.</param>
/// <param name="Eligibility">The eligibility requirements an agency declares it meets.</param>
/// <param name="BidSecurity">The bid security (CNY) an agency lodges; null when none.</param>
public sealed record OpenTenderTerms(
    string ProcurementMethod,
    TenderStaffing Staffing,
    TenderPersonnelCost? PersonnelCost,
    bool FixedPrice,
    IReadOnlyList<string> Eligibility,
    decimal? BidSecurity)
{
    /// <summary>The terms of a tender that carried none (published before tenders had content).</summary>
    public static OpenTenderTerms None { get; } = new("PublicTender", TenderStaffing.None, null, false, [], null);
}

/// <summary>Where a tender stands in Bidding: taking bids, closed by the clock, or cancelled.</summary>
public enum OpenTenderStatus
{
    Open,
    BiddingClosed,
    Cancelled,
}
