namespace Procurement.Contracts.Tendering;

/// <summary>
/// A purchaser defined a standing service program (服务项目) that later tenders and contracts fund.
/// Published by Tendering.
/// </summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="PurchasingUnitId">The organisation (购买主体) that owns the program.</param>
/// <param name="Name">The program's name, e.g. "Home-care social work for elders, Street X".</param>
/// <param name="Region">The administrative region the service covers.</param>
/// <param name="ServiceDomain">The service domain (elderly, children and youth, …) as its enum name.</param>
/// <param name="ActiveFrom">The first day the public need is to be served.</param>
/// <param name="ActiveUntil">The last day of the program's active span, if it has one.</param>
/// <param name="OccurredAt">When the program was created (UTC).</param>
public sealed record ServiceProgramCreated(
    Guid ProgramId,
    Guid PurchasingUnitId,
    string Name,
    string Region,
    string ServiceDomain,
    DateOnly ActiveFrom,
    DateOnly? ActiveUntil,
    DateTimeOffset OccurredAt);

/// <summary>
/// A tender (采购项目) was published and is open for sealed bids until <paramref name="BidDeadline"/>.
/// Published by Tendering; Bidding keeps its own copy of what a bid is checked against.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="ProgramId">The service program the tender funds.</param>
/// <param name="PurchasingUnitId">The purchasing organisation.</param>
/// <param name="Title">The tender's title.</param>
/// <param name="BudgetCeiling">The budget ceiling (最高限价) in CNY, two decimals.</param>
/// <param name="BidDeadline">The instant bidding closes (UTC; shown to people in Asia/Shanghai).</param>
/// <param name="ServiceStart">The first day of the service period.</param>
/// <param name="ServiceEnd">The last day of the service period.</param>
/// <param name="PublishedAt">When the tender was published (UTC).</param>
public sealed record TenderPublished(
    Guid TenderId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    string Title,
    decimal BudgetCeiling,
    DateTimeOffset BidDeadline,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    DateTimeOffset PublishedAt);
