using System.Text.Json;

namespace Procurement.Portal.Client;

/// <summary>
/// Reads the ProblemDetails of a refused call. The generated clients throw <see cref="ApiException{TResult}"/> of
/// <see cref="ProblemDetails"/> for the statuses the document declares (400, 401, 403, 404, 409, 422) and a plain
/// <see cref="ApiException"/> for any other (413, 415, 429, 5xx), whose body is still a ProblemDetails: this reads both.
/// </summary>
public static class ApiProblems
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The problem the API answered with, or null when the body is not a ProblemDetails.</summary>
    public static ProblemDetails? Problem(this ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ApiException<ProblemDetails> { Result: { } typed })
        {
            return typed;
        }

        if (string.IsNullOrWhiteSpace(exception.Response))
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<ProblemDetails>(exception.Response, Web);
            return problem is { Status: not null } or { Type: not null } or { Title: not null } ? problem : null;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a bare 414 from the server): there is no problem to read.
            return null;
        }
    }

    /// <summary>Each field the API named (<c>budgetCeiling</c>, <c>kpis[0].target</c>) with its messages; empty when none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors(this ApiException exception)
    {
        var errors = exception.Problem()?.Errors;
        if (errors is null || errors.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        return errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.OrdinalIgnoreCase);
    }
}
