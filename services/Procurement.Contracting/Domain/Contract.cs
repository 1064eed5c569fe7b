using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Domain;

/// <summary>
/// A contract (合同) between a purchasing unit and an agency, drafted from an award or as a renewal's successor
/// (DOMAIN.md §7). Its state lives in <see cref="State"/> (persisted); the Stateless machine that guards every
/// change is built on it per instance (see <c>Contract.Lifecycle.cs</c>). Each intent method checks the machine,
/// checks its own numbers, fires the trigger and records one <see cref="ContractActivity"/>, from which the
/// integration events are raised.
/// </summary>
public sealed partial class Contract
{
    private readonly List<ContractTermsVersion> _versions = [];
    private readonly List<ContractActivity> _activities = [];
    private readonly List<ContractEvaluation> _evaluations = [];
    private readonly List<ContractActivity> _unpublished = [];

    private Contract()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The tender it was awarded through; null for a direct renewal.</summary>
    public Guid? TenderId { get; private set; }

    public Guid? AwardId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; } = "";

    /// <summary>The bid whose staffing plan the contract commits (a successor carries its predecessor's).</summary>
    public Guid? BidId { get; private set; }

    public ContractState State { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public IReadOnlyList<ContractKpi> Kpis { get; private set; } = [];

    public IReadOnlyList<ContractInstalment> PaymentSchedule { get; private set; } = [];

    /// <summary>Days within which an instalment is paid once due (DOMAIN.md §9): 30 unless the parties agreed up to 60.</summary>
    public int PaymentTermDays { get; private set; }

    /// <summary>The number of the terms in force; 1 is the terms as drafted and signed.</summary>
    public int TermsVersion { get; private set; }

    public DateTimeOffset? PurchaserSignedAt { get; private set; }

    public Guid? PurchaserSignedBy { get; private set; }

    public DateTimeOffset? AgencySignedAt { get; private set; }

    public Guid? AgencySignedBy { get; private set; }

    public Guid? PredecessorId { get; private set; }

    public Guid? SuccessorId { get; private set; }

    /// <summary>When the renewal's successor was signed by both parties; until then a bridge may extend a renewed contract.</summary>
    public DateTimeOffset? SuccessorSignedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>For a termination, the amount paid so far as the purchaser stated it (Disbursement does not report it yet).</summary>
    public decimal? AmountPaid { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Checked on every update: a lost race answers 409.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ContractTermsVersion> Versions => _versions;

    public IReadOnlyList<ContractActivity> Activities => _activities;

    public IReadOnlyList<ContractEvaluation> Evaluations => _evaluations;

    public bool BothSigned => PurchaserSignedAt is not null && AgencySignedAt is not null;

    public bool HasSigned(ContractParty party) =>
        (party == ContractParty.Purchaser ? PurchaserSignedAt : AgencySignedAt) is not null;

    /// <summary>The latest final evaluation passed (a later failing one takes its place).</summary>
    public bool FinalEvaluationPassed => _evaluations.Any(e => e.Stage == ContractEvaluation.Final && e.Passed);

    /// <summary>Which party an organisation is in this contract, if any.</summary>
    public ContractParty? PartyOf(Guid organisationId) =>
        organisationId == PurchasingUnitId ? ContractParty.Purchaser
        : organisationId == AgencyId ? ContractParty.Agency
        : null;

    /// <summary>Drafts a contract; its terms are version 1.</summary>
    public static Contract Draft(ContractDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        CheckAmount(draft.Amount, "amount");
        CheckPeriod(draft.Start, draft.End);
        var contract = new Contract
        {
            Id = draft.Id ?? Guid.CreateVersion7(),
            TenderId = draft.TenderId,
            AwardId = draft.AwardId,
            ProgramId = draft.ProgramId,
            PurchasingUnitId = draft.PurchasingUnitId,
            AgencyId = draft.AgencyId,
            AgencyName = draft.AgencyName,
            BidId = draft.BidId,
            State = ContractState.Draft,
            Amount = draft.Amount,
            Start = draft.Start,
            End = draft.End,
            Kpis = [.. draft.Kpis],
            PaymentSchedule = [.. draft.PaymentSchedule],
            PaymentTermDays = draft.PaymentTermDays ?? ContractRules.Default.DefaultPaymentTermDays,
            PredecessorId = draft.PredecessorId,
            CreatedAt = now,
        };
        contract.AddVersion(reasonCode: null, text: null, bridgeMonths: null, actor: null, now);
        contract.Record(trigger: null, ContractState.Draft, reason: null, actor: null, party: null, now);
        return contract;
    }

    /// <summary>A party signs. The first signature issues the draft for signature (Draft → PendingSignature).</summary>
    public void Sign(ContractParty party, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Sign, rules, now, party);
        if (HasSigned(party))
        {
            throw Refusal(ContractCodes.AlreadySigned, ContractTrigger.Sign, rules, now, party, includeAllowedInText: false);
        }

        Machine.Fire(_sign!, party);
        if (party == ContractParty.Purchaser)
        {
            PurchaserSignedAt = now;
            PurchaserSignedBy = actor;
        }
        else
        {
            AgencySignedAt = now;
            AgencySignedBy = actor;
        }

        Record(ContractTrigger.Sign, from, reason: null, actor, party, now);
    }

    /// <summary>
    /// The purchaser agrees another payment term while nobody has signed (afterwards the machine refuses: 409). The
    /// draft's terms get a new version with reason <see cref="AmendmentReasons.PaymentTerm"/>.
    /// </summary>
    public void SetPaymentTerm(int days, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var from = Begin(ContractTrigger.SetPaymentTerm, rules, now, ContractParty.Purchaser);
        rules.CheckPaymentTerm(days);
        Machine.Fire(_setPaymentTerm!, days);
        PaymentTermDays = days;
        var text = $"Payment term {days} days";
        AddVersion(AmendmentReasons.PaymentTerm, text, bridgeMonths: null, actor, now);
        Record(ContractTrigger.SetPaymentTerm, from, text, actor, ContractParty.Purchaser, now);
    }

    /// <summary>The clock activates a contract both parties signed, on its start date.</summary>
    public void Activate(ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Activate, rules, now, party: null);
        Machine.Fire(ContractTrigger.Activate);
        ActivatedAt = now;
        Record(ContractTrigger.Activate, from, reason: null, actor: null, party: null, now);
    }

    /// <summary>The clock marks a contract that has reached its renewal lead time.</summary>
    public void EnterRenewalWindow(ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.EnterRenewalWindow, rules, now, party: null);
        Machine.Fire(ContractTrigger.EnterRenewalWindow);
        Record(ContractTrigger.EnterRenewalWindow, from, reason: null, actor: null, party: null, now);
    }

    /// <summary>
    /// Changes the terms: a new version with its reason code and text. A later end stays within the three-year cap
    /// of consecutive service counted from <paramref name="consecutiveSince"/>.
    /// </summary>
    public void Amend(ContractChange change, DateOnly consecutiveSince, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(rules);
        var from = Begin(ContractTrigger.Amend, rules, now, ContractParty.Purchaser);
        if (!AmendmentReasons.All.Contains(change.ReasonCode))
        {
            throw new RulesBrokenException([new FieldError("reasonCode", "one_of", ["reasonCode", string.Join(", ", AmendmentReasons.All)])]);
        }

        RequireReason(change.Text, ContractTrigger.Amend);
        var amount = change.Amount ?? Amount;
        var end = change.End ?? End;
        var kpis = change.Kpis ?? Kpis;
        if (amount == Amount && end == End && kpis.SequenceEqual(Kpis))
        {
            throw new RuleViolationException(ContractCodes.AmendmentChangesNothing);
        }

        CheckAmount(amount, "amount");
        CheckPeriod(Start, end);
        if (end > End)
        {
            rules.CheckCap(consecutiveSince, end, "end");
        }

        Machine.Fire(_amend!, change);
        Amount = amount;
        End = end;
        Kpis = [.. kpis];
        AddVersion(change.ReasonCode, change.Text.Trim(), bridgeMonths: null, actor, now);
        Record(ContractTrigger.Amend, from, change.Text.Trim(), actor, ContractParty.Purchaser, now);
    }

    /// <summary>
    /// A bridge extension (过渡期延续): the end moves out by whole months at the monthly rate of the terms in force,
    /// recorded as an amendment with reason <c>durationExtension</c>.
    /// </summary>
    public void ExtendBridge(int months, string? text, DateOnly consecutiveSince, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var from = Begin(ContractTrigger.ExtendBridge, rules, now, ContractParty.Purchaser);
        rules.CheckBridgeMonths(months);
        var end = End.AddDays(1).AddMonths(months).AddDays(-1);
        rules.CheckCap(consecutiveSince, end, "months");
        var rate = rules.MonthlyRate(Amount, Start, End);
        var reason = string.IsNullOrWhiteSpace(text) ? $"Bridge extension of {months} month(s) at {rate:0.00} per month" : text.Trim();

        Machine.Fire(_extendBridge!, months);
        Amount += rate * months;
        End = end;
        AddVersion(AmendmentReasons.DurationExtension, reason, months, actor, now);
        Record(ContractTrigger.ExtendBridge, from, reason, actor, ContractParty.Purchaser, now);
    }

    public void Suspend(string reason, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Suspend, rules, now, ContractParty.Purchaser);
        RequireReason(reason, ContractTrigger.Suspend);
        Machine.Fire(_suspend!, reason);
        SuspensionReason = reason.Trim();
        Record(ContractTrigger.Suspend, from, SuspensionReason, actor, ContractParty.Purchaser, now);
    }

    public void Resume(Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Resume, rules, now, ContractParty.Purchaser);
        Machine.Fire(ContractTrigger.Resume);
        SuspensionReason = null;
        Record(ContractTrigger.Resume, from, reason: null, actor, ContractParty.Purchaser, now);
    }

    /// <summary>Ends the contract early, with a reason and the amount paid so far.</summary>
    public void Terminate(string reason, decimal amountPaid, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Terminate, rules, now, ContractParty.Purchaser);
        RequireReason(reason, ContractTrigger.Terminate);
        if (amountPaid < 0 || decimal.Round(amountPaid, 2) != amountPaid)
        {
            throw new RuleViolationException(ContractCodes.AmountInvalid, "amountPaid", amountPaid);
        }

        if (amountPaid > Amount)
        {
            throw new RuleViolationException(ContractCodes.AmountPaidAboveAmount, "amountPaid", amountPaid, Amount);
        }

        Machine.Fire(_terminate!, reason);
        TerminationReason = reason.Trim();
        AmountPaid = amountPaid;
        EndedAt = now;
        Record(ContractTrigger.Terminate, from, TerminationReason, actor, ContractParty.Purchaser, now);
    }

    /// <summary>Completes the contract; the machine asks for a passing final performance evaluation.</summary>
    public void Complete(Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        var from = Begin(ContractTrigger.Complete, rules, now, ContractParty.Purchaser);
        Machine.Fire(ContractTrigger.Complete);
        EndedAt = now;
        Record(ContractTrigger.Complete, from, reason: null, actor, ContractParty.Purchaser, now);
    }

    /// <summary>
    /// Renews the contract: drafts the successor to start the day after this one ends, to
    /// <paramref name="successorEnd"/> at <paramref name="successorAmount"/>, with the same parties, KPIs, payment
    /// schedule, payment term and bid; links the two; and keeps the program within the three-year cap with this agency.
    /// </summary>
    public Contract Renew(
        DateOnly successorEnd, decimal successorAmount, DateOnly consecutiveSince, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var from = Begin(ContractTrigger.Renew, rules, now, ContractParty.Purchaser);
        var successorStart = End.AddDays(1);
        CheckAmount(successorAmount, "amount");
        CheckPeriod(successorStart, successorEnd);
        rules.CheckCap(consecutiveSince, successorEnd, "end");

        var successor = Draft(
            new ContractDraft(
                ProgramId, PurchasingUnitId, AgencyId, AgencyName, BidId, successorAmount, successorStart, successorEnd, Kpis, PaymentSchedule,
                TenderId: null, AwardId: null, PredecessorId: Id, Id: Guid.CreateVersion7(), PaymentTermDays: PaymentTermDays),
            now);
        Machine.Fire(_renew!, successor.Id);
        SuccessorId = successor.Id;
        Record(ContractTrigger.Renew, from, reason: null, actor, ContractParty.Purchaser, now);
        return successor;
    }

    /// <summary>
    /// Moves a successor that is not yet signed by both parties out by <paramref name="months"/> whole months, start and
    /// end alike, because its predecessor was bridged by as many (DOMAIN.md §2): the same length and amount, starting the
    /// day after the predecessor's new end. A half-signed successor returns to <c>Draft</c>: the signature given to the
    /// old period is withdrawn and both sign the new one. The new end stays within the consecutive cap.
    /// </summary>
    public void Postpone(int months, DateOnly consecutiveSince, Guid? actor, ContractRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var from = Begin(ContractTrigger.Postpone, rules, now, ContractParty.Purchaser);
        rules.CheckBridgeMonths(months);
        var start = Start.AddMonths(months);
        var end = End.AddDays(1).AddMonths(months).AddDays(-1);
        rules.CheckCap(consecutiveSince, end, "months");

        Machine.Fire(_postpone!, months);
        Start = start;
        End = end;
        PurchaserSignedAt = null;
        PurchaserSignedBy = null;
        AgencySignedAt = null;
        AgencySignedBy = null;
        var text = $"Postponed by {months} month(s): the predecessor was bridged; service from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}";
        AddVersion(AmendmentReasons.DurationExtension, text, bridgeMonths: null, actor, now);
        Record(ContractTrigger.Postpone, from, text, actor, ContractParty.Purchaser, now);
    }

    /// <summary>Notes that the renewal's successor is signed by both parties: from now on no bridge extends this contract.</summary>
    public void SuccessorSigned(DateTimeOffset now) => SuccessorSignedAt ??= now;

    /// <summary>Keeps the latest performance grade per stage (a redelivered or older evaluation changes nothing).</summary>
    public void RecordEvaluation(Guid evaluationId, string stage, decimal score, string grade, bool passed, DateTimeOffset evaluatedAt)
    {
        var existing = _evaluations.FirstOrDefault(e => e.Stage == stage);
        if (existing is null)
        {
            _evaluations.Add(new ContractEvaluation(Id, stage, evaluationId, score, grade, passed, evaluatedAt));
        }
        else if (evaluatedAt >= existing.EvaluatedAt)
        {
            existing.Replace(evaluationId, score, grade, passed, evaluatedAt);
        }
    }

    /// <summary>The activities recorded since the last call, for the outbox; each is raised once.</summary>
    public IReadOnlyList<ContractActivity> TakeUnpublished()
    {
        var taken = _unpublished.ToList();
        _unpublished.Clear();
        return taken;
    }

    internal static void CheckAmount(decimal amount, string field)
    {
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new RuleViolationException(ContractCodes.AmountInvalid, field, amount);
        }
    }

    internal static void CheckPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new RuleViolationException(ContractCodes.EndBeforeStart, "end", start, end);
        }
    }

    private static void RequireReason(string? reason, ContractTrigger trigger)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(ContractCodes.ReasonRequired, "reason", trigger.ToString());
        }
    }

    private static string PartyName(ContractParty party) =>
        ProblemMessages.Get(party == ContractParty.Purchaser ? "contract_party_purchaser" : "contract_party_agency");

    private void AddVersion(string? reasonCode, string? text, int? bridgeMonths, Guid? actor, DateTimeOffset now)
    {
        TermsVersion = _versions.Count + 1;
        _versions.Add(new ContractTermsVersion(
            Id, TermsVersion, Amount, Start, End, Kpis, PaymentSchedule, PaymentTermDays, reasonCode, text, bridgeMonths, actor, now));
    }

    private void Record(ContractTrigger? trigger, ContractState from, string? reason, Guid? actor, ContractParty? party, DateTimeOffset now)
    {
        var activity = new ContractActivity(Id, _activities.Count + 1, trigger, from, State, reason, actor, party, TermsVersion, now);
        _activities.Add(activity);
        _unpublished.Add(activity);
        Version++;
    }
}

/// <summary>What a contract is drafted from; without a payment term, the national default (30 days).</summary>
public sealed record ContractDraft(
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    string AgencyName,
    Guid? BidId,
    decimal Amount,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<ContractKpi> Kpis,
    IReadOnlyList<ContractInstalment> PaymentSchedule,
    Guid? TenderId,
    Guid? AwardId,
    Guid? PredecessorId,
    Guid? Id = null,
    int? PaymentTermDays = null);

/// <summary>An amendment: the parts left null stay as they are.</summary>
public sealed record ContractChange(string ReasonCode, string Text, decimal? Amount = null, DateOnly? End = null, IReadOnlyList<ContractKpi>? Kpis = null);
