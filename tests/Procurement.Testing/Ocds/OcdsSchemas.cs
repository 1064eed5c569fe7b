using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.VisualBasic.FileIO;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Procurement.Testing.Ocds;

/// <summary>
/// The official OCDS 1.1.5 schemas and codelists with the extensions the platform's open data uses applied the way OCDS
/// tooling applies an extension: the official Bid statistics and details extension, then the platform's evaluator
/// extension (which adds to the bid extension's <c>Bid</c>); each one's <c>release-schema.json</c> as a JSON Merge Patch
/// (RFC 7386) over the core release schema, its <c>+x.csv</c> codes added to <c>x.csv</c>, its own codelists beside them.
/// Everything comes from this assembly's resources, so nothing is fetched: the package schemas' references to the
/// release schema by URL resolve here.
/// </summary>
internal static class OcdsSchemas
{
    // The extensions' resources in the order they apply: the evaluator extension's Bid.evaluation patches the bid
    // extension's Bid.
    private static readonly string[] ExtensionResources = ["Ocds/bid-extension/", "Ocds/evaluator-extension/"];

    private static readonly Lazy<JsonObject> PatchedRelease = new(() => Materialised(ExtensionResources.Aggregate(
        ReadJson(CoreResources + "release-schema.json"),
        (schema, extension) => (JsonObject)MergePatch(schema, ReadJson(extension + "release-schema.json"))!)));

    private static readonly Lazy<JsonObject> ReleasePackageDocument = new(() => ReadJson(CoreResources + "release-package-schema.json"));

    private static readonly Lazy<JsonObject> RecordPackageDocument = new(() => ReadJson(CoreResources + "record-package-schema.json"));

    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> CodelistTable = new(LoadCodelists);

    private static readonly Lazy<JsonSchema> ReleaseValidator = new(() => Load(PatchedRelease.Value));

    private static readonly Lazy<JsonSchema> ReleasePackageValidator = new(() => Load(ReleasePackageDocument.Value));

    private static readonly Lazy<JsonSchema> RecordPackageValidator = new(() => Load(RecordPackageDocument.Value));

    // Where the files are among this assembly's resources (see the csproj), and the URLs the package schemas name them by.
    private const string CoreResources = "Ocds/1.1.5/";
    private const string SchemaBaseUrl = "https://standard.open-contracting.org/schema/1__1__5/";
    private const string ReleaseSchemaUrl = SchemaBaseUrl + "release-schema.json";
    private const string VersionedReleaseSchemaUrl = SchemaBaseUrl + "versioned-release-validation-schema.json";

    /// <summary>The core release schema with the extensions merged in.</summary>
    public static JsonObject Release => PatchedRelease.Value;

    public static JsonObject ReleasePackage => ReleasePackageDocument.Value;

    public static JsonObject RecordPackage => RecordPackageDocument.Value;

    /// <summary>The codes of every codelist by file name (<c>partyRole.csv</c>), the extension's additions included.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> Codelists => CodelistTable.Value;

    public static JsonSchema ReleaseSchema => ReleaseValidator.Value;

    public static JsonSchema ReleasePackageSchema => ReleasePackageValidator.Value;

    public static JsonSchema RecordPackageSchema => RecordPackageValidator.Value;

    /// <summary>
    /// The validator settings: NJsonSchema's own formats, except date-time, which it reads loosely ("2026" passes);
    /// OCDS dates are RFC 3339 date-times, as the standard's own tools check them.
    /// </summary>
    public static JsonSchemaValidatorSettings ValidatorSettings { get; } = new()
    {
        FormatValidators =
        [
            .. new JsonSchemaValidatorSettings().FormatValidators.Where(v => v.Format != JsonFormatStrings.DateTime),
            new Rfc3339DateTime(),
        ],
    };

    /// <summary>The schema document a <c>$ref</c> names by URL: only the two the package schemas use.</summary>
    public static JsonObject Document(string url) => url switch
    {
        ReleaseSchemaUrl => Release,
        VersionedReleaseSchemaUrl => ReadJson(CoreResources + "versioned-release-validation-schema.json"),
        _ => throw new InvalidOperationException($"No local copy of {url}: the OCDS checks run offline."),
    };

    /// <summary>
    /// RFC 7386: an object patches field by field and a null removes the field; anything else (arrays too) replaces
    /// the target whole. The target is changed in place where it is an object.
    /// </summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchFields)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchFields)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            var before = result[name];
            var after = MergePatch(before, value);
            if (!ReferenceEquals(before, after))
            {
                result[name] = after;
            }
        }

        return result;
    }

    private static JsonSchema Load(JsonObject document) =>
        // NJsonSchema reads synchronously here (no file or URL is ever opened), so blocking once per schema is safe.
        JsonSchema.FromJsonAsync(document.ToJsonString(), documentPath: null, schema => new OfflineReferences(schema))
            .GetAwaiter().GetResult();

    private static FrozenDictionary<string, FrozenSet<string>> LoadCodelists()
    {
        var codes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in ResourceNames(CoreResources + "codelists/"))
        {
            codes[Path.GetFileName(name)] = [.. CodesIn(name)];
        }

        // An extension's "+x.csv" adds codes to x.csv and "-x.csv" takes codes out; any other file is a codelist of its own.
        foreach (var name in ExtensionResources.SelectMany(extension => ResourceNames(extension + "codelists/")))
        {
            var file = Path.GetFileName(name);
            if (file.StartsWith('+'))
            {
                codes[file[1..]].UnionWith(CodesIn(name));
            }
            else if (file.StartsWith('-'))
            {
                codes[file[1..]].ExceptWith(CodesIn(name));
            }
            else
            {
                codes[file] = [.. CodesIn(name)];
            }
        }

        return codes.ToFrozenDictionary(c => c.Key, c => c.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The <c>Code</c> column of a codelist CSV (quoted fields may hold commas and line breaks).</summary>
    private static List<string> CodesIn(string resource)
    {
        using var parser = new TextFieldParser(Open(resource)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var column = Array.IndexOf(header, "Code");
        var codes = new List<string>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields();
            if (fields is { Length: > 0 } && column >= 0 && column < fields.Length)
            {
                codes.Add(fields[column]);
            }
        }

        return codes;
    }

    private static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(OcdsSchemas).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal));

    private static Stream Open(string resource) =>
        typeof(OcdsSchemas).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"{resource} is not embedded in {typeof(OcdsSchemas).Assembly.GetName().Name}.");

    internal static string ReadText(string resource)
    {
        using var reader = new StreamReader(Open(resource));
        return reader.ReadToEnd();
    }

    private static JsonObject ReadJson(string resource) => Materialised((JsonObject)JsonNode.Parse(ReadText(resource))!);

    /// <summary>
    /// A parsed JsonObject builds its children on first read, and that is not safe from two threads at once; the schema
    /// documents are shared by tests that xunit runs in parallel, so every node is built here, once.
    /// </summary>
    private static T Materialised<T>(T node) where T : JsonNode
    {
        foreach (var child in node switch { JsonObject o => o.Select(f => f.Value), JsonArray a => a, _ => [] })
        {
            if (child is not null)
            {
                Materialised(child);
            }
        }

        return node;
    }

    /// <summary>Resolves the package schemas' URL references to the local copies, and refuses to go to the network.</summary>
    private sealed class OfflineReferences(JsonSchema root)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            await JsonSchema.FromJsonAsync(Document(url).ToJsonString(), url, schema => this, cancellationToken).ConfigureAwait(false);

        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"The OCDS schemas reference no file, yet {filePath} was asked for.");
    }

    /// <summary>RFC 3339 date-time: a full date, a time to the second (fractions allowed) and a zone, Z or ±hh:mm.</summary>
    private sealed class Rfc3339DateTime : IFormatValidator
    {
        private static readonly string[] Shapes = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"];

        public string Format => JsonFormatStrings.DateTime;

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            (value.EndsWith('Z') || (value.Length > 6 && value[^6] is '+' or '-'))
            && DateTimeOffset.TryParseExact(value, Shapes, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
