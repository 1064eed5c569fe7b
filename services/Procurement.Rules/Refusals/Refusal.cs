namespace Procurement.Rules.Refusals;

/// <summary>What kind of refusal the domain gives; the endpoint layer decides what each means on the wire.</summary>
public enum RefusalKind
{
    /// <summary>A business rule refused an otherwise well-formed request.</summary>
    RuleBroken,

    /// <summary>The thing is in the wrong state for this, or someone changed it first.</summary>
    Conflict,

    /// <summary>Not there, or not the caller's to see (the two are not told apart, on purpose).</summary>
    NotFound,

    /// <summary>This person may not do this to this thing, by a rule of the domain (e.g. no one approves their own request).</summary>
    NotPermitted,
}

/// <summary>
/// A refusal of the domain: the stable code of the rule or condition, the values its text needs, the request field it is
/// about and any extra members (the <c>reasons</c>, <c>collisions</c>, <c>allowedFrom</c>… a caller reads). It carries no
/// status and no words: the services' exception handler turns it into the caller's answer in the caller's language.
/// </summary>
public abstract class Refusal(RefusalKind kind, string code, object?[] args, string? field = null) : Exception(code)
{
    public RefusalKind Kind { get; } = kind;

    /// <summary>The stable code of the rule or condition (e.g. <c>bidding_closed</c>).</summary>
    public string Code { get; } = code;

    /// <summary>The values the code's text is written with, in order.</summary>
    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>The request field (its JSON path) the refusal is about, if one.</summary>
    public string? Field { get; } = field;

    /// <summary>Extra members of the refusal, e.g. the states a transition is allowed from.</summary>
    public Dictionary<string, object?> Extensions { get; } = [];
}

/// <summary>A business rule refused an otherwise well-formed request.</summary>
public sealed class RuleViolationException(string code, string? field = null, params object?[] args)
    : Refusal(RefusalKind.RuleBroken, code, args, field);

/// <summary>The thing is in the wrong state for this, or someone changed it first.</summary>
public sealed class ConflictException(string code, params object?[] args)
    : Refusal(RefusalKind.Conflict, code, args);

/// <summary>Not there, or not the caller's to see: <paramref name="resource"/> (a text code naming the kind of thing) and its id.</summary>
public sealed class NotFoundException(string resource, object id)
    : Refusal(RefusalKind.NotFound, NotFoundException.ResourceNotFound, [resource, id])
{
    public const string ResourceNotFound = "resource_not_found";
}

/// <summary>
/// This person may not do this to this thing by a rule of the domain (four eyes, the bid's own agency, the evaluator
/// assigned): who the caller is, not what they sent, is refused.
/// </summary>
public sealed class NotPermittedException(string code, params object?[] args)
    : Refusal(RefusalKind.NotPermitted, code, args);

/// <summary>Several fields of one request break business rules at once (e.g. the numbers of a rule table), each named.</summary>
public sealed class RulesBrokenException(IReadOnlyList<FieldError> errors)
    : Refusal(RefusalKind.RuleBroken, RulesBrokenException.RuleBroken, [])
{
    public const string RuleBroken = "rule_broken";

    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
