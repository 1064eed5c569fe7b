using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Procurement.Api.Tests.Support;

/// <summary>A body to send: its text and its content type, with what is wrong with it.</summary>
public sealed record MalformedBody(string What, string Text, string ContentType = "application/json")
{
    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Text));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }

    public override string ToString() => What;
}

/// <summary>
/// Malformed variations of a well-formed body made from an operation's schema: wrong types, nulls (also inside
/// arrays), huge and negative numbers, integer and unknown enum values, dates that do not exist, missing fields,
/// duplicate keys, control characters, and bodies that are empty, not JSON, or in an unknown charset.
/// </summary>
public static partial class MalformedBodies
{
    public static IReadOnlyList<MalformedBody> For(JsonDocument document, Operation operation, int maxFieldVariations = 300)
    {
        var bodies = new List<MalformedBody>
        {
            new("empty body", string.Empty),
            new("not JSON", "this is not json"),
            new("truncated JSON", "{\"a\": "),
            new("JSON null", "null"),
            new("JSON array", "[]"),
            new("JSON string", "\"text\""),
            new("JSON number", "12"),
            new("empty object", "{}"),
            new("nested too deep", new string('[', 200) + new string(']', 200)),
        };
        if (operation.BodySchema is not { } schema)
        {
            bodies.Add(new("unknown charset", "{}", "application/json; charset=foo"));
            return bodies;
        }

        var sample = Operations.Sample(document, schema) ?? new JsonObject();
        var text = sample.ToJsonString();
        bodies.Add(new("unknown charset", text, "application/json; charset=foo"));
        bodies.Add(new("UTF-16 charset label on UTF-8 bytes", text, "application/json; charset=utf-16"));
        bodies.Add(new("text/plain", text, "text/plain"));
        bodies.Add(new("sample with an unknown property", WithExtra(sample)));
        bodies.Add(new("well-formed sample", text));

        if (sample is JsonObject root && root.Count > 0)
        {
            var first = root.First();
            bodies.Add(new($"duplicate key {first.Key}",
                "{" + JsonSerializer.Serialize(first.Key) + ":" + (first.Value?.ToJsonString() ?? "null") + "," + text[1..]));
        }

        var fields = new List<MalformedBody>();
        foreach (var (path, value, fieldSchema) in Leaves(document, sample, schema, []))
        {
            foreach (var (what, replacement, remove) in Variations(document, value, fieldSchema))
            {
                var copy = sample.DeepClone();
                Set(copy, path, replacement, remove);
                fields.Add(new($"{Describe(path)}: {what}", copy.ToJsonString()));
            }
        }

        // A large body keeps the flood bounded: an even spread over its fields' variations.
        var step = Math.Max(1, (int)Math.Ceiling(fields.Count / (double)maxFieldVariations));
        bodies.AddRange(fields.Where((_, i) => i % step == 0));
        return bodies;
    }

    private static string WithExtra(JsonNode sample)
    {
        if (sample is not JsonObject o)
        {
            return sample.ToJsonString();
        }

        var copy = (JsonObject)o.DeepClone();
        copy["unexpectedExtra"] = "x";
        return copy.ToJsonString();
    }

    private static IEnumerable<(string What, JsonNode? Value, bool Remove)> Variations(JsonDocument document, JsonNode? value, JsonElement schema)
    {
        schema = Operations.Resolve(document, schema);
        yield return ("missing", null, true);
        yield return ("null", null, false);
        yield return ("\\u0000 and \\u0007 inside", JsonValue.Create("bad\u0000name\u0007"), false);
        var isEnum = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _);
        if (isEnum)
        {
            yield return ("integer enum", JsonValue.Create(1), false);
            yield return ("huge integer enum", JsonValue.Create(999), false);
            yield return ("unknown enum name", JsonValue.Create("NotAName"), false);
        }

        switch (value)
        {
            case JsonObject:
                yield return ("string for an object", JsonValue.Create("x"), false);
                yield return ("array for an object", new JsonArray(1, 2), false);
                break;
            case JsonArray array:
                yield return ("null inside the array", new JsonArray(null, array.Count > 0 ? array[0]?.DeepClone() : null), false);
                yield return ("empty array", new JsonArray(), false);
                yield return ("object for an array", new JsonObject { ["a"] = 1 }, false);
                yield return ("string for an array", JsonValue.Create("x"), false);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                var s = scalar.GetValue<string>();
                yield return ("number for a string", JsonValue.Create(12345), false);
                yield return ("object for a string", new JsonObject(), false);
                yield return ("tab and newline inside", JsonValue.Create("line\tone\nline two"), false);
                if (IsoDate().IsMatch(s))
                {
                    yield return ("date that does not exist", JsonValue.Create(s.Length == 10 ? "2027-02-30" : "2027-02-30T09:00:00+08:00"), false);
                    yield return ("month 13", JsonValue.Create(s.Length == 10 ? "2027-13-01" : "2027-13-01T09:00:00+08:00"), false);
                    yield return ("year 0", JsonValue.Create("0000-01-01"), false);
                    yield return ("year 9999 end", JsonValue.Create(s.Length == 10 ? "9999-12-31" : "9999-12-31T23:59:59+00:00"), false);
                    yield return ("year 1", JsonValue.Create(s.Length == 10 ? "0001-01-01" : "0001-01-01T00:00:00+00:00"), false);
                }
                else if (Guid.TryParse(s, out _))
                {
                    yield return ("not a uuid", JsonValue.Create("not-a-uuid"), false);
                    yield return ("empty uuid", JsonValue.Create(Guid.Empty.ToString()), false);
                }
                else if (!isEnum)
                {
                    yield return ("empty string", JsonValue.Create(string.Empty), false);
                    yield return ("20,000 characters", JsonValue.Create(new string('x', 20_000)), false);
                }

                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                yield return ("string for a number", JsonValue.Create("abc"), false);
                yield return ("negative", JsonValue.Create(-1), false);
                yield return ("zero", JsonValue.Create(0), false);
                yield return ("huge", JsonNode.Parse("1e308"), false);
                yield return ("beyond decimal", JsonNode.Parse("99999999999999999999999999999999"), false);
                yield return ("int.MaxValue", JsonValue.Create(int.MaxValue), false);
                yield return ("int.MinValue", JsonValue.Create(int.MinValue), false);
                yield return ("many decimals", JsonNode.Parse("0.0000000001"), false);
                break;
            case JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                yield return ("string for a boolean", JsonValue.Create("yes"), false);
                yield return ("number for a boolean", JsonValue.Create(1), false);
                break;
        }
    }

    private static IEnumerable<(List<object> Path, JsonNode? Value, JsonElement Schema)> Leaves(
        JsonDocument document, JsonNode? node, JsonElement schema, List<object> path)
    {
        schema = Operations.Resolve(document, schema);
        if (path.Count > 0)
        {
            yield return (path, node, schema);
        }

        if (path.Count > 4)
        {
            yield break;
        }

        switch (node)
        {
            case JsonObject obj when schema.ValueKind == JsonValueKind.Object:
                var properties = PropertiesOf(document, schema);
                foreach (var (name, child) in obj)
                {
                    var childSchema = properties.TryGetValue(name, out var s) ? s : default;
                    foreach (var leaf in Leaves(document, child, childSchema, [.. path, name]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray { Count: > 0 } array when schema.ValueKind == JsonValueKind.Object:
                var items = ItemsOf(document, schema);
                foreach (var leaf in Leaves(document, array[0], items, [.. path, 0]))
                {
                    yield return leaf;
                }

                break;
        }
    }

    private static Dictionary<string, JsonElement> PropertiesOf(JsonDocument document, JsonElement schema)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var option in Options(document, schema))
        {
            if (option.TryGetProperty("properties", out var properties))
            {
                foreach (var p in properties.EnumerateObject())
                {
                    result.TryAdd(p.Name, p.Value);
                }
            }
        }

        return result;
    }

    private static JsonElement ItemsOf(JsonDocument document, JsonElement schema) =>
        Options(document, schema).Select(o => o.TryGetProperty("items", out var i) ? i : default)
            .FirstOrDefault(i => i.ValueKind == JsonValueKind.Object);

    private static IEnumerable<JsonElement> Options(JsonDocument document, JsonElement schema)
    {
        yield return schema;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    yield return Operations.Resolve(document, option);
                }
            }
        }
    }

    private static void Set(JsonNode root, List<object> path, JsonNode? value, bool remove)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int index ? parent!.AsArray()[index]! : parent!.AsObject()[(string)step]!;
        }

        switch (path[^1])
        {
            case int index when remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name when remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }
    }

    private static string Describe(List<object> path) =>
        string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : (i == 0 ? (string)p : "." + p)));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
