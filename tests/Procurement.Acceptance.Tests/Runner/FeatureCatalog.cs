using System.Collections.Concurrent;
using Gherkin;
using Gherkin.Ast;

namespace Procurement.Acceptance.Tests.Runner;

/// <summary>One step ready to run: background and outline placeholders already resolved.</summary>
public sealed record PlannedStep(string Keyword, StepKind Kind, string Text, int Line, StepTable? Table, DocString? DocString)
{
    public override string ToString() => $"{Keyword.Trim()} {Text}";
}

/// <summary>One runnable scenario (an outline contributes one per Examples row).</summary>
public sealed record ScenarioPlan(string FeaturePath, string FeatureName, string Name, int Line, IReadOnlyList<string> Tags, IReadOnlyList<PlannedStep> Steps)
{
    public bool IsWip => Tags.Contains("@wip", StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reads .feature files with the official Gherkin parser and flattens them into <see cref="ScenarioPlan"/>s.</summary>
public static class FeatureCatalog
{
    // Discovery and each scenario run read the same file; parse it once per process.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<ScenarioPlan>> Cache = new();

    /// <summary>All .feature files under <paramref name="folder"/> (relative to the test output), as relative paths.</summary>
    public static IEnumerable<string> FeatureFiles(string folder)
    {
        var root = Path.Combine(AppContext.BaseDirectory, folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Feature folder not found in test output: {root}");
        }

        return Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public static IReadOnlyList<ScenarioPlan> Load(string relativePath) => Cache.GetOrAdd(relativePath,
        p => Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, p)), p));

    public static IReadOnlyList<ScenarioPlan> Parse(string text, string path)
    {
        GherkinDocument document;
        try { document = new Parser().Parse(new StringReader(text)); }
        catch (ParserException ex) { throw new InvalidOperationException($"{path}: Gherkin syntax error: {ex.Message}", ex); }

        var feature = document.Feature ?? throw new InvalidOperationException($"{path}: no Feature");
        var plans = new List<ScenarioPlan>();
        Collect(feature.Children, [], TagNames(feature.Tags));
        return plans;

        // Rules nest like features: their Background adds to the feature's, their tags to the feature's.
        void Collect(IEnumerable<IHasLocation> children, IReadOnlyList<Step> background, IReadOnlyList<string> tags)
        {
            var localBackground = background.ToList();
            foreach (var child in children)
            {
                switch (child)
                {
                    case Background b: localBackground.AddRange(b.Steps); break;
                    case Rule r: Collect(r.Children, localBackground, [.. tags, .. TagNames(r.Tags)]); break;
                    case Scenario s: plans.AddRange(Expand(path, feature.Name, s, localBackground, [.. tags, .. TagNames(s.Tags)])); break;
                }
            }
        }
    }

    private static IEnumerable<ScenarioPlan> Expand(string path, string featureName, Scenario scenario, IReadOnlyList<Step> background, IReadOnlyList<string> tags)
    {
        if (!scenario.Examples.Any())
        {
            yield return new(path, featureName, scenario.Name, scenario.Location.Line, tags, Plan([.. background, .. scenario.Steps], _ => _));
            yield break;
        }
        foreach (var examples in scenario.Examples)
        {
            var header = examples.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
            foreach (var row in examples.TableBody)
            {
                var values = row.Cells.Select(c => c.Value).ToList();
                string Substitute(string s) => header.Zip(values).Aggregate(s, (acc, p) => acc.Replace($"<{p.First}>", p.Second, StringComparison.Ordinal));
                // Background steps are substituted too; harmless, and Cucumber does the same.
                yield return new(path, featureName, $"{Substitute(scenario.Name)} ({string.Join(", ", values)})", row.Location.Line,
                    [.. tags, .. TagNames(examples.Tags)], Plan([.. background, .. scenario.Steps], Substitute));
            }
        }
    }

    // And/But/* continue the previous step's kind; Gherkin tells us which keyword type each step has.
    private static List<PlannedStep> Plan(IEnumerable<Step> steps, Func<string, string> substitute)
    {
        var kind = StepKind.Given;
        return steps.Select(step =>
        {
            kind = step.KeywordType switch
            {
                StepKeywordType.Context => StepKind.Given,
                StepKeywordType.Action => StepKind.When,
                StepKeywordType.Outcome => StepKind.Then,
                _ => kind,
            };
            var table = step.DataTable is { } t
                ? new StepTable(t.Rows.Select(r => new TableRow(r.Location, r.Cells.Select(c => new TableCell(c.Location, substitute(c.Value))))).ToList())
                : null;
            var doc = step.DocString is { } d ? new DocString(d.Location, d.ContentType, substitute(d.Content), d.Delimiter) : null;
            return new PlannedStep(step.Keyword, kind, substitute(step.Text), step.Location.Line, table, doc);
        }).ToList();
    }

    private static List<string> TagNames(IEnumerable<Tag> tags) => tags.Select(t => t.Name).ToList();
}
