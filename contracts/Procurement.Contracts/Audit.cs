namespace Procurement.Contracts.Audit;

/// <summary>
/// A service closed a day of its audit hash chain (issue 18 item 3): the chain's head when the day (Asia/Shanghai) had
/// ended. Raised by every service once per day; Tendering keeps the heads and publishes the day's root of all chains in
/// the open data. A head raised again for the same day (after a restart) changes nothing: the first one stands.
/// </summary>
/// <param name="Service">The service that keeps the chain: <c>identity</c>, <c>tendering</c>, …</param>
/// <param name="Date">The day closed, in Asia/Shanghai.</param>
/// <param name="Sequence">The head's place in the chain; 0 for a chain with no entry yet.</param>
/// <param name="Hash">The head's hash; 64 zeros for a chain with no entry yet.</param>
/// <param name="Suite">The crypto suite that linked the head; empty for a chain with no entry.</param>
/// <param name="ClosedAt">When the head was read (UTC).</param>
public sealed record AuditChainDayClosed(string Service, DateOnly Date, long Sequence, string Hash, string Suite, DateTimeOffset ClosedAt);
