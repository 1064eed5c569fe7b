namespace Procurement.ServiceDefaults.Audit;

/// <summary>
/// Who acts, and why, for the changes saved in the current flow of work where the request's user does not say it: a
/// consumer handling a message, a clock job, a start-up seed (<see cref="System"/>), or an endpoint that has a reason to
/// give for its change (<see cref="Because"/>). It flows with the async call chain (an <see cref="AsyncLocal{T}"/>) and
/// ends when the returned scope is disposed.
/// </summary>
public sealed class AuditScope : IDisposable
{
    private static readonly AsyncLocal<AuditScope?> Ambient = new();

    private readonly AuditScope? _outer;

    private AuditScope(string? actor, string? reason, AuditScope? outer)
    {
        Actor = actor;
        Reason = reason;
        _outer = outer;
    }

    /// <summary>The scope of the current flow of work; null outside every scope.</summary>
    public static AuditScope? Current => Ambient.Value;

    /// <summary>The platform's own actor, <c>system:{part}</c>; null where the request's user acts.</summary>
    public string? Actor { get; }

    public string? Reason { get; }

    /// <summary>The platform itself acts, as <paramref name="part"/> (a consumer's or a job's name), for <paramref name="reason"/>.</summary>
    public static AuditScope System(string part, string? reason = null) =>
        Push("system:" + part, reason);

    /// <summary>The current actor acts for <paramref name="reason"/>, which every change saved in the scope carries.</summary>
    public static AuditScope Because(string reason) => Push(Current?.Actor, reason);

    public void Dispose() => Ambient.Value = _outer;

    private static AuditScope Push(string? actor, string? reason)
    {
        var scope = new AuditScope(actor, reason, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }
}

/// <summary>
/// An entity whose rows are not state changes of the service's business (a log, a delivery queue, a cache of another
/// service's facts, key material, a notification copy): saving it writes no audit entry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
