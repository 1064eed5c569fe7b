using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Procurement.Acceptance.Tests.Runner;

/// <summary>A scenario failed; the message says where (feature file:line) and which step.</summary>
public sealed class ScenarioFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Runs one scenario: one instance per step class, shared <see cref="ScenarioContext"/>, cleanup at the end.</summary>
public static class ScenarioRunner
{
    /// <param name="services">Objects step-class constructors may ask for by type (fixtures, clients...).</param>
    /// <param name="log">Receives one line per step (the xunit test output in <see cref="FeatureTests"/>).</param>
    public static async Task RunAsync(ScenarioPlan scenario, StepBindings bindings, IEnumerable<object> services, Action<string>? log = null)
    {
        ScenarioFailedException? failure = null;
        var context = new ScenarioContext();
        object[] available = [context, .. services];
        var instances = new Dictionary<Type, object>();
        foreach (var step in scenario.Steps)
        {
            if (failure is not null)
            {
                log?.Invoke($"  -  {step}  (skipped)");
                continue;
            }
            try
            {
                var (binding, args) = bindings.Resolve(step);
                var target = binding.Method.IsStatic ? null : Instance(binding.Method.DeclaringType!, instances, available, context);
                await Invoke(binding.Method, target, args);
                log?.Invoke($"  ✓  {step}");
            }
            catch (Exception ex)
            {
                log?.Invoke($"  ✗  {step}");
                var where = $"{scenario.FeaturePath}:{step.Line}: {step}";
                // Binding problems carry the whole explanation; step exceptions stay as the inner exception.
                failure = ex is StepBindingException
                    ? new ScenarioFailedException($"{where}\n{ex.Message}", ex.InnerException)
                    : new ScenarioFailedException($"Step failed at {where}", ex);
            }
        }
        try
        {
            await context.DisposeAsync();
        }
        catch (Exception ex) when (failure is not null) // report the step failure first; it usually caused this
        {
            failure = new ScenarioFailedException($"{failure.Message}\n(cleanup failed too: {ex.Message})", failure.InnerException);
        }
        if (failure is not null)
        {
            throw failure;
        }
    }

    private static async Task Invoke(MethodInfo method, object? target, object?[] args)
    {
        object? result;
        try { result = method.Invoke(target, args); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw(); // the step's own exception, not reflection's
            throw;
        }
        if (result is Task task)
        {
            await task;
        }
        else if (result is ValueTask valueTask)
        {
            await valueTask;
        }
    }

    // Step classes are created on first use in the scenario. The constructor with the most parameters wins;
    // each parameter is filled by type from the services (the ScenarioContext is always one of them).
    private static object Instance(Type type, Dictionary<Type, object> instances, object[] available, ScenarioContext context)
    {
        if (instances.TryGetValue(type, out var existing))
        {
            return existing;
        }

        foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var args = ctor.GetParameters().Select(p => available.FirstOrDefault(p.ParameterType.IsInstanceOfType)).ToArray();
            if (args.Any(a => a is null))
            {
                continue;
            }

            var instance = ctor.Invoke(args);
            if (instance is IAsyncDisposable asyncDisposable)
            {
                context.RegisterForDisposal(asyncDisposable);
            }
            else if (instance is IDisposable disposable)
            {
                context.OnCleanup(() => { disposable.Dispose(); return ValueTask.CompletedTask; });
            }

            return instances[type] = instance;
        }
        var wanted = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType.Name).Distinct();
        throw new StepBindingException(
            $"Cannot create step class {type.Name}: no public constructor whose parameters are all available. " +
            $"Asked for: {string.Join(", ", wanted)}. Available: {string.Join(", ", available.Select(a => a.GetType().Name))}. " +
            "Supply extra objects through FeatureTests.Services.");
    }
}
