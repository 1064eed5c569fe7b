using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Procurement.Api.Tests.Support;

/// <summary>One operation of the OpenAPI document: its method, path and the schema of its JSON body, if any.</summary>
public sealed record Operation(string Method, string Path, JsonElement? BodySchema, string? BodyContentType)
{
    public bool Writes => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public bool TakesJson => BodyContentType is not null && BodyContentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations of <c>/openapi/v1.json</c> and makes well-formed bodies from their schemas.</summary>
public static partial class Operations
{
    public static IReadOnlyList<Operation> All(JsonDocument document)
    {
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "parameters" or "summary" or "description")
                {
                    continue;
                }

                JsonElement? schema = null;
                string? contentType = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        contentType ??= media.Name;
                        if (media.Name.Contains("json", StringComparison.OrdinalIgnoreCase))
                        {
                            contentType = media.Name;
                            schema = media.Value.TryGetProperty("schema", out var s) ? s : null;
                            break;
                        }
                    }
                }

                operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, schema, contentType));
            }
        }

        return operations;
    }

    /// <summary>The path with its parameters filled: the platform's real ids where the name says which, else <paramref name="fallback"/>.</summary>
    public static string Fill(string path, ApiPlatform platform, Func<string, string> fallback) =>
        Parameter().Replace(path, match =>
        {
            var name = match.Groups[1].Value;
            return name switch
            {
                "programId" => platform.ProgramId.ToString(),
                "tenderId" => platform.TenderId.ToString(),
                "id" when path.StartsWith("/api/tenders/", StringComparison.Ordinal) => platform.TenderId.ToString(),
                "id" when path.StartsWith("/api/programs/", StringComparison.Ordinal) => platform.ProgramId.ToString(),
                "year" or "fiscalYear" => "2027",
                _ => fallback(name),
            };
        });

    /// <summary>A body that has every property of the schema with a plausible value.</summary>
    public static JsonNode? Sample(JsonDocument document, JsonElement schema, int depth = 0)
    {
        schema = Resolve(document, schema);
        if (depth > 8)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null);
            return first.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(first.GetRawText());
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    var resolved = Resolve(document, option);
                    if (TypeOf(resolved) != "null")
                    {
                        return Sample(document, resolved, depth + 1);
                    }
                }
            }
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return TypeOf(schema) switch
        {
            "object" => SampleObject(document, schema, depth),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Sample(document, items, depth + 1) : "x"),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5m),
            "boolean" => JsonValue.Create(true),
            "string" => format switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date" => JsonValue.Create("2027-03-01"),
                "date-time" => JsonValue.Create("2027-03-01T09:00:00+08:00"),
                "time" => JsonValue.Create("09:00:00"),
                _ => JsonValue.Create("Sample text"),
            },
            _ => JsonValue.Create("x"),
        };
    }

    /// <summary>The schema a <c>$ref</c> points to, or the schema itself.</summary>
    public static JsonElement Resolve(JsonDocument document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>The schema's type; of a type list (<c>["null","integer","string"]</c>) the first that is neither null nor string, else string.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        var types = type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList();
        return types.FirstOrDefault(t => t != "string") ?? types.FirstOrDefault() ?? "null";
    }

    private static JsonObject SampleObject(JsonDocument document, JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Sample(document, property.Value, depth + 1);
            }
        }

        return result;
    }

    /// <summary>A repeatable random id (from <paramref name="random"/>), which nothing in the platform has.</summary>
    public static string RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
