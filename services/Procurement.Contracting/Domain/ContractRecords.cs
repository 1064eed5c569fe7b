namespace Procurement.Contracting.Domain;

/// <summary>One version of a contract's terms: version 1 as drafted, then one per payment term agreed in draft, amendment or bridge extension.</summary>
public sealed class ContractTermsVersion
{
    private ContractTermsVersion()
    {
    }

    internal ContractTermsVersion(
        Guid contractId, int number, decimal amount, DateOnly start, DateOnly end, IReadOnlyList<ContractKpi> kpis,
        IReadOnlyList<ContractInstalment> paymentSchedule, int paymentTermDays, string? reasonCode, string? text, int? bridgeMonths, Guid? actorId, DateTimeOffset createdAt)
    {
        ContractId = contractId;
        Number = number;
        Amount = amount;
        Start = start;
        End = end;
        Kpis = [.. kpis];
        PaymentSchedule = [.. paymentSchedule];
        PaymentTermDays = paymentTermDays;
        ReasonCode = reasonCode;
        Text = text;
        BridgeMonths = bridgeMonths;
        ActorId = actorId;
        CreatedAt = createdAt;
    }

    public Guid ContractId { get; private set; }

    public int Number { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public IReadOnlyList<ContractKpi> Kpis { get; private set; } = [];

    public IReadOnlyList<ContractInstalment> PaymentSchedule { get; private set; } = [];

    /// <summary>Days within which an instalment is paid once due.</summary>
    public int PaymentTermDays { get; private set; }

    /// <summary>Null for version 1; otherwise one of <see cref="AmendmentReasons.All"/>, or <see cref="AmendmentReasons.PaymentTerm"/> for a draft's payment term.</summary>
    public string? ReasonCode { get; private set; }

    public string? Text { get; private set; }

    /// <summary>For a bridge extension, the months it added.</summary>
    public int? BridgeMonths { get; private set; }

    public Guid? ActorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// One entry of a contract's history, readable by both parties: the drafting, then every trigger fired (a
/// signature and an amendment included), who fired it (null: the clock) and the reason given.
/// </summary>
public sealed class ContractActivity
{
    private ContractActivity()
    {
    }

    internal ContractActivity(
        Guid contractId, int sequence, ContractTrigger? trigger, ContractState from, ContractState to, string? reason, Guid? actorId,
        ContractParty? party, int termsVersion, DateTimeOffset occurredAt)
    {
        ContractId = contractId;
        Sequence = sequence;
        Trigger = trigger;
        From = from;
        To = to;
        Reason = reason;
        ActorId = actorId;
        Party = party;
        TermsVersion = termsVersion;
        OccurredAt = occurredAt;
    }

    public Guid ContractId { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>Null for the drafting, which is not a transition.</summary>
    public ContractTrigger? Trigger { get; private set; }

    public ContractState From { get; private set; }

    public ContractState To { get; private set; }

    public string? Reason { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary>The party that acted; null for the clock and the drafting.</summary>
    public ContractParty? Party { get; private set; }

    /// <summary>The terms version in force after the entry.</summary>
    public int TermsVersion { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
}

/// <summary>The latest performance grade of one stage (<c>MidTerm</c> or <c>Final</c>) of a contract.</summary>
public sealed class ContractEvaluation
{
    public const string MidTerm = "MidTerm";
    public const string Final = "Final";

    private ContractEvaluation()
    {
    }

    internal ContractEvaluation(Guid contractId, string stage, Guid evaluationId, decimal score, string grade, bool passed, DateTimeOffset evaluatedAt)
    {
        ContractId = contractId;
        Stage = stage;
        Replace(evaluationId, score, grade, passed, evaluatedAt);
    }

    public Guid ContractId { get; private set; }

    public string Stage { get; private set; } = "";

    public Guid EvaluationId { get; private set; }

    public decimal Score { get; private set; }

    public string Grade { get; private set; } = "";

    public bool Passed { get; private set; }

    public DateTimeOffset EvaluatedAt { get; private set; }

    internal void Replace(Guid evaluationId, decimal score, string grade, bool passed, DateTimeOffset evaluatedAt)
    {
        EvaluationId = evaluationId;
        Score = score;
        Grade = grade;
        Passed = passed;
        EvaluatedAt = evaluatedAt;
    }
}
