namespace Procurement.Disbursement.Domain;

/// <summary>
/// A purchaser's appropriation for one program and fiscal year, as a concurrency guard only: it holds no amount
/// (the amount is the ledger's balance) but a version every change of the appropriation's balance bumps, so two
/// approvals racing for the last yuan of it cannot both pass the limit.
/// </summary>
public sealed class BudgetLine
{
    private BudgetLine()
    {
    }

    public Guid PurchasingUnitId { get; private set; }

    public Guid ProgramId { get; private set; }

    public int FiscalYear { get; private set; }

    public int Version { get; private set; }

    public static BudgetLine Open(Guid purchasingUnitId, Guid programId, int fiscalYear) =>
        new() { PurchasingUnitId = purchasingUnitId, ProgramId = programId, FiscalYear = fiscalYear, Version = 1 };

    public void Touch() => Version++;
}

/// <summary>
/// The first successful answer to a request carrying an <c>Idempotency-Key</c>: saved in the same transaction as
/// the step it answers, so the same key sent again moves no money and gets the same answer back.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public string Key { get; private set; } = "";

    /// <summary>What the key was used for, e.g. <c>release:{instalmentId}</c>; another use of the key is refused.</summary>
    public string Operation { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public int StatusCode { get; private set; }

    public string Response { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public static IdempotencyRecord Answered(string key, string operation, string userId, int statusCode, string response, DateTimeOffset at) =>
        new() { Key = key, Operation = operation, UserId = userId, StatusCode = statusCode, Response = response, At = at };
}
