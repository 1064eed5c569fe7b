using System.Globalization;

namespace Procurement.Disbursement.Domain;

/// <summary>Why money moved; every movement is exactly two ledger lines.</summary>
public enum MovementKind
{
    /// <summary>An appropriation was granted or raised: budget authority → appropriation.</summary>
    Appropriate,

    /// <summary>An appropriation was lowered: appropriation → budget authority.</summary>
    Deappropriate,

    /// <summary>The purchaser approved an instalment: appropriation → commitment.</summary>
    Commit,

    /// <summary>An approved instalment was rejected or withheld, or moved to another year: commitment → appropriation.</summary>
    Uncommit,

    /// <summary>Treasury released an instalment: commitment → payable to the agency.</summary>
    Release,

    /// <summary>The bank confirmed the payment: payable → paid to the agency.</summary>
    Pay,
}

/// <summary>
/// The accounts of the disbursement ledger. Money is tracked as in a fund (budgetary) ledger: a movement
/// debits the account the money goes to and credits the one it comes from, for the same amount.
/// <list type="bullet">
/// <item><c>budget:{purchaser}:{program}:{year}</c> — the finance bureau's grant; its credit balance is the appropriation.</item>
/// <item><c>appropriation:{purchaser}:{program}:{year}</c> — the appropriation not yet committed (available); never negative.</item>
/// <item><c>commitment:{contract}</c> — approved instalments not yet released; never negative.</item>
/// <item><c>payable:{agency}</c> — released by treasury, awaiting the bank's confirmation; never negative.</item>
/// <item><c>paid:{agency}</c> — cash that reached the agency; only ever debited.</item>
/// </list>
/// Every line also carries the purchaser, program, fiscal year, contract, agency and instalment it concerns,
/// so every figure of the reports is a sum over lines. Nothing stores a balance.
/// </summary>
public static class Accounts
{
    public static string Budget(Guid purchaser, Guid program, int year) => $"budget:{purchaser:N}:{program:N}:{Year(year)}";

    public static string Appropriation(Guid purchaser, Guid program, int year) => $"appropriation:{purchaser:N}:{program:N}:{Year(year)}";

    public static string Commitment(Guid contract) => $"commitment:{contract:N}";

    public static string Payable(Guid agency) => $"payable:{agency:N}";

    public static string Paid(Guid agency) => $"paid:{agency:N}";

    /// <summary>The accounts whose balance (debits − credits) must never go below zero.</summary>
    public static bool MustNotGoNegative(string account) =>
        account.StartsWith("appropriation:", StringComparison.Ordinal)
        || account.StartsWith("commitment:", StringComparison.Ordinal)
        || account.StartsWith("payable:", StringComparison.Ordinal)
        || account.StartsWith("paid:", StringComparison.Ordinal);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a movement concerns; copied onto both its lines.</summary>
public sealed record LedgerDimensions(
    Guid PurchasingUnitId, Guid ProgramId, int FiscalYear, Guid? ContractId = null, Guid? AgencyId = null, Guid? InstalmentId = null);

/// <summary>
/// One line of the immutable double-entry ledger. Lines are only ever added (the context refuses to update or
/// delete one); a correction is a new movement the other way.
/// </summary>
public sealed class LedgerLine
{
    private LedgerLine()
    {
    }

    public long Id { get; private set; }

    /// <summary>The movement both lines belong to.</summary>
    public Guid MovementId { get; private set; }

    public MovementKind Kind { get; private set; }

    public string Account { get; private set; } = "";

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public Guid ProgramId { get; private set; }

    public int FiscalYear { get; private set; }

    public Guid? ContractId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public Guid? InstalmentId { get; private set; }

    public string? ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static LedgerLine Create(
        Guid movementId, MovementKind kind, string account, decimal debit, decimal credit, LedgerDimensions on, string? actorId, DateTimeOffset at) => new()
    {
        MovementId = movementId,
        Kind = kind,
        Account = account,
        Debit = debit,
        Credit = credit,
        PurchasingUnitId = on.PurchasingUnitId,
        ProgramId = on.ProgramId,
        FiscalYear = on.FiscalYear,
        ContractId = on.ContractId,
        AgencyId = on.AgencyId,
        InstalmentId = on.InstalmentId,
        ActorId = actorId,
        At = at,
    };
}

/// <summary>A movement of money: one debit line and one credit line of the same amount, or nothing at all.</summary>
public sealed record LedgerMovement(LedgerLine DebitLine, LedgerLine CreditLine)
{
    public static LedgerMovement Of(
        MovementKind kind, string debitAccount, string creditAccount, decimal amount, LedgerDimensions on, string? actorId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(on);
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A movement is a positive amount of CNY with at most two decimals.");
        }

        if (debitAccount == creditAccount)
        {
            throw new ArgumentException("A movement goes from one account to another.", nameof(creditAccount));
        }

        var id = Guid.CreateVersion7();
        return new LedgerMovement(
            LedgerLine.Create(id, kind, debitAccount, amount, 0m, on, actorId, at),
            LedgerLine.Create(id, kind, creditAccount, 0m, amount, on, actorId, at));
    }

    public IEnumerable<LedgerLine> Lines => [DebitLine, CreditLine];

    public decimal Amount => DebitLine.Debit;
}

/// <summary>Balances derived from lines (debits − credits per account), and the ledger's invariants.</summary>
public sealed class LedgerBalances
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);

    public decimal TotalDebits { get; private set; }

    public decimal TotalCredits { get; private set; }

    public static LedgerBalances Of(IEnumerable<LedgerLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var balances = new LedgerBalances();
        foreach (var line in lines)
        {
            balances.Add(line);
        }

        return balances;
    }

    public void Add(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _balances[line.Account] = Balance(line.Account) + line.Debit - line.Credit;
        TotalDebits += line.Debit;
        TotalCredits += line.Credit;
    }

    public decimal Balance(string account) => _balances.GetValueOrDefault(account);

    public IReadOnlyDictionary<string, decimal> All => _balances;

    /// <summary>Every broken invariant: debits ≠ credits, or an account that must not go negative below zero.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        if (TotalDebits != TotalCredits)
        {
            violations.Add($"debits {TotalDebits} ≠ credits {TotalCredits}");
        }

        violations.AddRange(_balances
            .Where(b => Accounts.MustNotGoNegative(b.Key) && b.Value < 0)
            .Select(b => $"{b.Key} is negative ({b.Value})"));
        return violations;
    }
}
