namespace Procurement.Rules.Refusals;

/// <summary>One bad field: its JSON name, the rule it broke, and the values the message needs.</summary>
public sealed record FieldError(string Field, string Rule, IReadOnlyList<object?> Args);

/// <summary>
/// Collects every bad field of a request before answering, so the caller fixes them all at once.
/// Field names are the JSON names (camelCase) the caller sent.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string rule, params object?[] args)
    {
        _errors.Add(new FieldError(field, rule, args.Length == 0 ? [field] : [field, .. args]));
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, "max_length", maxLength);
        }

        return this;
    }

    public FieldErrors Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null || EqualityComparer<T>.Default.Equals(value.Value, default))
        {
            Add(field, "required");
        }

        return this;
    }

    /// <summary>An amount in CNY: present, above zero, at most two decimal places.</summary>
    public FieldErrors Money(string field, decimal? amount)
    {
        if (amount is null)
        {
            Add(field, "required");
        }
        else if (amount <= 0)
        {
            Add(field, "positive");
        }
        else if (decimal.Round(amount.Value, 2) != amount.Value)
        {
            Add(field, "two_decimals");
        }

        return this;
    }

    /// <summary>
    /// For business rules the fields break: a <see cref="RulesBrokenException"/> naming each field with its rule. (A request
    /// of the wrong shape is the endpoint's to refuse: ServiceDefaults' <c>ThrowIfAny</c>.)
    /// </summary>
    public void ThrowIfAnyRuleBroken()
    {
        if (Any)
        {
            throw new RulesBrokenException(_errors.ToList());
        }
    }
}
