using Microsoft.AspNetCore.Http;

namespace Procurement.ServiceDefaults.Problems;

/// <summary>
/// A refusal that becomes an RFC 7807 answer. The domain throws these; the exception handler turns them
/// into ProblemDetails in the caller's language, so endpoints hold no error formatting.
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

/// <summary>
/// 400: the request has the wrong shape; each bad field with the rule it broke. With <paramref name="status"/> 422: the
/// shape is right and several business rules refused fields of it at once (e.g. the numbers of a rule table), each named.
/// </summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest)
    : ProblemException(status, status == StatusCodes.Status422UnprocessableEntity ? "rule_broken" : "validation", [])
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>422: a business rule refused an otherwise well-formed request.</summary>
public sealed class RuleViolationException(string code, string? field = null, params object?[] args)
    : ProblemException(StatusCodes.Status422UnprocessableEntity, code, args, field);

/// <summary>409: the resource is in the wrong state for this, or someone changed it first.</summary>
public sealed class ConflictException(string code, params object?[] args)
    : ProblemException(StatusCodes.Status409Conflict, code, args);

/// <summary>404: not there, or not yours to see (the two are not told apart, on purpose).</summary>
public sealed class NotFoundException(string resource, object id)
    : ProblemException(StatusCodes.Status404NotFound, "resource_not_found", [resource, id]);

/// <summary>403: the caller is known but their role or organisation may not do this.</summary>
public sealed class ForbiddenException(string code = "forbidden", params object?[] args)
    : ProblemException(StatusCodes.Status403Forbidden, code, args);

/// <summary>415: the body's media type or charset is not one the endpoint reads.</summary>
public sealed class UnsupportedMediaTypeException(string code, params object?[] args)
    : ProblemException(StatusCodes.Status415UnsupportedMediaType, code, args);
