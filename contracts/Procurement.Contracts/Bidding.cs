namespace Procurement.Contracts.Bidding;

/// <summary>
/// Bidding closed and the tender's bids were opened (开标). Published by Bidding once per tender, when
/// Tendering's <c>BidWindowClosed</c> arrives; Evaluation takes the bids from here, since after opening
/// their content is no longer secret.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="PurchasingUnitId">The purchasing organisation that owns the tender.</param>
/// <param name="OpenedAt">When the bids were unsealed (UTC).</param>
/// <param name="Bids">
/// Every bid that counts, in its latest version: submitted, or confirmed after an amendment. Withdrawn bids and
/// bids still awaiting reconfirmation at the deadline are not here (see <paramref name="NotCounted"/>).
/// </param>
/// <param name="NotCounted">Bids left out of the opening and why, so Evaluation can count valid bids honestly.</param>
public sealed record BidsOpened(
    Guid TenderId,
    Guid PurchasingUnitId,
    DateTimeOffset OpenedAt,
    IReadOnlyList<OpenedBid> Bids,
    IReadOnlyList<NotCountedBid> NotCounted);

/// <summary>One opened bid with everything the panel reviews for compliance and scores.</summary>
/// <param name="BidId">The bid's id.</param>
/// <param name="AgencyId">The bidding agency (its organisation id).</param>
/// <param name="AgencyName">The agency's registered name at opening.</param>
/// <param name="UnifiedSocialCreditCode">The agency's 统一社会信用代码, for eligibility checks.</param>
/// <param name="BidVersion">The version opened (1 at submission, one more per revision).</param>
/// <param name="SubmittedAt">When that version was submitted (UTC).</param>
/// <param name="Price">The total price in CNY, two decimals.</param>
/// <param name="ReceiptHash">SHA-256 (lower-case hex) of the sealed content, as on the agency's receipt.</param>
/// <param name="Costs">The cost breakdown, which sums to the price.</param>
/// <param name="Staffing">The staffing plan summary and its lines.</param>
/// <param name="TechnicalProposal">The technical proposal text.</param>
/// <param name="AbnormallyLow">Whether the bid is under the personnel share or pays anyone below the floor.</param>
/// <param name="AbnormallyLowReasons">Why it is flagged; empty when it is not.</param>
/// <param name="AbnormallyLowExplanation">The agency's written explanation; present whenever flagged.</param>
public sealed record OpenedBid(
    Guid BidId,
    Guid AgencyId,
    string AgencyName,
    string UnifiedSocialCreditCode,
    int BidVersion,
    DateTimeOffset SubmittedAt,
    decimal Price,
    string ReceiptHash,
    OpenedCosts Costs,
    OpenedStaffingPlan Staffing,
    string TechnicalProposal,
    bool AbnormallyLow,
    IReadOnlyList<AbnormallyLowFlag> AbnormallyLowReasons,
    string? AbnormallyLowExplanation);

/// <summary>The price split the way the budget is (人员费用, 活动费用, 管理费用, 其他), CNY.</summary>
public sealed record OpenedCosts(decimal Personnel, decimal Activities, decimal Administration, decimal Other);

/// <summary>The staffing plan: the counts the tender's staffing requirement is checked against, and each line.</summary>
/// <param name="Certified">Planned workers with any certificate.</param>
/// <param name="IntermediateOrAbove">Planned workers at <c>Intermediate</c> (社会工作师) or <c>Senior</c>.</param>
/// <param name="Supervisors">Planned supervisors (督导).</param>
/// <param name="TotalFte">The sum of the planned FTE.</param>
/// <param name="PersonnelShare">Personnel costs over the price (0–1, four decimals).</param>
/// <param name="Lines">One line per planned worker.</param>
public sealed record OpenedStaffingPlan(
    int Certified, int IntermediateOrAbove, int Supervisors, decimal TotalFte, decimal PersonnelShare, IReadOnlyList<OpenedStaffingLine> Lines);

/// <summary>A planned worker. No ID number or hash: name, certificate and the commitment only.</summary>
/// <param name="WorkerId">The roster member's id in Bidding.</param>
/// <param name="Name">The worker's name.</param>
/// <param name="CertificateLevel"><c>None</c>, <c>Assistant</c>, <c>Intermediate</c> or <c>Senior</c>.</param>
/// <param name="CertificateNumber">The certificate number, when certified.</param>
/// <param name="IsSupervisor">Whether the worker is a supervisor (督导).</param>
/// <param name="Fte">The share of full time given to the service, (0, 1].</param>
/// <param name="MonthlyPay">Monthly pay for that share, CNY.</param>
public sealed record OpenedStaffingLine(
    Guid WorkerId, string Name, string CertificateLevel, string? CertificateNumber, bool IsSupervisor, decimal Fte, decimal MonthlyPay);

/// <summary>One reason a bid is flagged abnormally low.</summary>
/// <param name="Code"><c>personnel_share_below_minimum</c> or <c>pay_below_floor</c>.</param>
/// <param name="WorkerId">For a pay-floor reason, the worker paid under it.</param>
/// <param name="Actual">The personnel share (0–1), or the worker's monthly pay.</param>
/// <param name="Threshold">The minimum share, or the floor scaled to the worker's FTE.</param>
public sealed record AbnormallyLowFlag(string Code, Guid? WorkerId, decimal Actual, decimal Threshold);

/// <summary>A bid that did not count at opening; it stays sealed.</summary>
/// <param name="BidId">The bid's id.</param>
/// <param name="AgencyId">The agency.</param>
/// <param name="Status"><c>NeedsReconfirmation</c> (an amendment changed the terms and the agency neither confirmed nor revised).</param>
public sealed record NotCountedBid(Guid BidId, Guid AgencyId, string Status);
