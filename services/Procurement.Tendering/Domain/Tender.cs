using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>DOMAIN.md §3: Draft → Published → BiddingClosed → Evaluating → Awarded | Failed | Cancelled.</summary>
public enum TenderStatus
{
    Draft,
    Published,
    BiddingClosed,
    Evaluating,
    Awarded,
    Failed,
    Cancelled,
}

/// <summary>
/// A tender (采购项目) for one service period of a program, with its full content (DOMAIN.md §3). A
/// draft may be incomplete and is edited freely; publishing requires every part and the method's
/// minimum bidding days; bidding closes by the clock (<see cref="CloseBidding"/>), never by a person. Every change other
/// services hear of records its integration event here (<see cref="IRecordsEvents"/>), saved with the change.
/// </summary>
public sealed partial class Tender : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private Tender()
    {
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The most characters a service description (服务内容/项目概况) may have.</summary>
    public const int ServiceDescriptionMaxLength = 4000;

    /// <summary>服务内容/项目概况: what service is bought, for whom, where — as agencies read it. Required to publish.</summary>
    public string? ServiceDescription { get; private set; }

    /// <summary>最高限价, CNY with two decimals.</summary>
    public decimal BudgetCeiling { get; private set; }

    public DateTimeOffset BidDeadline { get; private set; }

    public DateOnly ServiceStart { get; private set; }

    public DateOnly ServiceEnd { get; private set; }

    public TenderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    public ProcurementMethod? Method { get; private set; }

    public EvaluationScheme? EvaluationScheme { get; private set; }

    public StaffingRequirement? StaffingRequirement { get; private set; }

    /// <summary>资格要求: short texts, in the order the purchaser wrote them.</summary>
    public IReadOnlyList<string> Eligibility { get; private set; } = [];

    public KpiList Kpis { get; private set; } = KpiList.Empty;

    public PaymentSchedule? PaymentSchedule { get; private set; }

    public PersonnelCostRule? PersonnelCost { get; private set; }

    /// <summary>投标保证金 in CNY; null when the tender requires none.</summary>
    public decimal? BidSecurity { get; private set; }

    public DateTimeOffset? BiddingClosedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>How many amendments have been published; the next one is number <c>AmendmentCount + 1</c>.</summary>
    public int AmendmentCount { get; private set; }

    /// <summary>
    /// For <see cref="ProcurementMethod.SingleSource"/> (单一来源): why no competition, as the purchaser wrote it for
    /// auditors. Not needed when the tender is a direct renewal (<see cref="PredecessorContractId"/>).
    /// </summary>
    public string? SingleSourceJustification { get; private set; }

    /// <summary>The contract this tender renews directly (续签, DOMAIN.md §2), if it is one.</summary>
    public Guid? PredecessorContractId { get; private set; }

    /// <summary>When the bids were opened and the panel's evaluation began (Bidding's <c>BidsOpened</c>).</summary>
    public DateTimeOffset? EvaluationStartedAt { get; private set; }

    /// <summary>When the tender was awarded or failed.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>流标: why the tender failed, e.g. "2 valid bids, 3 required".</summary>
    public string? FailureReason { get; private set; }

    public Guid? AwardedBidId { get; private set; }

    public Guid? AwardedAgencyId { get; private set; }

    /// <summary>The award amount (the winning price), CNY.</summary>
    public decimal? AwardedAmount { get; private set; }

    /// <summary>
    /// The procurement-method rule table the tender was published under (the one in force for its region that day), kept so
    /// that its amendments and its evaluation follow the numbers it was announced with; null: the built-in national table.
    /// </summary>
    public Guid? RuleTableId { get; private set; }

    /// <summary>A draft without content yet (the content is added by <see cref="Revise"/>).</summary>
    public static Tender Draft(
        ServiceProgram program, string title, decimal budgetCeiling, DateTimeOffset bidDeadline,
        DateOnly serviceStart, DateOnly serviceEnd, DateTimeOffset now) =>
        Draft(program, title, budgetCeiling, bidDeadline, serviceStart, serviceEnd, TenderContent.Empty, ProcurementMethodRules.Default, now);

    public static Tender Draft(
        ServiceProgram program, string title, decimal budgetCeiling, DateTimeOffset bidDeadline,
        DateOnly serviceStart, DateOnly serviceEnd, TenderContent content, ProcurementMethodRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var tender = new Tender
        {
            Id = Guid.CreateVersion7(),
            ProgramId = program.Id,
            PurchasingUnitId = program.PurchasingUnitId,
            Status = TenderStatus.Draft,
            CreatedAt = now,
            Version = 1,
        };
        tender.Set(program, title, budgetCeiling, bidDeadline, serviceStart, serviceEnd, content, rules);
        return tender;
    }

    /// <summary>Replaces a draft's details and content; once published, a tender changes only by amendment.</summary>
    public void Revise(
        ServiceProgram program, string title, decimal budgetCeiling, DateTimeOffset bidDeadline,
        DateOnly serviceStart, DateOnly serviceEnd, TenderContent content, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (Status != TenderStatus.Draft)
        {
            throw new ConflictException("tender_not_editable", Status);
        }

        if (program.Id != ProgramId)
        {
            throw new RuleViolationException("tender_program_fixed", "programId");
        }

        Set(program, title, budgetCeiling, bidDeadline, serviceStart, serviceEnd, content, rules);
        Version++;
    }

    private void Set(
        ServiceProgram program, string title, decimal budgetCeiling, DateTimeOffset bidDeadline,
        DateOnly serviceStart, DateOnly serviceEnd, TenderContent content, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        if (budgetCeiling <= 0 || decimal.Round(budgetCeiling, 2) != budgetCeiling)
        {
            throw new RuleViolationException("budget_ceiling_invalid", "budgetCeiling", budgetCeiling);
        }

        if (serviceEnd < serviceStart)
        {
            throw new RuleViolationException("service_period_reversed", "serviceEnd", serviceStart, serviceEnd);
        }

        if (!program.Spans(serviceStart, serviceEnd))
        {
            throw new RuleViolationException("service_period_outside_program", "serviceStart", program.ActiveFrom, program.ActiveUntil);
        }

        var eligibility = (content.Eligibility ?? []).Select(text => (text ?? "").Trim()).ToList();
        var blank = eligibility.FindIndex(text => text.Length == 0);
        if (blank >= 0)
        {
            throw new RuleViolationException("eligibility_blank", $"eligibility[{blank}]");
        }

        if (content.EvaluationScheme is { } scheme)
        {
            if (content.Method is not { } method)
            {
                throw new RuleViolationException("evaluation_scheme_needs_method", "procurementMethod");
            }

            // The scheme is checked against the method it is saved with: a change of method re-checks the weights.
            EvaluationScheme.Create(scheme.Criteria, scheme.FixedPrice, method, rules);
        }

        if (content.BidSecurity is { } security)
        {
            if (security <= 0 || decimal.Round(security, 2) != security)
            {
                throw new RuleViolationException("bid_security_invalid", "bidSecurity", security);
            }

            rules.CheckBidSecurity(security, budgetCeiling);
        }

        var description = string.IsNullOrWhiteSpace(content.ServiceDescription) ? null : content.ServiceDescription.Trim();
        if (description is { Length: > ServiceDescriptionMaxLength })
        {
            throw new RuleViolationException("service_description_too_long", "serviceDescription", ServiceDescriptionMaxLength, description.Length);
        }

        EnsureDeadlineBeforeService(bidDeadline, serviceStart);
        Title = title.Trim();
        ServiceDescription = description;
        BudgetCeiling = budgetCeiling;
        BidDeadline = bidDeadline.ToUniversalTime();
        ServiceStart = serviceStart;
        ServiceEnd = serviceEnd;
        Method = content.Method;
        EvaluationScheme = content.EvaluationScheme;
        StaffingRequirement = content.StaffingRequirement;
        Eligibility = eligibility.AsReadOnly();
        Kpis = content.Kpis ?? KpiList.Empty;
        PaymentSchedule = content.PaymentSchedule;
        PersonnelCost = content.PersonnelCost;
        BidSecurity = content.BidSecurity;
        SingleSourceJustification = string.IsNullOrWhiteSpace(content.SingleSourceJustification) ? null : content.SingleSourceJustification.Trim();
        PredecessorContractId = content.PredecessorContractId;
    }

    /// <summary>The tender's content as it stands (what an amendment changes parts of, and a renewal draft copies).</summary>
    public TenderContent Content => new(
        Method, EvaluationScheme, StaffingRequirement, Eligibility, Kpis, PaymentSchedule, PersonnelCost, BidSecurity,
        SingleSourceJustification, PredecessorContractId, ServiceDescription);

    /// <summary>The parts a tender must have before it is published, each by its field; empty when complete.</summary>
    public IReadOnlyList<string> MissingForPublication(ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var missing = new List<string>();
        if (Method is null)
        {
            missing.Add("procurementMethod");
        }

        // A method scored by a panel needs a scheme; SingleSource is negotiated and takes none.
        if (EvaluationScheme is null && (Method is not { } method || rules[method].IsScoredByPanel))
        {
            missing.Add("evaluationScheme");
        }

        if (StaffingRequirement is null)
        {
            missing.Add("staffingRequirement");
        }

        if (Eligibility.Count == 0)
        {
            missing.Add("eligibility");
        }

        if (Kpis.Items.Count == 0)
        {
            missing.Add("kpis");
        }

        if (PaymentSchedule is null)
        {
            missing.Add("paymentSchedule");
        }

        if (ServiceDescription is null)
        {
            missing.Add("serviceDescription");
        }

        return missing;
    }

    /// <summary>
    /// 单一来源 only for a direct renewal or with a written justification an auditor can read (DOMAIN.md §3):
    /// a SingleSource tender without a predecessor contract needs the justification (422
    /// <c>single_source_justification_required</c>). Other methods need neither.
    /// </summary>
    public void EnsureSingleSourceJustified()
    {
        if (Method == ProcurementMethod.SingleSource && PredecessorContractId is null && SingleSourceJustification is null)
        {
            throw new RuleViolationException("single_source_justification_required", "singleSourceJustification");
        }
    }

    /// <summary>
    /// A draft's pay floors under the pay scale in force for its region and service year (DOMAIN.md §12): each post's floor at
    /// least the scale's lowest grade, a missing one filled from the scale; a floor set below it is refused
    /// (<see cref="PayScale.FloorsFor"/>). Run again at publication, so a scale recorded after the draft was saved holds too.
    /// </summary>
    public void TakeFloorsFrom(PayScale? scale)
    {
        if (Status != TenderStatus.Draft)
        {
            throw new ConflictException("tender_not_draft", Status);
        }

        PersonnelCost = scale is null ? PersonnelCost : scale.FloorsFor(PersonnelCost);
    }

    /// <summary>
    /// Opens the tender for bids. Only a draft can be published, only with its full content, and only
    /// with a deadline at least the method's minimum bidding days away. Records <see cref="TenderPublished"/>, with the
    /// region and service domain of <paramref name="program"/>, the tender's program.
    /// </summary>
    public void Publish(DateTimeOffset now, ProcurementMethodRules rules, ServiceProgram program)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(program);
        if (Status != TenderStatus.Draft)
        {
            throw new ConflictException("tender_not_draft", Status);
        }

        if (BidDeadline <= now)
        {
            throw new RuleViolationException("bid_deadline_passed", "bidDeadline", BidDeadline);
        }

        var missing = MissingForPublication(rules);
        if (missing.Count > 0)
        {
            var refusal = new RuleViolationException("tender_incomplete", missing[0], string.Join(", ", missing));
            refusal.Extensions["violations"] = missing
                .Select(field => new { field, rule = "required_to_publish", message = ProblemMessages.Get("required_to_publish", field) })
                .ToArray();
            throw refusal;
        }

        var rule = rules[Method!.Value];
        if (EvaluationScheme is { } scheme)
        {
            EvaluationScheme.Create(scheme.Criteria, scheme.FixedPrice, rule.Method, rules);
        }

        EnsureSingleSourceJustified();
        rule.CheckDeadline(now, BidDeadline);
        EnsureDeadlineBeforeService(BidDeadline, ServiceStart);
        Status = TenderStatus.Published;
        PublishedAt = now;
        RuleTableId = rules.Table?.TableId;
        Version++;
        _events.Record(TenderEvents.Published(this, program, rules));
    }

    /// <summary>
    /// Questions, answers and amendments are taken only while the tender is open for bids: published
    /// (else 409 <c>tender_not_published</c>) and before the deadline, even if the clock has not closed it yet
    /// (else 409 <c>bidding_closed</c>).
    /// </summary>
    public void EnsureOpenForBids(DateTimeOffset now)
    {
        if (Status != TenderStatus.Published)
        {
            throw new ConflictException("tender_not_published", Status);
        }

        if (now >= BidDeadline)
        {
            throw new ConflictException("bidding_closed", ShanghaiDays.Show(BidDeadline));
        }
    }

    /// <summary>
    /// An answer to a question is published. One that can change bids counts as an amendment for the
    /// margin (DOMAIN.md §3): inside it, the deadline moves out.
    /// </summary>
    public void Clarify(bool changesBids, DateTimeOffset now, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        EnsureOpenForBids(now);
        if (changesBids && rules[Method!.Value].AmendmentMovesDeadline(now, BidDeadline, out var moved))
        {
            EnsureAmendedDeadlineBeforeService(moved, ServiceStart);
            BidDeadline = moved;
        }

        Version++;
    }

    /// <summary>
    /// Publishes an amendment (更正公告): the changed parts replace the current ones (checked as on save),
    /// and the tender's version and amendment number go up. A deadline the purchaser sets may not fall
    /// below the method's minimum from publication (422 <c>amendment_deadline_below_minimum</c>); a change
    /// that can change bids, published inside the method's margin, moves the deadline out to restore it;
    /// the resulting deadline must fall before the service starts (422 <c>amendment_deadline_after_service_start</c>).
    /// </summary>
    /// <param name="program">The tender's program (its active span bounds the service period).</param>
    /// <param name="change">The parts that change.</param>
    /// <param name="description">What the amendment changes and why, as bidders read it.</param>
    /// <param name="changesJson">The new values as sent, for the version listing.</param>
    /// <param name="now">When the amendment is published.</param>
    /// <param name="rules">The method table.</param>
    public TenderAmendment Amend(
        ServiceProgram program, TenderChange change, string description, string changesJson, DateTimeOffset now, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(rules);
        EnsureOpenForBids(now);
        var text = (description ?? "").Trim();
        if (text.Length == 0)
        {
            throw new RuleViolationException("amendment_description_required", "description");
        }

        var fields = change.ChangedFields();
        if (fields.Count == 0)
        {
            throw new RuleViolationException("amendment_changes_nothing", "description");
        }

        var rule = rules[Method!.Value];
        var previous = BidDeadline;
        var deadline = BidDeadline;
        if (change.BidDeadline is { } requested)
        {
            deadline = requested.ToUniversalTime();
            var earliest = rule.MinimumDeadline(PublishedAt!.Value);
            if (deadline < earliest)
            {
                throw new RuleViolationException(
                    "amendment_deadline_below_minimum", "bidDeadline", rule.MinimumBiddingDays ?? 0, ShanghaiDays.Show(earliest), ShanghaiDays.Show(deadline));
            }

            if (deadline <= now)
            {
                throw new RuleViolationException("bid_deadline_passed", "bidDeadline", ShanghaiDays.Show(deadline));
            }
        }

        var changesBids = change.ChangesBids;
        var movedByMargin = changesBids && rule.AmendmentMovesDeadline(now, deadline, out deadline);
        var serviceStart = change.ServiceStart ?? ServiceStart;
        EnsureAmendedDeadlineBeforeService(deadline, serviceStart);

        var content = Content with
        {
            EvaluationScheme = change.EvaluationScheme ?? EvaluationScheme,
            StaffingRequirement = change.StaffingRequirement ?? StaffingRequirement,
            Eligibility = change.Eligibility ?? Eligibility,
            Kpis = change.Kpis ?? Kpis,
            PaymentSchedule = change.PaymentSchedule ?? PaymentSchedule,
            ServiceDescription = change.ServiceDescription ?? ServiceDescription,
        };
        Set(program, Title, change.BudgetCeiling ?? BudgetCeiling, deadline, serviceStart, change.ServiceEnd ?? ServiceEnd, content, rules);
        AmendmentCount++;
        Version++;
        var amendment = TenderAmendment.Record(Id, AmendmentCount, text, changesBids, fields, changesJson, previous, BidDeadline, movedByMargin, now);
        _events.Record(TenderEvents.Amended(this, amendment, rules));
        return amendment;
    }

    private static void EnsureAmendedDeadlineBeforeService(DateTimeOffset deadline, DateOnly serviceStart)
    {
        if (deadline.ShanghaiDate() >= serviceStart)
        {
            throw new RuleViolationException("amendment_deadline_after_service_start", "bidDeadline", ShanghaiDays.Show(deadline), serviceStart);
        }
    }

    /// <summary>At the deadline the clock closes bidding; nobody closes it early, and only an open tender closes.</summary>
    public void CloseBidding(DateTimeOffset now)
    {
        if (Status != TenderStatus.Published)
        {
            throw new ConflictException("tender_not_published", Status);
        }

        if (now < BidDeadline)
        {
            throw new RuleViolationException("bid_deadline_not_reached", "bidDeadline", BidDeadline);
        }

        Status = TenderStatus.BiddingClosed;
        BiddingClosedAt = now;
        Version++;
        _events.Record(new BidWindowClosed(Id, now));
    }

    /// <summary>
    /// The bids were opened (Bidding's <c>BidsOpened</c>): the panel evaluates. Only a tender whose bidding closed
    /// moves; any other status (a redelivery, or a cancellation that came first) stays as it is.
    /// </summary>
    /// <returns>Whether the status changed.</returns>
    public bool StartEvaluation(DateTimeOffset openedAt)
    {
        if (Status != TenderStatus.BiddingClosed)
        {
            return false;
        }

        Status = TenderStatus.Evaluating;
        EvaluationStartedAt = openedAt;
        Version++;
        _events.Record(new TenderStatusChanged(Id, nameof(TenderStatus.BiddingClosed), Status.ToString(), null, openedAt));
        return true;
    }

    /// <summary>
    /// 流标: fewer valid bids than the method's minimum (Evaluation's <c>TenderFailed</c>). A tender still evaluating
    /// (or closed, if the opening's event has not arrived yet) fails; a decided or cancelled one stays as it is.
    /// </summary>
    /// <returns>Whether the status changed.</returns>
    public bool Fail(string reason, DateTimeOffset failedAt)
    {
        if (Status is not (TenderStatus.BiddingClosed or TenderStatus.Evaluating))
        {
            return false;
        }

        var from = Status;
        Status = TenderStatus.Failed;
        FailureReason = reason.Length <= 1000 ? reason : reason[..1000];
        DecidedAt = failedAt;
        Version++;
        _events.Record(new TenderStatusChanged(Id, from.ToString(), Status.ToString(), reason, failedAt));
        return true;
    }

    /// <summary>
    /// The award stands, its challenge window closed (Evaluation's <c>AwardConfirmed</c>). Like <see cref="Fail"/>, only
    /// a tender still evaluating (or closed) moves.
    /// </summary>
    /// <param name="agencyName">The winner's name, for the status change's reason.</param>
    /// <returns>Whether the status changed.</returns>
    public bool Award(Guid bidId, Guid agencyId, string agencyName, decimal amount, DateTimeOffset confirmedAt)
    {
        if (Status is not (TenderStatus.BiddingClosed or TenderStatus.Evaluating))
        {
            return false;
        }

        var from = Status;
        Status = TenderStatus.Awarded;
        AwardedBidId = bidId;
        AwardedAgencyId = agencyId;
        AwardedAmount = amount;
        DecidedAt = confirmedAt;
        Version++;
        _events.Record(new TenderStatusChanged(Id, from.ToString(), Status.ToString(), $"Awarded to {agencyName} for {amount:0.00} CNY", confirmedAt));
        return true;
    }

    /// <summary>The statuses a tender may be cancelled from: any before award or failure.</summary>
    public static IReadOnlyList<TenderStatus> CancellableStatuses { get; } =
        [TenderStatus.Draft, TenderStatus.Published, TenderStatus.BiddingClosed, TenderStatus.Evaluating];

    /// <summary>Cancels the tender before award, with a reason bidders and auditors can read.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (!CancellableStatuses.Contains(Status))
        {
            throw new ConflictException("tender_not_cancellable", Status);
        }

        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new RuleViolationException("cancellation_reason_required", "reason");
        }

        Status = TenderStatus.Cancelled;
        CancellationReason = text;
        CancelledAt = now;
        Version++;
        _events.Record(new TenderCancelled(Id, text, now));
    }

    private static void EnsureDeadlineBeforeService(DateTimeOffset bidDeadline, DateOnly serviceStart)
    {
        // The service must not start before bidding has even closed — on the Beijing calendar, where both are read.
        if (bidDeadline.ShanghaiDate() >= serviceStart)
        {
            throw new RuleViolationException("bid_deadline_after_service_start", "bidDeadline", bidDeadline, serviceStart);
        }
    }
}
