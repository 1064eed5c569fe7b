using System.Reflection;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Oversight;

/// <summary>
/// Any generated API client interface, answered from what a test says (<see cref="On{TResult}"/>, by operation name):
/// an operation the test did not set answers a list empty and anything else with the API's 404. Every call is recorded.
/// </summary>
public class ApiFake : DispatchProxy
{
    private readonly Dictionary<string, Func<object?[], object?>> _answers = new(StringComparer.Ordinal);

    public List<(string Operation, object?[] Arguments)> Calls { get; } = [];

    public static (T Client, ApiFake Fake) Of<T>()
        where T : class
    {
        var client = Create<T, ApiFake>();
        return (client, (ApiFake)(object)client);
    }

    /// <summary>What the operation answers (a thrown exception is the call's failure).</summary>
    public ApiFake On<TResult>(string operation, Func<object?[], TResult> answer)
    {
        _answers[operation] = arguments => answer(arguments);
        return this;
    }

    public IEnumerable<object?[]> CallsOf(string operation) => Calls.Where(c => c.Operation == operation).Select(c => c.Arguments);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var arguments = args ?? [];
        Calls.Add((targetMethod.Name, arguments));
        var result = targetMethod.ReturnType.IsGenericType ? targetMethod.ReturnType.GetGenericArguments()[0] : null;
        try
        {
            if (_answers.TryGetValue(targetMethod.Name, out var answer))
            {
                return Completed(result, answer(arguments));
            }

            if (result is { IsGenericType: true } && result.GetGenericTypeDefinition() == typeof(ICollection<>))
            {
                return Completed(result, Activator.CreateInstance(typeof(List<>).MakeGenericType(result.GetGenericArguments()[0])));
            }

            throw new ApiException("not found", 404, null, new Dictionary<string, IEnumerable<string>>(), null);
        }
        catch (Exception e)
        {
            return Failed(result, e);
        }
    }

    private static object Completed(Type? result, object? value) => result is null
        ? Task.CompletedTask
        : typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [value])!;

    private static object Failed(Type? result, Exception e) => result is null
        ? Task.FromException(e)
        : typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod).MakeGenericMethod(result).Invoke(null, [e])!;
}
