using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Procurement.ServiceDefaults.OpenData;

namespace Procurement.Testing.Ocds;

/// <summary>One way a piece of open data falls short of OCDS 1.1.5.</summary>
/// <param name="Path">Where, as a JSON Pointer into the checked document (<c>/parties/0/roles/1</c>; <c>""</c> is the
/// whole document). For a missing required field, the path of the field that should be there.</param>
/// <param name="Rule">What was broken: NJsonSchema's error kind (<c>PropertyRequired</c>, <c>NotInEnumeration</c>,
/// <c>StringExpected</c>, <c>NoTypeValidates</c>, <c>DateTimeExpected</c> …) or one of this checker's own
/// (<c>NotInCodelist</c>, <c>ExtensionNotListed</c>, <c>ReleasesOutOfDateOrder</c>, <c>CompiledReleaseDiffers</c>).</param>
public sealed record OcdsError(string Path, string Rule, string Message)
{
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Rule} ({Message})";
}

/// <summary>
/// Checks the platform's open data against the official OCDS 1.1.5 schemas with the official Bid statistics and details
/// extension (Schema/bid-extension-v1.1.5) and the evaluator extension (docs/ocds/evaluator-extension) applied, offline: JSON Schema (draft 4) through NJsonSchema, then every codelist
/// field against its codelist, the open ones included. An empty answer means conformant.
/// </summary>
public static class OcdsConformance
{
    /// <summary>The errors of one release against the release schema and its codelists.</summary>
    public static IReadOnlyList<OcdsError> CheckRelease(JsonObject release) =>
        Check(release, OcdsSchemas.ReleaseSchema, OcdsSchemas.Release);

    /// <inheritdoc cref="CheckRelease(JsonObject)"/>
    public static IReadOnlyList<OcdsError> CheckRelease(string json) => CheckRelease(Parse(json));

    /// <summary>
    /// The errors of a release package: the package schema (each release against the release schema), the codelists, and
    /// the extensions it uses listed in <c>extensions</c>: the Pagination extension for <c>links</c> (not in the 1.1
    /// package schema), the bid extension for <c>bids</c>, and the evaluator extension (an URL with "evaluator" in it) for
    /// the role or the evaluations.
    /// </summary>
    public static IReadOnlyList<OcdsError> CheckReleasePackage(JsonObject package) =>
        [.. Check(package, OcdsSchemas.ReleasePackageSchema, OcdsSchemas.ReleasePackage), .. ExtensionsListed(package)];

    /// <inheritdoc cref="CheckReleasePackage(JsonObject)"/>
    public static IReadOnlyList<OcdsError> CheckReleasePackage(string json) => CheckReleasePackage(Parse(json));

    /// <summary>
    /// The errors of a record package: as for a release package, and for each record with its releases embedded, that
    /// they are oldest first (the record schema's "MUST") and that merging them gives its <c>compiledRelease</c>.
    /// </summary>
    public static IReadOnlyList<OcdsError> CheckRecordPackage(JsonObject package) =>
        [.. Check(package, OcdsSchemas.RecordPackageSchema, OcdsSchemas.RecordPackage), .. ExtensionsListed(package), .. RecordsCompile(package)];

    /// <inheritdoc cref="CheckRecordPackage(JsonObject)"/>
    public static IReadOnlyList<OcdsError> CheckRecordPackage(string json) => CheckRecordPackage(Parse(json));

    /// <summary>The release schema the checks use: OCDS 1.1.5 with the bid and evaluator extensions merged in (a copy).</summary>
    public static JsonObject ReleaseSchema() => (JsonObject)OcdsSchemas.Release.DeepClone();

    /// <summary>The codes of every codelist by file name (<c>partyRole.csv</c>), with the extensions' codelists and additions.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> Codelists => OcdsSchemas.Codelists;

    /// <summary>The evaluator extension's README (English and Chinese), as embedded from docs/ocds/evaluator-extension.</summary>
    public static string EvaluatorExtensionReadme() => OcdsSchemas.ReadText("Ocds/evaluator-extension/README.md");

    private static JsonObject Parse(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("An OCDS document is a JSON object.", nameof(json));

    private static List<OcdsError> Check(JsonObject data, JsonSchema schema, JsonObject schemaDocument)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(data.ToJsonString()))
        {
            // Dates stay strings: the format check reads the text as written.
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        };
        var token = JToken.ReadFrom(reader);
        var schemaErrors = new JsonSchemaValidator(OcdsSchemas.ValidatorSettings).Validate(token, schema).SelectMany(Flatten);
        return [.. schemaErrors.Concat(OcdsCodelistCheck.Check(data, schemaDocument)).Distinct()];
    }

    /// <summary>
    /// NJsonSchema's errors as leaves. A field that may be of several types (<c>["array", "null"]</c>) reports the errors
    /// of the type the value has, so a bad item inside an array is named by its own path; a failed <c>oneOf</c> /
    /// <c>anyOf</c> reports the branch that came closest.
    /// </summary>
    private static IEnumerable<OcdsError> Flatten(ValidationError error) => error switch
    {
        MultiTypeValidationError multi when multi.Errors.FirstOrDefault(e => Fits(multi.Token, e.Key)).Value is { Count: > 0 } own =>
            own.SelectMany(Flatten),
        MultiTypeValidationError multi =>
            [Leaf(error, $"expected {string.Join(" or ", multi.Errors.Keys.Select(k => k.ToString().ToLowerInvariant()))}, found {Kind(multi.Token)}")],
        ChildSchemaValidationError child when child.Errors.Values.Where(e => e.Count > 0).MinBy(e => e.Count) is { } closest
            && child.Errors.Values.All(e => e.Count > 0) =>
            closest.SelectMany(Flatten),
        _ => [Leaf(error, Describe(error))],
    };

    private static OcdsError Leaf(ValidationError error, string message) => new(Pointer(error.Path), error.Kind.ToString(), message);

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"the required field '{error.Property}' is missing",
        ValidationErrorKind.NotInEnumeration => $"{Value(error.Token)} is not one of {string.Join(", ", error.Schema.Enumeration.Select(e => e ?? "null"))}",
        ValidationErrorKind.DateTimeExpected => $"{Value(error.Token)} is not an RFC 3339 date-time (2026-03-01T08:00:00Z)",
        ValidationErrorKind.UriExpected => $"{Value(error.Token)} is not an absolute URI",
        ValidationErrorKind.NumberTooBig => $"{Value(error.Token)} is above the maximum {error.Schema.Maximum}",
        ValidationErrorKind.NumberTooSmall => $"{Value(error.Token)} is below the minimum {error.Schema.Minimum}",
        ValidationErrorKind.StringTooShort => $"{Value(error.Token)} is shorter than {error.Schema.MinLength} characters",
        ValidationErrorKind.PatternMismatch => $"{Value(error.Token)} does not match {error.Schema.Pattern}",
        ValidationErrorKind.TooFewItems => $"fewer than {error.Schema.MinItems} items",
        ValidationErrorKind.ItemsNotUnique => "an item is there twice",
        var kind when kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
            $"{Value(error.Token)} is not {kind.ToString()[..^"Expected".Length].ToLowerInvariant()}",
        _ => $"{Value(error.Token)} breaks {error.Kind}",
    };

    private static string Value(JToken? token) => token?.ToString(Newtonsoft.Json.Formatting.None) ?? "the value";

    private static string Kind(JToken? token) => token?.Type.ToString().ToLowerInvariant() ?? "nothing";

    private static bool Fits(JToken? token, JsonObjectType type) => (token?.Type, type) switch
    {
        (JTokenType.Object, JsonObjectType.Object) or (JTokenType.Array, JsonObjectType.Array)
            or (JTokenType.String, JsonObjectType.String) or (JTokenType.Boolean, JsonObjectType.Boolean)
            or (JTokenType.Integer, JsonObjectType.Integer) or (JTokenType.Integer, JsonObjectType.Number)
            or (JTokenType.Float, JsonObjectType.Number) or (JTokenType.Null, JsonObjectType.Null) => true,
        _ => false,
    };

    /// <summary>NJsonSchema's path (<c>#/releases[0].tag[1]</c>) as a JSON Pointer (<c>/releases/0/tag/1</c>).</summary>
    private static string Pointer(string? path)
    {
        var text = (path ?? "#").TrimStart('#').TrimStart('/');
        var pointer = new StringBuilder();
        var index = 0;
        while (index < text.Length)
        {
            if (text[index] == '.')
            {
                index++;
            }
            else if (text[index] == '[')
            {
                var close = text.IndexOf(']', index);
                var inside = text[(index + 1)..close];
                // Newtonsoft writes a name that is no identifier as ['name'].
                pointer.Append('/').Append(inside.StartsWith('\'') ? OcdsCodelistCheck.Escape(inside.Trim('\'')) : inside);
                index = close + 1;
            }
            else
            {
                var end = text.IndexOfAny(['.', '['], index);
                end = end < 0 ? text.Length : end;
                pointer.Append('/').Append(OcdsCodelistCheck.Escape(text[index..end]));
                index = end;
            }
        }

        return pointer.ToString();
    }

    private static IEnumerable<OcdsError> ExtensionsListed(JsonObject package)
    {
        var listed = (package["extensions"] as JsonArray ?? []).OfType<JsonValue>()
            .Where(e => e.GetValueKind() == JsonValueKind.String).Select(e => e.GetValue<string>()).ToList();
        if (package.ContainsKey("links") && !listed.Any(url => url.Contains("ocds_pagination_extension", StringComparison.Ordinal)))
        {
            yield return new("/links", "ExtensionNotListed",
                $"links come from the Pagination extension, which is not in extensions (list {OcdsPackage.PaginationExtension})");
        }

        if (FirstUse(package, "", field => field.Key == "bids") is { } bids
            && !listed.Any(url => url.Contains("ocds_bid_extension", StringComparison.Ordinal)))
        {
            yield return new(bids, "ExtensionNotListed", "bids come from the Bid statistics and details extension, which is not in extensions");
        }

        if (FirstUse(package, "", IsEvaluatorUse) is { } use && !listed.Any(url => url.Contains("evaluator", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new(use, "ExtensionNotListed",
                "the evaluator role and the milestones' and bids' evaluations come from the evaluator extension, which is not in extensions");
        }
    }

    /// <summary>A use of the evaluator extension: an <c>evaluation</c> field or the role <c>evaluator</c>.</summary>
    private static bool IsEvaluatorUse(KeyValuePair<string, JsonNode?> field) => field.Key == "evaluation"
        || (field.Key == "roles" && field.Value is JsonArray roles
            && roles.Any(r => r?.GetValueKind() == JsonValueKind.String && r.GetValue<string>() == "evaluator"));

    /// <summary>Where the package first has a field that <paramref name="uses"/> says belongs to an extension.</summary>
    private static string? FirstUse(JsonNode? node, string path, Func<KeyValuePair<string, JsonNode?>, bool> uses) => node switch
    {
        JsonObject fields => fields.Select(f => uses(f)
                ? $"{path}/{OcdsCodelistCheck.Escape(f.Key)}"
                : FirstUse(f.Value, $"{path}/{OcdsCodelistCheck.Escape(f.Key)}", uses))
            .FirstOrDefault(p => p is not null),
        JsonArray items => items.Select((item, index) => FirstUse(item, $"{path}/{index}", uses)).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static IEnumerable<OcdsError> RecordsCompile(JsonObject package)
    {
        var records = (package["records"] as JsonArray ?? []).Select((node, index) => (Record: node as JsonObject, Index: index));
        foreach (var (record, index) in records)
        {
            var releases = (record?["releases"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            // Linked releases (url and date only) cannot be compiled here; their schema is checked above.
            if (releases.Count == 0 || releases.Any(r => !r.ContainsKey("ocid")) || !TryCompile(releases, out var inOrder, out var compiled))
            {
                continue;
            }

            if (!inOrder.SequenceEqual(releases))
            {
                yield return new($"/records/{index}/releases", "ReleasesOutOfDateOrder", "a record's releases are sorted oldest first");
            }

            if (record!["compiledRelease"] is { } given && !JsonNode.DeepEquals(given, compiled))
            {
                yield return new($"/records/{index}/compiledRelease", "CompiledReleaseDiffers",
                    $"merging the record's releases gives {compiled!.ToJsonString()}");
            }
        }
    }

    private static bool TryCompile(List<JsonObject> releases, out IReadOnlyList<JsonObject> inOrder, out JsonObject? compiled)
    {
        try
        {
            inOrder = OcdsMerge.InDateOrder(releases);
            compiled = OcdsMerge.CompiledRelease(releases);
            return true;
        }
        catch (ArgumentException)
        {
            // A release without a date or of another ocid: the schema check above has named it already.
            inOrder = [];
            compiled = null;
            return false;
        }
    }
}
