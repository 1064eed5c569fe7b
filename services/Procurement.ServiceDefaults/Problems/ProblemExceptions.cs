using Microsoft.AspNetCore.Http;
using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Problems;

/// <summary>
/// A refusal that only HTTP knows (the request's shape, the caller's role, the body's media type), thrown by endpoints and
/// middleware, never by the domain: the domain refuses with a <see cref="Refusal"/> (Procurement.Rules), which the exception
/// handler maps to its status. Both become an RFC 7807 answer in the caller's language.
/// </summary>
public abstract class ProblemException(int status, string code, object?[] args, string? field = null)
    : Exception(code)
{
    public int Status { get; } = status;

    /// <summary>The stable code of the rule or condition; also the last segment of the problem type.</summary>
    public string Code { get; } = code;

    public IReadOnlyList<object?> Args { get; } = args;

    public string? Field { get; } = field;

    /// <summary>Extra members for the answer, e.g. the triggers that are allowed.</summary>
    public Dictionary<string, object?> Extensions { get; } = [];
}

/// <summary>400: the request has the wrong shape; each bad field with the rule it broke.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> errors)
    : ProblemException(StatusCodes.Status400BadRequest, "validation", [])
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>403: the caller is known but their role or organisation may not do this.</summary>
public sealed class ForbiddenException(string code = "forbidden", params object?[] args)
    : ProblemException(StatusCodes.Status403Forbidden, code, args);

/// <summary>415: the body's media type or charset is not one the endpoint reads.</summary>
public sealed class UnsupportedMediaTypeException(string code, params object?[] args)
    : ProblemException(StatusCodes.Status415UnsupportedMediaType, code, args);
