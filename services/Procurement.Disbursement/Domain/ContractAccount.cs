namespace Procurement.Disbursement.Domain;

/// <summary>
/// Disbursement's own copy of a contract, from Contracting's events: the parties, the amount (the first limit)
/// and the period. It holds no money: what was paid is read from the ledger.
/// </summary>
public sealed class ContractAccount
{
    private ContractAccount()
    {
    }

    public Guid ContractId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public Guid AgencyId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    /// <summary>Days an instalment may take from falling due to payment, as the contract agreed (30 unless agreed otherwise).</summary>
    public int PaymentTermDays { get; private set; }

    /// <summary>When the contract became active; null while a successor opened at signing has not started yet.</summary>
    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>
    /// When both parties signed, for a successor whose instalments were scheduled at signing (cash before service,
    /// DOMAIN.md §2); null for a contract opened at activation.
    /// </summary>
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary><c>Completed</c> or <c>Terminated</c> once the contract ended: nothing more falls due.</summary>
    public string? EndedOutcome { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why no instalments could be scheduled (a schedule that breaks §9), for people to read; null when scheduled.</summary>
    public string? ScheduleProblem { get; private set; }

    /// <summary>Optimistic concurrency: every approval against the contract bumps it, so two cannot both pass the limit.</summary>
    public int Version { get; private set; }

    public bool HasEnded => EndedOutcome is not null;

    public static ContractAccount Activated(
        Guid contractId, Guid programId, Guid purchasingUnitId, Guid agencyId, decimal amount, DateOnly start, DateOnly end,
        int paymentTermDays, DateTimeOffset activatedAt)
    {
        var account = Open(contractId, programId, purchasingUnitId, agencyId, amount, start, end, paymentTermDays);
        account.ActivatedAt = activatedAt;
        return account;
    }

    /// <summary>A successor's account, opened when both parties signed so that its advance is paid before it starts.</summary>
    public static ContractAccount Signed(
        Guid contractId, Guid programId, Guid purchasingUnitId, Guid agencyId, decimal amount, DateOnly start, DateOnly end,
        int paymentTermDays, DateTimeOffset signedAt)
    {
        var account = Open(contractId, programId, purchasingUnitId, agencyId, amount, start, end, paymentTermDays);
        account.SignedAt = signedAt;
        return account;
    }

    /// <summary>
    /// The contract became active. Its terms are those signed (Contracting changes none between the signature and the
    /// activation), and its instalments were scheduled at signing: only the moment is recorded, once.
    /// </summary>
    public void RecordActivation(DateTimeOffset at) => ActivatedAt ??= at;

    public void RefuseSchedule(string problem) => ScheduleProblem = problem;

    /// <summary>New terms; answers the end before them (a bridge extension starts the day after it).</summary>
    public DateOnly Amend(decimal amount, DateOnly end)
    {
        var previousEnd = End;
        Amount = amount;
        End = end;
        Version++;
        return previousEnd;
    }

    public void Ended(string outcome, DateTimeOffset at)
    {
        EndedOutcome = outcome;
        EndedAt = at;
        Version++;
    }

    /// <summary>Marks that money was engaged against the contract, so a concurrent approval loses the race.</summary>
    public void Touch() => Version++;

    private static ContractAccount Open(
        Guid contractId, Guid programId, Guid purchasingUnitId, Guid agencyId, decimal amount, DateOnly start, DateOnly end, int paymentTermDays) => new()
    {
        ContractId = contractId,
        ProgramId = programId,
        PurchasingUnitId = purchasingUnitId,
        AgencyId = agencyId,
        Amount = amount,
        Start = start,
        End = end,
        PaymentTermDays = paymentTermDays,
        Version = 1,
    };

    /// <summary>Where this contract's money movements are booked.</summary>
    public LedgerDimensions Dimensions(int fiscalYear, Guid instalmentId) =>
        new(PurchasingUnitId, ProgramId, fiscalYear, ContractId, AgencyId, instalmentId);
}
