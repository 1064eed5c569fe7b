using AntDesign;
using Procurement.Portal.Client;

namespace Procurement.Portal.Api;

/// <summary>
/// The API's refusal of a form, by field: each field the ProblemDetails names (<c>budgetCeiling</c>,
/// <c>kpis[0].target</c>) with its messages, already in the person's language (the request carried it). A form item shows
/// them beside the field: <c>ValidateStatus="@Errors.Status("title")" Help="@Errors.Help("title")"</c>.
/// </summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _errors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The whole problem (title and detail), shown above the form when it names no field of the form.</summary>
    public ProblemDetails? Problem { get; private set; }

    public int? Status => Problem?.Status;

    public bool Any => Problem is not null;

    public void Clear()
    {
        Problem = null;
        _errors = new Dictionary<string, IReadOnlyList<string>>();
    }

    public void From(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Problem = exception.Problem() ?? new ProblemDetails { Status = exception.StatusCode, Title = exception.Message };
        _errors = exception.FieldErrors();
        if (_errors.Count == 0 && Problem is { Field: { Length: > 0 } field, Detail: { Length: > 0 } detail })
        {
            // A business rule's refusal (422) names its one field and says why in its detail, without an errors map.
            _errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { [field] = [detail] };
        }
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The messages of a field and of its parts (<c>kpis</c> covers <c>kpis[0].target</c>).</summary>
    public IReadOnlyList<string> For(string field) =>
        [.. _errors.Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)
                               || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
                               || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value)];

    /// <summary>The messages of exactly this field, not of its parts (a table of inputs shows each part beside its own input).</summary>
    public IReadOnlyList<string> Of(string field) =>
        [.. _errors.Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value)];

    public FormValidateStatus StatusOf(string field) => For(field).Count > 0 ? FormValidateStatus.Error : FormValidateStatus.Default;

    public string? Help(string field) => For(field) is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>The messages of fields the form does not show (so none is lost).</summary>
    public IReadOnlyList<string> Except(params string[] shown) =>
        [.. _errors.Where(e => !shown.Any(f => e.Key.Equals(f, StringComparison.OrdinalIgnoreCase)
                                               || e.Key.StartsWith(f + "[", StringComparison.OrdinalIgnoreCase)
                                               || e.Key.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value)];
}
