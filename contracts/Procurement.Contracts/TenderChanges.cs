namespace Procurement.Contracts.Tendering;

/// <summary>
/// The purchaser answered a question (答疑) about a published tender; the answer is public to every
/// bidder and never names the agency that asked. Published by Tendering.
/// </summary>
/// <remarks>
/// When <paramref name="ChangesBids"/> is true the answer counts as an amendment (DOMAIN.md §3): it may
/// have moved the deadline out to restore the method's margin, and consumers must then do what
/// <see cref="TenderAmended"/> asks of them — take <paramref name="BidDeadline"/> as the deadline, mark
/// every bid already submitted for the tender <c>NeedsReconfirmation</c> (it does not count until its
/// agency confirms or revises it) and notify every registered bidder.
/// </remarks>
/// <param name="TenderId">The tender's id.</param>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Question">The question as asked, without the asker's identity.</param>
/// <param name="Answer">The purchaser's answer.</param>
/// <param name="ChangesBids">The purchaser marked the answer as one that can change bids.</param>
/// <param name="BidDeadline">The tender's bid deadline after the answer (UTC); moved out only when <paramref name="ChangesBids"/> and inside the margin.</param>
/// <param name="PublishedAt">When the answer was published (UTC).</param>
public sealed record TenderClarified(
    Guid TenderId,
    Guid QuestionId,
    string Question,
    string Answer,
    bool ChangesBids,
    DateTimeOffset BidDeadline,
    DateTimeOffset PublishedAt);

/// <summary>
/// A published tender was amended (更正公告): a new version of its terms. Published by Tendering.
/// </summary>
/// <remarks>
/// <para>The terms carried here are the tender's whole current terms after the amendment, not only the
/// changed parts, so a consumer replaces its copy; <paramref name="ChangedFields"/> says what changed.</para>
/// <para><b>What consumers must do</b> when <paramref name="ChangesBids"/> is true: Bidding marks every bid
/// already submitted for the tender <c>NeedsReconfirmation</c> (such a bid does not count until its
/// agency confirms or revises it against the new terms), checks new and revised bids against these
/// terms, takes <paramref name="NewBidDeadline"/> as the deadline, and notifies every registered bidder
/// of the amendment and, when <paramref name="DeadlineMoved"/>, of the new deadline. When
/// <paramref name="ChangesBids"/> is false (a bare deadline extension), bids stay valid and only the
/// deadline is taken over.</para>
/// </remarks>
/// <param name="TenderId">The tender's id.</param>
/// <param name="AmendmentNumber">1 for the first amendment, 2 for the second, …</param>
/// <param name="Description">The purchaser's description of the change.</param>
/// <param name="ChangesBids">The amendment changes what a bid is checked against (any content change).</param>
/// <param name="ChangedFields">The parts that changed, by their API field names (e.g. <c>budgetCeiling</c>, <c>bidDeadline</c>).</param>
/// <param name="PreviousBidDeadline">The deadline before the amendment (UTC).</param>
/// <param name="NewBidDeadline">The deadline after the amendment (UTC).</param>
/// <param name="DeadlineMoved">The deadline changed, by the purchaser's extension or by the margin rule.</param>
/// <param name="BudgetCeiling">The budget ceiling (最高限价) in CNY after the amendment.</param>
/// <param name="ServiceStart">The first day of the service period after the amendment.</param>
/// <param name="ServiceEnd">The last day of the service period after the amendment.</param>
/// <param name="Staffing">The staffing requirement after the amendment.</param>
/// <param name="PersonnelCost">The personnel-first rule after the amendment; null when none.</param>
/// <param name="Evaluation">The evaluation scheme after the amendment; null for a method without one.</param>
/// <param name="Kpis">The KPIs after the amendment.</param>
/// <param name="PaymentSchedule">The payment schedule after the amendment.</param>
/// <param name="Eligibility">The eligibility requirements after the amendment.</param>
/// <param name="BidSecurity">The bid security after the amendment; null when none.</param>
/// <param name="AmendedAt">When the amendment was published (UTC).</param>
/// <param name="Rules">The method's numbers for the tender after the amendment (the panel size follows the budget).</param>
/// <param name="ServiceDescription">The service description (服务内容) after the amendment; null in a message sent before tenders carried one.</param>
public sealed record TenderAmended(
    Guid TenderId,
    int AmendmentNumber,
    string Description,
    bool ChangesBids,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset PreviousBidDeadline,
    DateTimeOffset NewBidDeadline,
    bool DeadlineMoved,
    decimal BudgetCeiling,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    StaffingTerms Staffing,
    PersonnelCostTerms? PersonnelCost,
    EvaluationTerms? Evaluation,
    IReadOnlyList<KpiTerms> Kpis,
    IReadOnlyList<InstalmentTerms> PaymentSchedule,
    IReadOnlyList<string> Eligibility,
    decimal? BidSecurity,
    DateTimeOffset AmendedAt,
    ProcurementRulesTerms Rules,
    string? ServiceDescription = null);

/// <summary>
/// A document (PDF, DOCX or XLSX, at most 20 MB, type checked by signature) was attached to a draft or
/// published tender. Published by Tendering; the bytes are fetched from Tendering's API, never carried here.
/// </summary>
/// <param name="TenderId">The tender's id.</param>
/// <param name="DocumentId">The document's id (<c>GET /api/tenders/{TenderId}/documents/{DocumentId}</c>).</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="Type"><c>Pdf</c>, <c>Docx</c> or <c>Xlsx</c>.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
/// <param name="AddedAt">When it was attached (UTC).</param>
public sealed record TenderDocumentAdded(
    Guid TenderId, Guid DocumentId, string FileName, string Type, long Size, string Sha256, DateTimeOffset AddedAt);

/// <summary>
/// A purchaser edited a service program (服务项目); the span still holds every tender's service period.
/// Published by Tendering.
/// </summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="PurchasingUnitId">The organisation that owns the program.</param>
/// <param name="Name">The program's name after the edit.</param>
/// <param name="Region">The region after the edit.</param>
/// <param name="ServiceDomain">The service domain after the edit, as its enum name.</param>
/// <param name="ActiveFrom">The first day of the active span after the edit.</param>
/// <param name="ActiveUntil">The last day of the active span after the edit, if any.</param>
/// <param name="Version">The program's version after the edit.</param>
/// <param name="RevisedAt">When (UTC).</param>
public sealed record ServiceProgramRevised(
    Guid ProgramId,
    Guid PurchasingUnitId,
    string Name,
    string Region,
    string ServiceDomain,
    DateOnly ActiveFrom,
    DateOnly? ActiveUntil,
    int Version,
    DateTimeOffset RevisedAt);

/// <summary>
/// Every service program's region and service domain, as Tendering holds them: published at each start, so that a copy
/// taken in before it kept these (an upgraded data folder) gets them too. A consumer applies an entry whose
/// <see cref="ListedServiceProgram.Version"/> is not older than its copy's.
/// </summary>
/// <param name="Programs">The programs listed (a start lists them in parts of at most 500).</param>
/// <param name="ListedAt">When (UTC).</param>
public sealed record ServiceProgramsListed(IReadOnlyList<ListedServiceProgram> Programs, DateTimeOffset ListedAt);

/// <summary>One program's public particulars.</summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="PurchasingUnitId">The organisation that owns it.</param>
/// <param name="Region">Its region.</param>
/// <param name="ServiceDomain">Its service domain, as the enum name.</param>
/// <param name="Version">Its version (1 when created, one more per edit).</param>
public sealed record ListedServiceProgram(Guid ProgramId, Guid PurchasingUnitId, string Region, string ServiceDomain, int Version);
