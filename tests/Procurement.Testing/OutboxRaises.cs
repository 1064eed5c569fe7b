using System.Reflection;
using System.Runtime.CompilerServices;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Testing;

/// <summary>
/// Where a service raises integration events itself, read from the IL (<see cref="MethodBodies"/>): the methods that call
/// the outbox's <c>Raise</c> (<see cref="ServiceDbContext.Raise{TEvent}"/> or <see cref="OutboxContext.Raise{TEvent}"/>).
/// Issue 16 item 14: an event is recorded by the aggregate that changed, so the endpoints, consumers and clock jobs call none.
/// </summary>
public static class OutboxRaises
{
    /// <summary>The types of the namespaces whose last segments include one of <paramref name="layers"/> (e.g. <c>Endpoints</c>).</summary>
    public static Func<Type, bool> InLayers(params string[] layers) =>
        type => (type.Namespace ?? "").Split('.').Any(layers.Contains);

    /// <summary>
    /// The methods of <paramref name="assembly"/>'s types chosen by <paramref name="where"/> that call the outbox's Raise, each as
    /// <c>Type.Method</c> — an async method, iterator or lambda by the method it was written in.
    /// </summary>
    public static IReadOnlyList<string> CallersIn(Assembly assembly, Func<Type, bool> where)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(where);
        return [.. assembly.GetTypes()
            .Where(where)
            .SelectMany(type => MethodBodies.DeclaredMethods(type).Where(CallsRaise).Select(method => Written(type, method)))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static bool CallsRaise(MethodBase method) =>
        MethodBodies.MembersUsedBy(method).OfType<MethodInfo>().Any(called =>
            called.Name == nameof(OutboxContext.Raise)
            && (called.DeclaringType == typeof(OutboxContext) || called.DeclaringType == typeof(ServiceDbContext)));

    /// <summary>The source type and method: the compiler's state machines and closures are named for the method they come from.</summary>
    private static string Written(Type type, MethodBase method)
    {
        var source = type;
        var name = method.Name;
        while (source.IsDefined(typeof(CompilerGeneratedAttribute), false) && source.DeclaringType is { } outer)
        {
            name = SourceName(source.Name) ?? name;
            source = outer;
        }

        return $"{source.Name}.{SourceName(name) ?? name}";
    }

    /// <summary><c>&lt;PublishAsync&gt;d__5</c> or <c>&lt;Map&gt;b__0_1</c> → the name between the angle brackets.</summary>
    private static string? SourceName(string generated) =>
        generated.StartsWith('<') && generated.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? generated[1..end] : null;
}
