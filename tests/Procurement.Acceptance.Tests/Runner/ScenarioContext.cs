namespace Procurement.Acceptance.Tests.Runner;

/// <summary>
/// State shared by the step classes of one scenario (inject it through a constructor), plus cleanup:
/// whatever is registered is disposed when the scenario ends, pass or fail, last registered first.
/// </summary>
public sealed class ScenarioContext : IAsyncDisposable
{
    private readonly Dictionary<(Type, string), object?> _values = [];
    private readonly Stack<IAsyncDisposable> _cleanup = new();

    public void Set<T>(T value, string key = "") => _values[(typeof(T), key)] = value;

    public T Get<T>(string key = "") => TryGet<T>(out var value, key)
        ? value
        : throw new KeyNotFoundException($"ScenarioContext has no {typeof(T).Name}{(key.Length > 0 ? $" '{key}'" : "")}; an earlier step should Set it.");

    public bool TryGet<T>(out T value, string key = "")
    {
        var found = _values.TryGetValue((typeof(T), key), out var boxed);
        value = found ? (T)boxed! : default!;
        return found;
    }

    public T RegisterForDisposal<T>(T disposable) where T : IAsyncDisposable
    {
        _cleanup.Push(disposable);
        return disposable;
    }

    public void OnCleanup(Func<ValueTask> action) => _cleanup.Push(new Callback(action));

    public async ValueTask DisposeAsync()
    {
        List<Exception> errors = [];
        while (_cleanup.TryPop(out var item))
        {
            try { await item.DisposeAsync(); }
            catch (Exception ex) { errors.Add(ex); } // keep cleaning up; report all at the end
        }
        if (errors.Count > 0)
        {
            throw new AggregateException("Scenario cleanup failed", errors);
        }
    }

    private sealed class Callback(Func<ValueTask> action) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => action();
    }
}
