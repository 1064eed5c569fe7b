using System.Reflection;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Continuity;

/// <summary>
/// A generated client interface answered by what a test sets, operation by operation (by method name); every call is
/// recorded; an operation nobody answered is the API's 404, so a page calling what it should not shows it.
/// </summary>
public class ApiFake<T> : DispatchProxy
    where T : class
{
    private readonly Dictionary<string, Func<object?[], object?>> _answers = new(StringComparer.Ordinal);

    public List<(string Operation, object?[] Arguments)> Calls { get; } = [];

    public T Client => (T)(object)this;

    public static ApiFake<T> Create() => (ApiFake<T>)(object)DispatchProxy.Create<T, ApiFake<T>>();

    /// <summary>Answers the operation <paramref name="operation"/> (its method name) with the value made from its arguments.</summary>
    public ApiFake<T> Answer(string operation, Func<object?[], object?> answer)
    {
        _answers[operation] = answer;
        return this;
    }

    public ApiFake<T> Answer(string operation, object? value) => Answer(operation, _ => value);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var arguments = args ?? [];
        Calls.Add((targetMethod.Name, arguments));
        var result = targetMethod.ReturnType.GetGenericArguments().FirstOrDefault() ?? typeof(object);
        if (!_answers.TryGetValue(targetMethod.Name, out var answer))
        {
            return Faulted(result, new ApiException("Not Found", 404, "", new Dictionary<string, IEnumerable<string>>(), null));
        }

        object? value;
        try
        {
            value = answer(arguments);
        }
        catch (ApiException refusal)
        {
            return Faulted(result, refusal);
        }

        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [value]);
    }

    private static object? Faulted(Type result, Exception exception) =>
        typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod).MakeGenericMethod(result).Invoke(null, [exception]);
}
