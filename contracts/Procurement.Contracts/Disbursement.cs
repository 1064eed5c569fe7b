namespace Procurement.Contracts.Disbursement;

/// <summary>
/// An instalment's condition was met (activation, a passing evaluation, a bridge start): it is due and must be
/// paid within the contract's payment term (DOMAIN.md §9). Published by Disbursement.
/// </summary>
/// <param name="InstalmentId">The instalment.</param>
/// <param name="ContractId">Its contract.</param>
/// <param name="ProgramId">The contract's program.</param>
/// <param name="Sequence">1 for the first instalment of the contract, 2 for the next, …</param>
/// <param name="Amount">CNY, two decimals.</param>
/// <param name="Condition"><c>Activation</c>, <c>MidTermPassed</c>, <c>FinalPassed</c> or <c>BridgeStart</c>.</param>
/// <param name="DueOn">The day the condition was met (Asia/Shanghai).</param>
/// <param name="PayBy">The last day it may be paid without being late.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record InstalmentDue(
    Guid InstalmentId, Guid ContractId, Guid ProgramId, int Sequence, decimal Amount, string Condition, DateOnly DueOn, DateOnly PayBy, DateTimeOffset OccurredAt);

/// <summary>Treasury's payment of an instalment was confirmed: the cash reached the agency. Published by Disbursement.</summary>
/// <param name="InstalmentId">The instalment.</param>
/// <param name="ContractId">Its contract.</param>
/// <param name="ProgramId">The contract's program.</param>
/// <param name="AgencyId">The payee.</param>
/// <param name="PurchasingUnitId">The payer.</param>
/// <param name="Amount">CNY, two decimals.</param>
/// <param name="PaidOn">The day it was paid (Asia/Shanghai).</param>
/// <param name="DaysFromDue">Days from the condition being met to payment.</param>
/// <param name="Late">Whether it was paid after its pay-by day.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record InstalmentPaid(
    Guid InstalmentId, Guid ContractId, Guid ProgramId, Guid AgencyId, Guid PurchasingUnitId, decimal Amount, DateOnly PaidOn, int DaysFromDue, bool Late, DateTimeOffset OccurredAt);

/// <summary>
/// An instalment was not paid by its pay-by day (30 days after it fell due, or the contract's agreed term of at
/// most 60). Published by Disbursement once per instalment.
/// </summary>
/// <param name="InstalmentId">The instalment.</param>
/// <param name="ContractId">Its contract.</param>
/// <param name="ProgramId">The contract's program.</param>
/// <param name="Amount">CNY, two decimals.</param>
/// <param name="DueOn">The day it fell due.</param>
/// <param name="PayBy">The day it should have been paid by.</param>
/// <param name="Status">Where it is stuck: <c>Due</c>, <c>Requested</c>, <c>Approved</c>, <c>Released</c> or <c>Withheld</c>.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record InstalmentOverdue(
    Guid InstalmentId, Guid ContractId, Guid ProgramId, decimal Amount, DateOnly DueOn, DateOnly PayBy, string Status, DateTimeOffset OccurredAt);

/// <summary>
/// Any other step of an instalment's flow (Requested, Approved, Released, Rejected, Withheld, Resumed).
/// Published by Disbursement for every status change.
/// </summary>
/// <param name="InstalmentId">The instalment.</param>
/// <param name="ContractId">Its contract.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="ActorId">The user who acted; null for the system.</param>
/// <param name="Reason">The reason given (rejection, withholding); null otherwise.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record InstalmentStatusChanged(
    Guid InstalmentId, Guid ContractId, string From, string To, Guid? ActorId, string? Reason, DateTimeOffset OccurredAt);
