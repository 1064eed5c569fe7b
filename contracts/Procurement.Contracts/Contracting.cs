using Procurement.Contracts.Tendering;

namespace Procurement.Contracts.Contracting;

/// <summary>
/// Every transition of a contract's state machine (DOMAIN.md §7), one event each. Published by Contracting.
/// Consumers that need a transition's particulars take the specific event published with it
/// (<see cref="ContractActivated"/>, <see cref="ContractEnded"/>, …).
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="Trigger">The trigger fired, e.g. <c>Sign</c>, <c>Activate</c>, <c>Suspend</c>.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for a trigger that stays, e.g. an amendment).</param>
/// <param name="Reason">The reason given, when the trigger takes one.</param>
/// <param name="ActorId">The user who fired it; null when the clock did.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record ContractStateChanged(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    string Trigger,
    string From,
    string To,
    string? Reason,
    Guid? ActorId,
    DateTimeOffset OccurredAt);

/// <summary>A contract was drafted, from an award or as a renewal's successor. Published by Contracting.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="TenderId">The tender it was awarded through; null for a direct renewal.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="BidId">The bid whose staffing plan the contract carries (for a renewal, the predecessor's).</param>
/// <param name="Amount">The contract amount, CNY.</param>
/// <param name="Start">The first day of service.</param>
/// <param name="End">The last day of service.</param>
/// <param name="Kpis">The KPIs it carries.</param>
/// <param name="PaymentSchedule">Its instalments.</param>
/// <param name="PredecessorId">The contract it renews, if any.</param>
/// <param name="DraftedAt">When (UTC).</param>
public sealed record ContractDrafted(
    Guid ContractId,
    Guid? TenderId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    Guid? BidId,
    decimal Amount,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<KpiTerms> Kpis,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    Guid? PredecessorId,
    DateTimeOffset DraftedAt);

/// <summary>
/// Both parties signed and the start date came: the contract is <c>Active</c>. Published by Contracting.
/// Bidding counts the staffing plan of <paramref name="BidId"/> as committed FTE until <see cref="ContractEnded"/>;
/// Disbursement schedules the instalments; Evaluation attaches the indicator system.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="TenderId">The tender it came from; null for a direct renewal.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="BidId">The bid whose staffing plan is now committed; null when none is known.</param>
/// <param name="Amount">The contract amount, CNY.</param>
/// <param name="Start">The first day of service.</param>
/// <param name="End">The last day of service.</param>
/// <param name="Kpis">The KPIs it carries.</param>
/// <param name="PaymentSchedule">Its instalments.</param>
/// <param name="PredecessorId">The contract it renews, if any.</param>
/// <param name="ActivatedAt">When (UTC).</param>
/// <param name="PaymentTermDays">
/// The payment term the parties agreed (DOMAIN.md §9): days from an instalment falling due to its payment, 30 by
/// default and at most 60 (保障中小企业款项支付条例).
/// </param>
public sealed record ContractActivated(
    Guid ContractId,
    Guid? TenderId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    Guid? BidId,
    decimal Amount,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<KpiTerms> Kpis,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    Guid? PredecessorId,
    DateTimeOffset ActivatedAt,
    int PaymentTermDays = 30);

/// <summary>
/// Both parties have signed a contract (DOMAIN.md §7). Published by Contracting with the terms signed. For a contract
/// that follows another in its program (<paramref name="Successor"/>: a direct renewal, or a new tender's award for a
/// program already served), Disbursement schedules the instalments at once so that the first is due on or before the
/// first day of service (DOMAIN.md §2, cash before service); other contracts are scheduled at activation.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="TenderId">The tender it came from; null for a direct renewal.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="Amount">The contract amount, CNY.</param>
/// <param name="Start">The first day of service.</param>
/// <param name="End">The last day of service.</param>
/// <param name="PaymentSchedule">Its instalments.</param>
/// <param name="PaymentTermDays">The agreed payment term, days.</param>
/// <param name="PredecessorId">The contract it renews, if any.</param>
/// <param name="Successor">Whether it follows an earlier contract of its program.</param>
/// <param name="SignedAt">When the second signature was given (UTC).</param>
/// <param name="AwardId">The award it was drafted from; null for a direct renewal (and in a message sent before the event carried it).</param>
/// <param name="MaxExtentDate">
/// The last day the program may be served by this agency under the three-year cap (财政部令第102号), counted from the
/// first day of the consecutive run the contract belongs to; null in a message sent before the event carried it.
/// </param>
/// <param name="AgencyName">The agency's name; null in a message sent before the event carried it.</param>
public sealed record ContractSigned(
    Guid ContractId,
    Guid? TenderId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    decimal Amount,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    int PaymentTermDays,
    Guid? PredecessorId,
    bool Successor,
    DateTimeOffset SignedAt,
    Guid? AwardId = null,
    DateOnly? MaxExtentDate = null,
    string? AgencyName = null);

/// <summary>
/// A contract's terms changed (a new version, DOMAIN.md §7), including a bridge extension. Published by Contracting.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="Version">The terms' version after the change (1 is the signed contract).</param>
/// <param name="ReasonCode"><c>durationExtension</c>, <c>fiscalYearExtension</c>, <c>amountChange</c>, <c>scopeChange</c> or <c>other</c> (OCDS-like).</param>
/// <param name="Text">The reason as written.</param>
/// <param name="Amount">The contract amount after the change, CNY.</param>
/// <param name="End">The last day of service after the change.</param>
/// <param name="BridgeMonths">For a bridge extension, the months added (1–3); otherwise null.</param>
/// <param name="AmendedAt">When (UTC).</param>
public sealed record ContractAmended(
    Guid ContractId, int Version, string ReasonCode, string Text, decimal Amount, DateOnly End, int? BridgeMonths, DateTimeOffset AmendedAt);

/// <summary>
/// A renewal linked a contract to its successor (DOMAIN.md §2, §7). Published by Contracting.
/// </summary>
/// <param name="ContractId">The predecessor.</param>
/// <param name="SuccessorId">The successor, drafted to start the day after the predecessor ends.</param>
/// <param name="ProgramId">The program both fund.</param>
/// <param name="SuccessorStart">The successor's first day.</param>
/// <param name="RenewedAt">When (UTC).</param>
public sealed record ContractRenewed(Guid ContractId, Guid SuccessorId, Guid ProgramId, DateOnly SuccessorStart, DateTimeOffset RenewedAt);

/// <summary>
/// A contract stopped committing its staff and funds: <c>Completed</c> or <c>Terminated</c>. Published by Contracting.
/// Bidding releases the committed FTE of <paramref name="BidId"/>.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="ProgramId">Its program.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="BidId">The bid whose staffing plan is released; null when none was committed.</param>
/// <param name="Outcome"><c>Completed</c> or <c>Terminated</c>.</param>
/// <param name="Reason">The termination reason; null on completion.</param>
/// <param name="AmountPaid">For a termination, the amount paid so far, CNY; null on completion.</param>
/// <param name="EndedAt">When (UTC).</param>
public sealed record ContractEnded(
    Guid ContractId, Guid ProgramId, Guid AgencyId, Guid? BidId, string Outcome, string? Reason, decimal? AmountPaid, DateTimeOffset EndedAt);
