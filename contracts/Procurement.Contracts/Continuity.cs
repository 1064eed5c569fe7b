namespace Procurement.Contracts.Continuity;

/// <summary>
/// A contract has reached its renewal point (DOMAIN.md §2): <c>end − lead time</c>, the lead time being the 90th
/// percentile (nearest rank) of tender-published → contract-signed durations for its purchaser and procurement method
/// plus 30 days, or 90 days without history. Raised once per contract, also when the service was down on the day.
/// Published by Contracting (continuity).
/// </summary>
/// <param name="ContractId">The contract to renew or re-tender.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party, who decides.</param>
/// <param name="AgencyId">The agency party.</param>
/// <param name="End">The contract's last day of service (terms in force).</param>
/// <param name="RenewalPoint">The day renewal work was due to start (Asia/Shanghai).</param>
/// <param name="LeadTimeDays">The lead time applied.</param>
/// <param name="HistoryCount">How many past durations it was learnt from; 0 when the default applied.</param>
/// <param name="ProcurementMethod">The procurement method whose history counted; null when unknown (a default lead time).</param>
/// <param name="ProposedPath">
/// The platform's proposal, for the purchaser to confirm: <c>DirectRenewal</c> (latest grade <c>Good</c> or better and
/// under 36 consecutive months with this agency) or <c>NewTender</c>.
/// </param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record RenewalDue(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    DateOnly End,
    DateOnly RenewalPoint,
    int LeadTimeDays,
    int HistoryCount,
    string? ProcurementMethod,
    string ProposedPath,
    DateTimeOffset OccurredAt);

/// <summary>
/// The forecast says the successor of a contract will be signed after the contract ends (DOMAIN.md §2): the expected
/// signing date is now plus the 90th percentile of the remaining procurement steps' durations. Published by
/// Contracting (continuity).
/// </summary>
/// <param name="ContractId">The contract running out.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party.</param>
/// <param name="End">The contract's last day of service.</param>
/// <param name="ExpectedSigning">The forecast signing day of the successor (Asia/Shanghai).</param>
/// <param name="DaysLate">Days from the day after <paramref name="End"/> to <paramref name="ExpectedSigning"/>.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record RenewalAtRisk(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    DateOnly End,
    DateOnly ExpectedSigning,
    int DaysLate,
    DateTimeOffset OccurredAt);

/// <summary>
/// The forecast shows funding gap days ahead for a program (DOMAIN.md §2): days not covered by an active contract, or
/// on which cash would fall below the accrued cost minus the advance. Published by Contracting (continuity).
/// </summary>
/// <param name="ProgramId">The service program.</param>
/// <param name="PurchasingUnitId">Its purchasing unit.</param>
/// <param name="ContractId">The contract running out or behind on cash; null when no contract is in view.</param>
/// <param name="From">The first forecast gap day (Asia/Shanghai).</param>
/// <param name="To">The last forecast gap day.</param>
/// <param name="Days">The number of forecast gap days.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record FundingGapForecast(
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid? ContractId,
    DateOnly From,
    DateOnly To,
    int Days,
    DateTimeOffset OccurredAt);

/// <summary>
/// Thirty days before the end no successor is signed: the platform proposes a bridge extension (过渡期延续) of the
/// contract at the same monthly rate, for the purchaser to approve (DOMAIN.md §2). Published by Contracting (continuity).
/// </summary>
/// <param name="ContractId">The contract to extend.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing party, who approves.</param>
/// <param name="Months">The months proposed (1 to 3).</param>
/// <param name="MonthlyRate">The contract's monthly rate, CNY, two decimals.</param>
/// <param name="Amount">Months × monthly rate, CNY, two decimals.</param>
/// <param name="ExtensionStart">The first day of the extension (the day after the current end).</param>
/// <param name="ExtensionEnd">The last day of the extension.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record BridgeProposed(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    int Months,
    decimal MonthlyRate,
    decimal Amount,
    DateOnly ExtensionStart,
    DateOnly ExtensionEnd,
    DateTimeOffset OccurredAt);

/// <summary>
/// A program has a funding gap day (DOMAIN.md §2): a day of its active span not covered by an active contract, or on
/// which cumulative cash paid is below the cost accrued at the monthly rate minus the agreed advance. Published by
/// Contracting (continuity) on the first day of each gap.
/// </summary>
/// <param name="ProgramId">The service program.</param>
/// <param name="PurchasingUnitId">Its purchasing unit.</param>
/// <param name="ContractId">The contract whose cash is behind; null for a day no contract covers.</param>
/// <param name="FirstDay">The first gap day (Asia/Shanghai).</param>
/// <param name="Cause"><c>Uncovered</c>, <c>Suspended</c>, <c>NotActive</c> or <c>CashBehind</c>.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record FundingGapOpened(
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid? ContractId,
    DateOnly FirstDay,
    string Cause,
    DateTimeOffset OccurredAt);

/// <summary>A program's funding gap ended: the day after <paramref name="LastDay"/> is funded again. Published by Contracting (continuity).</summary>
/// <param name="ProgramId">The service program.</param>
/// <param name="PurchasingUnitId">Its purchasing unit.</param>
/// <param name="FirstDay">The gap's first day (Asia/Shanghai).</param>
/// <param name="LastDay">The gap's last day.</param>
/// <param name="Days">The gap days it lasted.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record FundingGapClosed(
    Guid ProgramId,
    Guid PurchasingUnitId,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Days,
    DateTimeOffset OccurredAt);

/// <summary>
/// The purchaser confirmed the renewal decision of a contract as a new tender (DOMAIN.md §2): Tendering drafts a new
/// tender for the program, pre-filled from the program's last tender, for the purchaser to review and publish.
/// Published by Contracting (continuity); raised once per contract and period.
/// </summary>
/// <param name="ContractId">The contract running out, whose successor the tender procures.</param>
/// <param name="ProgramId">Its service program.</param>
/// <param name="PurchasingUnitId">The purchasing unit that confirmed.</param>
/// <param name="LastTenderId">The tender the contract was awarded through, or its nearest predecessor's; null when none is known (Tendering then takes the program's latest tender).</param>
/// <param name="ServiceStart">The successor's first day: the day after the contract's last day.</param>
/// <param name="ServiceEnd">The successor's last day (the same length as the contract's period, unless the purchaser chose another).</param>
/// <param name="ActorId">The purchaser's user who confirmed.</param>
/// <param name="RequestedAt">When (UTC).</param>
public sealed record RenewalTenderRequested(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid? LastTenderId,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    Guid? ActorId,
    DateTimeOffset RequestedAt);

/// <summary>
/// Tendering drafted the tender a <see cref="RenewalTenderRequested"/> asked for: a <c>Draft</c> pre-filled from
/// <paramref name="PrefilledFromTenderId"/>. Published by Tendering.
/// </summary>
/// <param name="ContractId">The contract whose successor it procures.</param>
/// <param name="TenderId">The drafted tender.</param>
/// <param name="ProgramId">The program.</param>
/// <param name="PrefilledFromTenderId">The tender its content was copied from.</param>
/// <param name="DraftedAt">When (UTC).</param>
public sealed record RenewalTenderDrafted(Guid ContractId, Guid TenderId, Guid ProgramId, Guid PrefilledFromTenderId, DateTimeOffset DraftedAt);

/// <summary>
/// Tendering could not draft the tender a <see cref="RenewalTenderRequested"/> asked for, and says why, so the purchaser
/// who confirmed the new tender is not left waiting for it. Published by Tendering.
/// </summary>
/// <param name="ContractId">The contract whose successor was to be procured.</param>
/// <param name="ProgramId">The program named in the request.</param>
/// <param name="Reason">
/// <c>ProgramUnknown</c>, <c>ProgramOfAnotherUnit</c>, <c>PeriodOutsideProgram</c> (the successor's period is outside the
/// program's active span) or <c>NothingToPrefillFrom</c> (the program has no tender).
/// </param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record RenewalTenderNotDrafted(Guid ContractId, Guid ProgramId, string Reason, DateTimeOffset OccurredAt);
