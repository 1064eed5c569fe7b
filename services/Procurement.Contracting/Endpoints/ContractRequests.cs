using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Contracting.Endpoints;

public sealed record KpiBody(string? Name, string? Unit, decimal? Target);

/// <summary>
/// An amendment: a reason code (<c>durationExtension</c>, <c>fiscalYearExtension</c>, <c>amountChange</c>,
/// <c>scopeChange</c> or <c>other</c>), the reason as text, and at least one of the new amount, the new end date and
/// the new KPIs (the parts left out stay as they are).
/// </summary>
public sealed record AmendContractRequest(string? ReasonCode, string? Text, decimal? Amount = null, DateOnly? End = null, IReadOnlyList<KpiBody>? Kpis = null)
{
    public const int TextMaxLength = 2000;

    public ContractChange Validate()
    {
        var errors = new FieldErrors().Required("reasonCode", ReasonCode, 40).Required("text", Text, TextMaxLength);
        if (ReasonCode is not null && !AmendmentReasons.All.Contains(ReasonCode))
        {
            errors.Add("reasonCode", "one_of", string.Join(", ", AmendmentReasons.All));
        }

        if (Amount is not null)
        {
            errors.Money("amount", Amount);
        }

        for (var i = 0; i < (Kpis?.Count ?? 0); i++)
        {
            errors.Required($"kpis[{i}].name", Kpis![i].Name).Required($"kpis[{i}].unit", Kpis[i].Unit, 40);
            if (Kpis[i].Target is not > 0)
            {
                errors.Add($"kpis[{i}].target", "positive");
            }
        }

        if (Amount is null && End is null && Kpis is null)
        {
            errors.Add("body", "required");
        }

        errors.ThrowIfAny();
        return new ContractChange(ReasonCode!, Text!, Amount, End, Kpis?.Select(k => new ContractKpi(k.Name!.Trim(), k.Unit!.Trim(), k.Target!.Value)).ToList());
    }
}

/// <summary>A bridge extension (过渡期延续) of <c>months</c> (1 to 3 by default) at the same monthly rate; <c>text</c> is optional.</summary>
public sealed record BridgeExtensionRequest(int? Months, string? Text = null)
{
    public void Validate()
    {
        var errors = new FieldErrors().Required("months", Months);
        if (Text is { Length: > AmendContractRequest.TextMaxLength })
        {
            errors.Add("text", "max_length", AmendContractRequest.TextMaxLength);
        }

        errors.ThrowIfAny();
    }
}

/// <summary>A suspension, with its reason.</summary>
public sealed record SuspendContractRequest(string? Reason)
{
    public void Validate() => new FieldErrors().Required("reason", Reason, 1000).ThrowIfAny();
}

/// <summary>
/// A termination: its reason and, optionally, the amount paid to the agency so far in CNY; left out, it is the sum of
/// the instalments Disbursement reported paid (<c>InstalmentPaid</c>).
/// </summary>
public sealed record TerminateContractRequest(string? Reason, decimal? AmountPaid)
{
    public void Validate()
    {
        var errors = new FieldErrors().Required("reason", Reason, 1000);
        if (AmountPaid < 0)
        {
            errors.Add("amountPaid", "contract_not_negative");
        }
        else if (AmountPaid is { } paid && decimal.Round(paid, 2) != paid)
        {
            errors.Add("amountPaid", "two_decimals");
        }

        errors.ThrowIfAny();
    }
}

/// <summary>A renewal (续签): the successor's last day and amount; it starts the day after this contract ends.</summary>
public sealed record RenewContractRequest(DateOnly? End, decimal? Amount)
{
    public void Validate() => new FieldErrors().Required("end", End).Money("amount", Amount).ThrowIfAny();
}

/// <summary>The payment term: the days within which an instalment is paid once due (1 to 60 by default).</summary>
public sealed record PaymentTermRequest(int? Days)
{
    /// <summary>Only a missing value is a 400: zero is a number, out of range (422, with the maximum).</summary>
    public void Validate()
    {
        var errors = new FieldErrors();
        if (Days is null)
        {
            errors.Add("days", "required");
        }

        errors.ThrowIfAny();
    }
}
