using Procurement.Contracts.Tendering;

namespace Procurement.Contracts.Evaluation;

/// <summary>
/// A panel was drawn for a tender (DOMAIN.md §6). Published by Evaluation. It never names the members:
/// their identities are not shown to agencies, and events reach every service.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="PanelId">The panel's id.</param>
/// <param name="Size">How many members the panel has (odd).</param>
/// <param name="Experts">How many of them are experts from the pool (at least two thirds).</param>
/// <param name="DrawnAt">When the draw ran (UTC).</param>
public sealed record PanelDrawn(Guid TenderId, Guid PanelId, int Size, int Experts, DateTimeOffset DrawnAt);

/// <summary>
/// The panel finished: compliance review, scoring and the price formula produced a ranking (DOMAIN.md §6).
/// Published by Evaluation; Tendering keeps the tender <c>Evaluating</c> until the purchaser confirms the award.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="PurchasingUnitId">The purchasing organisation.</param>
/// <param name="Ranking">Every valid bid, best first; equal totals at equal price share a rank.</param>
/// <param name="RecommendedBidId">The rank-1 bid (the first of them when several share rank 1).</param>
/// <param name="RecommendedAgencyId">Its agency.</param>
/// <param name="Invalid">Bids that failed compliance review, with the reasons.</param>
/// <param name="CompletedAt">When the ranking was computed (UTC).</param>
public sealed record EvaluationCompleted(
    Guid TenderId,
    Guid PurchasingUnitId,
    IReadOnlyList<RankedBid> Ranking,
    Guid RecommendedBidId,
    Guid RecommendedAgencyId,
    IReadOnlyList<InvalidBid> Invalid,
    DateTimeOffset CompletedAt);

/// <summary>One valid bid's place in the ranking.</summary>
/// <param name="Rank">1 for the best; tied bids share a rank.</param>
/// <param name="BidId">The bid.</param>
/// <param name="AgencyId">Its agency.</param>
/// <param name="AgencyName">The agency's name.</param>
/// <param name="Price">The bid price, CNY.</param>
/// <param name="PriceScore">The price score, two decimals; null for a fixed-price tender.</param>
/// <param name="Total">Price score plus the mean over evaluators of each other criterion, two decimals.</param>
public sealed record RankedBid(int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, decimal Total);

/// <summary>A bid that failed compliance review (资格性 / 符合性审查).</summary>
/// <param name="BidId">The bid.</param>
/// <param name="AgencyId">Its agency.</param>
/// <param name="Reasons">Why it failed, as the panel recorded it.</param>
public sealed record InvalidBid(Guid BidId, Guid AgencyId, IReadOnlyList<string> Reasons);

/// <summary>
/// The tender failed (流标): fewer valid bids than the method's minimum. Published by Evaluation; Tendering
/// marks the tender <c>Failed</c>; continuity may draft a new tender.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="ValidBids">How many bids were valid.</param>
/// <param name="MinimumValidBids">The method's minimum.</param>
/// <param name="Reason">A sentence for people, e.g. "2 valid bids, 3 required".</param>
/// <param name="FailedAt">When (UTC).</param>
public sealed record TenderFailed(Guid TenderId, int ValidBids, int MinimumValidBids, string Reason, DateTimeOffset FailedAt);

/// <summary>
/// The purchaser confirmed the award and the result was published (中标/成交结果公告); the challenge window
/// (质疑期) runs to <paramref name="ChallengeWindowEnds"/>. Published by Evaluation.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="AwardId">The award's id.</param>
/// <param name="BidId">The winning bid.</param>
/// <param name="AgencyId">The winning agency.</param>
/// <param name="AgencyName">Its name.</param>
/// <param name="Amount">The award amount (the winning price), CNY.</param>
/// <param name="ChallengeWindowEnds">The last working day of the challenge window (Asia/Shanghai).</param>
/// <param name="PublishedAt">When the result was published (UTC).</param>
/// <param name="Ranking">The ranking the result announcement publishes (DOMAIN.md §11): every valid bid, best first, with
/// its price score and total; null in a message sent before the event carried it.</param>
public sealed record AwardPublished(
    Guid TenderId,
    Guid AwardId,
    Guid BidId,
    Guid AgencyId,
    string AgencyName,
    decimal Amount,
    DateOnly ChallengeWindowEnds,
    DateTimeOffset PublishedAt,
    IReadOnlyList<RankedBid>? Ranking = null);

/// <summary>
/// The challenge window closed with no challenge left open: the award stands and Contracting drafts the
/// contract from what is carried here (DOMAIN.md §6, §7). Published by Evaluation.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="AwardId">The award's id.</param>
/// <param name="ProgramId">The service program the contract funds.</param>
/// <param name="PurchasingUnitId">The purchasing organisation (a contract party).</param>
/// <param name="BidId">The winning bid, whose staffing plan the contract carries.</param>
/// <param name="AgencyId">The winning agency (the other party).</param>
/// <param name="AgencyName">Its name.</param>
/// <param name="ProcurementMethod">The tender's method.</param>
/// <param name="Amount">The contract amount (the winning price), CNY.</param>
/// <param name="ServiceStart">The first day of the service period.</param>
/// <param name="ServiceEnd">The last day of the service period.</param>
/// <param name="Kpis">The KPIs the contract carries.</param>
/// <param name="PaymentSchedule">The instalments, percentages summing to 100.</param>
/// <param name="AwardNoticeDate">The day the award was published (Asia/Shanghai); the contract is due within 30 days of it.</param>
/// <param name="ConfirmedAt">When the window closed (UTC).</param>
public sealed record AwardConfirmed(
    Guid TenderId,
    Guid AwardId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid BidId,
    Guid AgencyId,
    string AgencyName,
    string ProcurementMethod,
    decimal Amount,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    IReadOnlyList<KpiTerms> Kpis,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    DateOnly AwardNoticeDate,
    DateTimeOffset ConfirmedAt);

/// <summary>
/// A third-party evaluator graded a contract's performance (DOMAIN.md §8). Published by Evaluation; Contracting
/// needs a passing <c>Final</c> one to complete, Disbursement releases or withholds instalments on it, and the
/// grade feeds the renewal decision and later tenders' past-performance criterion.
/// </summary>
/// <param name="PerformanceEvaluationId">The evaluation's id.</param>
/// <param name="ContractId">The contract evaluated.</param>
/// <param name="ProgramId">Its program.</param>
/// <param name="AgencyId">The agency evaluated.</param>
/// <param name="Stage"><c>MidTerm</c> or <c>Final</c>.</param>
/// <param name="Score">The weighted score out of 100, two decimals.</param>
/// <param name="Grade"><c>Excellent</c> (≥ 90), <c>Good</c> (80–89.99), <c>Pass</c> (60–79.99) or <c>Fail</c> (&lt; 60).</param>
/// <param name="Passed">Whether the grade is <c>Pass</c> or better.</param>
/// <param name="EvaluatedAt">When it was submitted (UTC).</param>
/// <param name="EvaluatorOrganisationId">The third-party evaluator's organisation; null in a message sent before the event carried it.</param>
public sealed record PerformanceEvaluated(
    Guid PerformanceEvaluationId,
    Guid ContractId,
    Guid ProgramId,
    Guid AgencyId,
    string Stage,
    decimal Score,
    string Grade,
    bool Passed,
    DateTimeOffset EvaluatedAt,
    Guid? EvaluatorOrganisationId = null);
