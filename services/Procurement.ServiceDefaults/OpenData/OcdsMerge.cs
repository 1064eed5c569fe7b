using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Procurement.ServiceDefaults.OpenData;

/// <summary>
/// Compiles the releases of one contracting process into its compiled release, by the OCDS 1.1 merging specification
/// (standard.open-contracting.org/1.1/en/schema/merging/). Where the specification leaves a case open, the reference
/// implementation (open-contracting/ocds-merge) decides, except where it contradicts the specification's text; each such
/// place says so.
/// </summary>
public static class OcdsMerge
{
    /// <summary>
    /// The arrays that the 1.1.5 release schema marks <c>"wholeListMerge": true</c>: their items have an <c>id</c>, yet a
    /// later list replaces the earlier one whole. Both names occur nowhere else in the schema, so the name alone is
    /// enough; every other array is told apart by its items (see <see cref="IsMergedById"/>).
    /// </summary>
    private static readonly HashSet<string> WholeListFields = new(StringComparer.Ordinal)
    {
        "additionalIdentifiers", "additionalClassifications",
    };

    /// <summary>
    /// The release-level fields that describe one release rather than the process (<c>"omitWhenMerged": true</c> on
    /// <c>id</c>, <c>date</c> and <c>tag</c>), and <c>ocid</c>, which the compiled release takes from the last release.
    /// </summary>
    private static readonly HashSet<string> ReleaseMetadata = new(StringComparer.Ordinal) { "id", "date", "tag", "ocid" };

    /// <summary>
    /// The compiled release of one process: its releases in date order (ties keep their given order) merged field by
    /// field, with <c>tag</c> <c>["compiled"]</c>, <c>id</c> <c>"{ocid}-{date}"</c> and <c>date</c> and <c>ocid</c> of
    /// the last release, as ocds-merge writes them. The releases are left untouched.
    /// </summary>
    /// <exception cref="ArgumentException">No release, a release without a <c>date</c> that reads as a date-time, or
    /// releases of more than one <c>ocid</c>.</exception>
    public static JsonObject CompiledRelease(IEnumerable<JsonObject> releases)
    {
        var ordered = InDateOrder(releases);
        var ocids = ordered.Select(r => r["ocid"]?.GetValueKind() == JsonValueKind.String ? r["ocid"]!.GetValue<string>() : null)
            .Distinct(StringComparer.Ordinal).ToList();
        if (ocids.Count != 1 || ocids[0] is null)
        {
            throw new ArgumentException(
                $"The releases of one process share one ocid; these have {string.Join(", ", ocids.Select(o => o ?? "none"))}.",
                nameof(releases));
        }

        var lastDate = ordered[^1]["date"]!.GetValue<string>();
        var compiled = new JsonObject
        {
            ["tag"] = new JsonArray("compiled"),
            ["id"] = $"{ocids[0]}-{lastDate}",
            ["date"] = lastDate,
            ["ocid"] = ocids[0],
        };
        foreach (var release in ordered)
        {
            MergeObject(compiled, release, skip: ReleaseMetadata);
        }

        return compiled;
    }

    /// <summary>
    /// The releases in chronological order of their <c>date</c>, releases of the same instant in the order given: the
    /// order merging reads them in, and the order of a record's <c>releases</c>. The instant is compared, not the text as
    /// ocds-merge does, so a date in +08:00 and one in Z order right too.
    /// </summary>
    /// <exception cref="ArgumentException">No release, or one without a <c>date</c> that reads as a date-time.</exception>
    public static IReadOnlyList<JsonObject> InDateOrder(IEnumerable<JsonObject> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var dated = releases.Select((release, index) => (Release: release, Instant: InstantOf(release, index))).ToList();
        if (dated.Count == 0)
        {
            throw new ArgumentException("A process has at least one release.", nameof(releases));
        }

        // OrderBy is stable: equal instants keep their given order.
        return [.. dated.OrderBy(d => d.Instant).Select(d => d.Release)];
    }

    private static DateTimeOffset InstantOf(JsonObject release, int index)
    {
        var date = release["date"];
        if (date?.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(date.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        throw new ArgumentException(
            $"Release {index} ({release["id"]?.ToJsonString() ?? "no id"}) has no date-time in `date`: releases are merged in date order.",
            "releases");
    }

    /// <summary>
    /// Merges <paramref name="input"/> into <paramref name="output"/> field by field. A <c>null</c> removes the field, as
    /// the specification says, whatever the field held: ocds-merge removes a literal only and keeps an object or array
    /// set to <c>null</c>, which its own specification does not allow.
    /// </summary>
    private static void MergeObject(JsonObject output, JsonObject input, IReadOnlySet<string>? skip = null)
    {
        foreach (var (name, value) in input)
        {
            if (skip?.Contains(name) == true)
            {
                continue;
            }

            if (value is null)
            {
                output.Remove(name);
                continue;
            }

            output.TryGetPropertyValue(name, out var existing);
            var merged = MergeValue(name, existing, value);
            if (merged is not null && !ReferenceEquals(merged, existing))
            {
                output[name] = merged;
            }
        }
    }

    /// <summary>
    /// The field's value after <paramref name="input"/> is merged into what the field held: the same node when it was
    /// changed in place or kept, a new node when it is replaced, or null when the field stays absent.
    /// </summary>
    private static JsonNode? MergeValue(string name, JsonNode? existing, JsonNode input)
    {
        switch (input)
        {
            case JsonObject inputObject when existing is JsonObject existingObject:
                MergeObject(existingObject, inputObject);
                return existingObject;
            case JsonObject inputObject:
                // An object with nothing in it, after its nulls are dropped, changes nothing (as an empty object does in
                // ocds-merge). A later object over an earlier value of another kind replaces it: ocds-merge raises an
                // inconsistent-type error there; the later release is the one that says how things stand now.
                var fresh = new JsonObject();
                MergeObject(fresh, inputObject);
                return fresh.Count == 0 ? existing : fresh;
            case JsonArray inputArray when inputArray.Count == 0:
                // An empty array leaves a list merged by id as it is (identifier merge: "if the array is empty in input,
                // do nothing"), and it empties a list that is replaced whole. Where no list was, it adds one only for the
                // schema's whole-list fields, as ocds-merge does: the empty list of another field says nothing.
                return WholeListFields.Contains(name) || (existing is JsonArray existingArray && !IsMergedById(name, existingArray))
                    ? new JsonArray()
                    : existing;
            case JsonArray inputArray when IsMergedById(name, inputArray):
                var target = existing is JsonArray earlier && IsMergedById(name, earlier) ? earlier : [];
                MergeById(target, inputArray);
                return target;
            default:
                // Strings, numbers, booleans, and arrays of anything but objects with ids: the later value replaces the
                // earlier one whole, as it was written (nulls inside such an array are values, not removals).
                return input.DeepClone();
        }
    }

    /// <summary>
    /// Identifier merge: an object whose id is already in the list is merged into that one; a new id is appended in
    /// order. Two objects with the same id in one release merge into one (ocds-merge does the same, with a warning).
    /// Ids match by kind and value: <c>1</c> and <c>"1"</c> are two objects, as in ocds-merge.
    /// </summary>
    private static void MergeById(JsonArray output, JsonArray input)
    {
        foreach (var item in input.Cast<JsonObject>())
        {
            var id = item["id"];
            var match = output.OfType<JsonObject>().FirstOrDefault(o => JsonNode.DeepEquals(o["id"], id));
            if (match is null)
            {
                match = [];
                output.Add(match);
            }

            MergeObject(match, item);
        }
    }

    /// <summary>
    /// An array is merged by id when every item is an object with a string or number <c>id</c> and the schema does not
    /// mark the field whole-list. Arrays of strings, of objects without ids (the schema's <c>items</c> without an
    /// <c>id</c>) and of mixed items are replaced whole, as ocds-merge does with the 1.1 schema.
    /// </summary>
    private static bool IsMergedById(string name, JsonArray array) =>
        !WholeListFields.Contains(name)
        && array.All(item => item is JsonObject o
            && o["id"]?.GetValueKind() is JsonValueKind.String or JsonValueKind.Number);
}
