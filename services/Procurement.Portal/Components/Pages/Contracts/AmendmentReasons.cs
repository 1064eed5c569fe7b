using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>
/// The amendment reason codes Contracting accepts (<c>AmendmentReasons.All</c>) and which of the terms each lets the
/// form change: a duration or fiscal-year extension moves the end, an amount change the amount, a scope change or any
/// other reason both. The API accepts any part with any code; the form offers only the parts that fit the reason.
/// </summary>
public static class AmendmentReasons
{
    public const string DurationExtension = "durationExtension";
    public const string FiscalYearExtension = "fiscalYearExtension";
    public const string AmountChange = "amountChange";
    public const string ScopeChange = "scopeChange";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [DurationExtension, FiscalYearExtension, AmountChange, ScopeChange, Other];

    /// <summary>Whether the reason lets the amount change.</summary>
    public static bool ChangesAmount(string? code) => code is AmountChange or ScopeChange or Other;

    /// <summary>Whether the reason lets the end date move.</summary>
    public static bool ChangesEnd(string? code) => code is DurationExtension or FiscalYearExtension or ScopeChange or Other;
}

/// <summary>What the purchaser types into the amendment form.</summary>
public sealed class AmendmentDraft
{
    public string? ReasonCode { get; set; }

    public string? Text { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? End { get; set; }

    /// <summary>The request: only the parts the reason lets change are sent (a part hidden by a new reason is not).</summary>
    public AmendContractRequest ToRequest() => new()
    {
        ReasonCode = ReasonCode,
        Text = Text,
        Amount = AmendmentReasons.ChangesAmount(ReasonCode) ? Amount : null,
        End = AmendmentReasons.ChangesEnd(ReasonCode) ? End : null,
    };
}
