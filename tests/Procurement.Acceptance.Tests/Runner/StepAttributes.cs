namespace Procurement.Acceptance.Tests.Runner;

/// <summary>Which kind of step a binding answers; <c>And</c>/<c>But</c>/<c>*</c> take the previous step's kind.</summary>
public enum StepKind { Given, When, Then }

/// <summary>Marks a step class. Optional: any class with step attributes is found anyway; this documents intent.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindingAttribute : Attribute;

/// <summary>Base of [Given]/[When]/[Then]: a regex matched against the whole step text (anchored by the runner).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepAttribute(StepKind kind, string pattern) : Attribute
{
    public StepKind Kind { get; } = kind;
    public string Pattern { get; } = pattern;
}

public sealed class GivenAttribute(string pattern) : StepAttribute(StepKind.Given, pattern);
public sealed class WhenAttribute(string pattern) : StepAttribute(StepKind.When, pattern);
public sealed class ThenAttribute(string pattern) : StepAttribute(StepKind.Then, pattern);

/// <summary>On a concrete <see cref="FeatureTests"/> class: the folder (relative to the test output) whose .feature files it runs.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureFolderAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
