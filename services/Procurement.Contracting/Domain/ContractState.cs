namespace Procurement.Contracting.Domain;

/// <summary>The states of a contract (DOMAIN.md §7).</summary>
public enum ContractState
{
    Draft,
    PendingSignature,
    Active,
    Suspended,
    Expiring,
    Completed,
    Renewed,
    Terminated,
}

/// <summary>What can happen to a contract; each firing is one <c>ContractStateChanged</c> event.</summary>
public enum ContractTrigger
{
    Sign,
    Activate,
    Amend,
    Suspend,
    Resume,
    EnterRenewalWindow,
    Renew,
    ExtendBridge,
    Terminate,
    Complete,
    SetPaymentTerm,
    Postpone,
}

/// <summary>The two parties of a contract.</summary>
public enum ContractParty
{
    Purchaser,
    Agency,
}

/// <summary>Why the terms changed (OCDS-like amendment rationale codes).</summary>
public static class AmendmentReasons
{
    public const string DurationExtension = "durationExtension";
    public const string FiscalYearExtension = "fiscalYearExtension";
    public const string AmountChange = "amountChange";
    public const string ScopeChange = "scopeChange";
    public const string Other = "other";

    /// <summary>Not an amendment: the reason of a draft's terms version that agreed another payment term before anyone signed.</summary>
    public const string PaymentTerm = "paymentTerm";

    public static IReadOnlyList<string> All { get; } = [DurationExtension, FiscalYearExtension, AmountChange, ScopeChange, Other];
}

/// <summary>An indicator the contract carries.</summary>
public sealed record ContractKpi(string Name, string Unit, decimal Target);

/// <summary>One instalment of the payment schedule: a percent of the amount, due when its condition is met.</summary>
public sealed record ContractInstalment(decimal Percent, string Condition);
