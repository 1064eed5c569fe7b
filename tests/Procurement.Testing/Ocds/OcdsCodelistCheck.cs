using System.Text.Json;
using System.Text.Json.Nodes;

namespace Procurement.Testing.Ocds;

/// <summary>
/// Walks data beside its schema and reports every value of a codelist field that its codelist does not have. JSON
/// Schema checks closed codelists through their <c>enum</c>; an open codelist (<c>"openCodelist": true</c>: partyRole,
/// documentType, milestoneType …) has none, and OCDS lets a publisher add codes to it. The platform holds itself to the
/// listed codes: a code it needs goes into the evaluator extension's <c>+x.csv</c> first, so a typo cannot pass.
/// </summary>
internal static class OcdsCodelistCheck
{
    public static IEnumerable<OcdsError> Check(JsonNode? data, JsonObject schema) => Walk(data, schema, schema, "");

    private static IEnumerable<OcdsError> Walk(JsonNode? data, JsonObject schema, JsonObject document, string path)
    {
        (schema, document) = Dereference(schema, document);
        if (schema["codelist"]?.GetValue<string>() is { } codelist)
        {
            foreach (var error in CheckCodes(data, schema, codelist, path))
            {
                yield return error;
            }

            yield break;
        }

        // The record package's releases are one of linked or embedded releases: a codelist field fits in either, so
        // both are walked and the caller drops the doubles.
        var branches = new[] { "oneOf", "anyOf", "allOf" }
            .SelectMany(keyword => schema[keyword] as JsonArray ?? []).OfType<JsonObject>();
        var nested = data switch
        {
            JsonObject fields when schema["properties"] is JsonObject properties => fields
                .Where(field => properties[field.Key] is JsonObject)
                .Select(field => (field.Value, (JsonObject)properties[field.Key]!, $"{path}/{Escape(field.Key)}")),
            JsonArray items when schema["items"] is JsonObject itemSchema =>
                items.Select((item, index) => (item, itemSchema, $"{path}/{index}")),
            _ => [],
        };

        foreach (var error in branches.SelectMany(branch => Walk(data, branch, document, path))
                     .Concat(nested.SelectMany(n => Walk(n.Item1, n.Item2, document, n.Item3))))
        {
            yield return error;
        }
    }

    private static IEnumerable<OcdsError> CheckCodes(JsonNode? data, JsonObject schema, string codelist, string path)
    {
        var open = schema["openCodelist"]?.GetValue<bool>() ?? false;
        var hasEnum = schema["enum"] is not null || (schema["items"] as JsonObject)?["enum"] is not null;
        if (!open && hasEnum)
        {
            yield break; // the schema's enum already holds the closed codelist, and the validator checks it
        }

        if (!OcdsSchemas.Codelists.TryGetValue(codelist, out var codes))
        {
            yield return new(path, "UnknownCodelist", $"the schema names {codelist}, which is neither in OCDS 1.1.5 nor in the extension");
            yield break;
        }

        var values = data switch
        {
            JsonArray array => array.Select((item, index) => (Node: item, Path: $"{path}/{index}")),
            not null => [(Node: data, Path: path)],
            _ => [],
        };
        foreach (var (node, valuePath) in values)
        {
            // A value of another type is the schema's to report; only strings are codes.
            if (node?.GetValueKind() == JsonValueKind.String && !codes.Contains(node.GetValue<string>()))
            {
                yield return new(valuePath, "NotInCodelist",
                    $"'{node.GetValue<string>()}' is not a code of the {(open ? "open" : "closed")} codelist {codelist}");
            }
        }
    }

    /// <summary>Follows <c>$ref</c>s: <c>#/definitions/…</c> inside the document, a URL to the local copy it names.</summary>
    private static (JsonObject Schema, JsonObject Document) Dereference(JsonObject schema, JsonObject document)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var hash = reference.IndexOf('#', StringComparison.Ordinal);
            var url = hash < 0 ? reference : reference[..hash];
            var pointer = hash < 0 ? "" : reference[(hash + 1)..];
            document = url.Length == 0 ? document : OcdsSchemas.Document(url);
            JsonNode? target = document;
            foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target?[Unescape(token)];
            }

            schema = target as JsonObject ?? throw new InvalidOperationException($"The schema's reference {reference} leads nowhere.");
        }

        return (schema, document);
    }

    /// <summary>A name as a JSON Pointer token (RFC 6901): <c>~</c> and <c>/</c> escaped.</summary>
    internal static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
