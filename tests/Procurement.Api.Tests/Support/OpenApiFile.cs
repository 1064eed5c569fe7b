using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Procurement.Api.Tests.Support;

/// <summary>
/// <c>contracts/openapi/procurement.json</c>: the Standalone host's <c>/openapi/v1.json</c>, normalised so the same
/// API always gives the same bytes (paths and components sorted by name, two-space indent, LF, a final newline).
/// </summary>
public static class OpenApiFile
{
    public const string RelativePath = "contracts/openapi/procurement.json";

    /// <summary>Set to 1 to rewrite the checked-in file from the live document instead of comparing.</summary>
    public const string UpdateVariable = "PROCUREMENT_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Chinese summaries stay readable in a diff.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FullPath => Path.Combine(RepositoryRoot(), RelativePath);

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string Normalise(string document)
    {
        var root = JsonNode.Parse(document)?.AsObject() ?? throw new InvalidOperationException("The OpenAPI document is not a JSON object.");
        SortByName(root, "paths");
        if (root["components"] is JsonObject components)
        {
            foreach (var section in components.Select(p => p.Key).ToList())
            {
                SortByName(components, section);
            }
        }

        return root.ToJsonString(Written) + "\n";
    }

    /// <summary>The first line where the two texts differ, for a failure message.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var right = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (left != right)
            {
                return new StringBuilder()
                    .Append("line ").Append(i + 1).AppendLine(":")
                    .Append("  checked in: ").AppendLine(left.Trim())
                    .Append("  live:       ").Append(right.Trim())
                    .ToString();
            }
        }

        return "none";
    }

    private static void SortByName(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject map)
        {
            return;
        }

        var sorted = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            map.Remove(key);
            sorted[key] = value;
        }

        parent[name] = sorted;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Procurement.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Procurement.sln above {AppContext.BaseDirectory}.");
    }
}
