using System.Collections.Concurrent;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Procurement.Acceptance.Tests.Runner;

/// <summary>
/// xunit entry point. A concrete class names its folder and (optionally) the objects its step classes need:
/// <code>
/// [FeatureFolder("Features/Slice")]
/// public sealed class SliceFeatures(PlatformFixture platform, ITestOutputHelper output)
///     : FeatureTests(output), IClassFixture&lt;PlatformFixture&gt;
/// {
///     protected override IEnumerable&lt;object&gt; Services => [platform];
/// }
/// </code>
/// Every scenario (every outline example) is its own test case, named "Feature :: Scenario".
/// </summary>
public abstract class FeatureTests(ITestOutputHelper? output = null)
{
    private static readonly ConcurrentDictionary<string, StepBindings> BindingsCache = new();

    /// <summary>Objects step-class constructors may take, matched by type (besides ScenarioContext and ITestOutputHelper).</summary>
    protected virtual IEnumerable<object> Services => [];

    /// <summary>Where step classes are looked for; by default the concrete test class's assembly.</summary>
    protected virtual IEnumerable<Assembly> StepAssemblies => [GetType().Assembly];

    [ScenarioTheory]
    [Scenarios]
    public async Task Scenario(ScenarioRow scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Error is not null)
        {
            throw new ScenarioFailedException(scenario.Error);
        }

        var plan = FeatureCatalog.Load(scenario.FeaturePath).ElementAtOrDefault(scenario.Index);
        if (plan is null || plan.Name != scenario.Name)
        {
            throw new InvalidOperationException($"{scenario.FeaturePath} changed since test discovery; discover the tests again.");
        }

        if (plan.IsWip)
        {
            return; // normally skipped at discovery already (see ScenarioTestCase)
        }

        var assemblies = StepAssemblies.ToList();
        var bindings = BindingsCache.GetOrAdd(string.Join("|", assemblies.Select(a => a.FullName)), _ => StepBindings.FromAssemblies(assemblies));
        output?.WriteLine($"{plan.FeatureName} :: {plan.Name}  ({plan.FeaturePath}:{plan.Line})");
        object[] services = output is null ? [.. Services] : [output, .. Services];
        await ScenarioRunner.RunAsync(plan, bindings, services, output is null ? null : output.WriteLine);
    }
}

/// <summary>One scenario as a theory row; serializable so xunit lists each scenario at discovery.</summary>
public sealed class ScenarioRow : IXunitSerializable
{
    [Obsolete("For xunit deserialization only.")]
    public ScenarioRow() { }

    public ScenarioRow(string featurePath, int index, string featureName, string name, IEnumerable<string> tags, string? error = null)
        => (FeaturePath, Index, FeatureName, Name, Tags, Error) = (featurePath, index, featureName, name, string.Join(" ", tags), error);

    public string FeaturePath { get; private set; } = "";
    public int Index { get; private set; }
    public string FeatureName { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Tags { get; private set; } = "";
    /// <summary>Set when the feature file could not be parsed: the row then fails with this message.</summary>
    public string? Error { get; private set; }

    public string? SkipReason => Tags.Split(' ').Contains("@wip", StringComparer.OrdinalIgnoreCase) ? "@wip: work in progress" : null;

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(FeaturePath), FeaturePath);
        info.AddValue(nameof(Index), Index);
        info.AddValue(nameof(FeatureName), FeatureName);
        info.AddValue(nameof(Name), Name);
        info.AddValue(nameof(Tags), Tags);
        info.AddValue(nameof(Error), Error);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        FeaturePath = info.GetValue<string>(nameof(FeaturePath));
        Index = info.GetValue<int>(nameof(Index));
        FeatureName = info.GetValue<string>(nameof(FeatureName));
        Name = info.GetValue<string>(nameof(Name));
        Tags = info.GetValue<string>(nameof(Tags));
        Error = info.GetValue<string?>(nameof(Error));
    }

    public override string ToString() => $"{FeatureName} :: {Name}";
}

/// <summary>Yields the scenarios of the folder named by the test class's [FeatureFolder].</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        // ReflectedType is the concrete test class even though the method is declared on FeatureTests.
        var type = testMethod.ReflectedType!;
        var folder = type.GetCustomAttribute<FeatureFolderAttribute>()?.Path
                     ?? throw new InvalidOperationException($"{type.Name} needs [FeatureFolder(\"Features/...\")].");
        var rows = new List<object[]>();
        foreach (var file in FeatureCatalog.FeatureFiles(folder))
        {
            try
            {
                rows.AddRange(FeatureCatalog.Load(file).Select((s, i) => new object[] { new ScenarioRow(file, i, s.FeatureName, s.Name, s.Tags) }));
            }
            catch (InvalidOperationException ex) // a broken file becomes one failing test, not a broken discovery
            {
                rows.Add([new ScenarioRow(file, -1, file, "(cannot be read)", [], ex.Message)]);
            }
        }
        return rows;
    }
}

/// <summary>
/// On a concrete <see cref="FeatureTests"/> class: when <see cref="Reason"/> is not null, every scenario of the
/// class is reported as skipped with it (a mode whose infrastructure is absent, e.g. no broker).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class SkipScenariosAttribute : Attribute
{
    public abstract string? Reason { get; }
}

/// <summary>A [Theory] whose rows show as "Feature :: Scenario" and whose @wip rows are skipped.</summary>
[XunitTestCaseDiscoverer("Procurement.Acceptance.Tests.Runner.ScenarioDiscoverer", "Procurement.Acceptance.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioTheoryAttribute : TheoryAttribute;

public sealed class ScenarioDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new ScenarioTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];
}

public sealed class ScenarioTestCase : XunitTestCase
{
    [Obsolete("For xunit deserialization only.")]
    public ScenarioTestCase() { }

    public ScenarioTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[] arguments)
        : base(sink, display, options, method, arguments) { }

    private ScenarioRow? Row => TestMethodArguments?.FirstOrDefault() as ScenarioRow;

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => Row?.ToString() ?? displayName;

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        Row?.SkipReason ?? ClassSkipReason ?? base.GetSkipReason(factAttribute);

    // A [SkipScenarios]-derived attribute on the concrete test class skips every scenario of it (e.g. no broker).
    private string? ClassSkipReason => TestMethod?.TestClass?.Class?.ToRuntimeType()?.GetCustomAttribute<SkipScenariosAttribute>(inherit: true)?.Reason;

    // Traits allow `dotnet test --filter "Tag=@smoke"` or `--filter "Feature=Calculator"`.
    protected override void Initialize()
    {
        base.Initialize();
        if (Row is not { } row)
        {
            return;
        }

        Traits["Feature"] = [row.FeatureName];
        Traits["Tag"] = [.. row.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
