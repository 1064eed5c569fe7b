using System.Text.Json.Nodes;
using Procurement.ServiceDefaults.OpenData;

namespace Procurement.ServiceDefaults.Tests.OpenData;

/// <summary>
/// Issue 18 item 2: merging a process's releases gives its record. The rules of the OCDS 1.1 merging specification one by
/// one, then the specification's own worked example (OpenData/WorkedExample, see SOURCE.md there).
/// </summary>
public sealed class The_merge
{
    private const string Ocid = "ocds-abc123-2026-0001";

    [Fact]
    public void The_worked_example_of_the_specification_compiles_to_its_compiled_release()
    {
        var releases = new[] { "merge-award-1", "merge-award-2", "merge-tender-1", "merge-tender-2", "merge-tender-3" }
            .SelectMany(name => WorkedExample(name)["releases"]!.AsArray().Cast<JsonObject>());
        var expected = WorkedExample("merged")["records"]![0]!["compiledRelease"]!;

        var compiled = OcdsMerge.CompiledRelease(releases);

        JsonNode.DeepEquals(compiled, expected).Should().BeTrue(
            $"the specification's record holds\n{expected.ToJsonString()}\nand the merge gave\n{compiled.ToJsonString()}");
    }

    [Fact]
    public void Releases_are_merged_in_date_order_whatever_order_they_come_in()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-02T00:00:00Z", """{"tender": {"id": "T", "title": "third"}}"""),
            Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "title": "second"}}"""),
            Release("2026-02-28T16:30:00-08:00", """{"tender": {"id": "T", "title": "first, on 1 March 00:30 in UTC"}}"""),
        ]);

        compiled["tender"]!["title"]!.GetValue<string>().Should().Be("third");
    }

    [Fact]
    public void Releases_of_the_same_instant_are_merged_in_the_order_given()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T08:00:00+08:00", """{"tender": {"id": "T", "title": "given first"}}"""),
            Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "title": "given second"}}"""),
        ]);

        compiled["tender"]!["title"]!.GetValue<string>().Should().Be("given second");
    }

    [Fact]
    public void The_compiled_release_is_tagged_compiled_and_identified_by_ocid_and_the_last_date_as_ocds_merge_does()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-05T10:00:00+08:00", """{"tag": ["award"], "language": "zh"}""", id: "r-2"),
            Release("2026-03-01T10:00:00Z", """{"tag": ["tender"]}""", id: "r-1"),
        ]);

        compiled["tag"]!.ToJsonString().Should().Be("""["compiled"]""");
        compiled["id"]!.GetValue<string>().Should().Be($"{Ocid}-2026-03-05T10:00:00+08:00", "the date is taken as written, as ocds-merge does");
        compiled["date"]!.GetValue<string>().Should().Be("2026-03-05T10:00:00+08:00");
        compiled["ocid"]!.GetValue<string>().Should().Be(Ocid);
        compiled["language"]!.GetValue<string>().Should().Be("zh");
        compiled.Select(field => field.Key).Should().StartWith(["tag", "id", "date", "ocid"]);
    }

    [Fact]
    public void Nested_objects_are_merged_field_by_field()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "value": {"amount": 1000, "currency": "CNY"}, "title": "kept"}}"""),
            Release("2026-03-02T00:00:00Z", """{"tender": {"id": "T", "value": {"amount": 2000}}}"""),
        ]);

        JsonNode.DeepEquals(compiled["tender"], JsonNode.Parse("""{"id": "T", "value": {"amount": 2000, "currency": "CNY"}, "title": "kept"}"""))
            .Should().BeTrue(compiled["tender"]!.ToJsonString());
    }

    [Fact]
    public void A_null_removes_the_field_whatever_it_held()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "procurementMethod": "open", "value": {"amount": 1}}, "planning": {"rationale": "r"}}"""),
            Release("2026-03-02T00:00:00Z", """{"tender": {"id": "T", "procurementMethod": null, "value": null}, "planning": null}"""),
        ]);

        compiled["tender"]!.ToJsonString().Should().Be("""{"id":"T"}""");
        compiled.ContainsKey("planning").Should().BeFalse("the specification removes a field set to null (ocds-merge keeps an object there)");
    }

    [Fact]
    public void A_null_in_the_first_release_adds_nothing()
    {
        var compiled = OcdsMerge.CompiledRelease([Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "procurementMethod": null}}""")]);

        compiled["tender"]!.ToJsonString().Should().Be("""{"id":"T"}""");
    }

    [Fact]
    public void An_array_of_objects_with_ids_is_merged_by_id()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"awards": [{"id": "A1", "status": "pending", "title": "one"}, {"id": "A2", "status": "pending"}]}"""),
            Release("2026-03-02T00:00:00Z", """{"awards": [{"id": "A3", "status": "pending"}, {"id": "A1", "status": "active"}]}"""),
        ]);

        JsonNode.DeepEquals(compiled["awards"], JsonNode.Parse("""
            [{"id": "A1", "status": "active", "title": "one"}, {"id": "A2", "status": "pending"}, {"id": "A3", "status": "pending"}]
            """)).Should().BeTrue(compiled["awards"]!.ToJsonString());
    }

    [Fact]
    public void Ids_merge_deep_inside_objects_merged_by_id()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"contracts": [{"id": "C", "implementation": {"transactions": [{"id": "T1", "source": "a"}]}}]}"""),
            Release("2026-03-02T00:00:00Z", """{"contracts": [{"id": "C", "implementation": {"transactions": [{"id": "T2"}, {"id": "T1", "uri": "https://pay.example/1"}]}}]}"""),
        ]);

        JsonNode.DeepEquals(compiled["contracts"]![0]!["implementation"]!["transactions"], JsonNode.Parse("""
            [{"id": "T1", "source": "a", "uri": "https://pay.example/1"}, {"id": "T2"}]
            """)).Should().BeTrue(compiled["contracts"]!.ToJsonString());
    }

    [Fact]
    public void Ids_of_another_kind_are_other_objects_as_in_ocds_merge()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"awards": [{"id": 1, "x": "first"}]}"""),
            Release("2026-03-02T00:00:00Z", """{"awards": [{"id": "1", "y": "second"}]}"""),
        ]);

        compiled["awards"]!.ToJsonString().Should().Be("""[{"id":1,"x":"first"},{"id":"1","y":"second"}]""");
    }

    [Fact]
    public void Arrays_of_strings_and_of_objects_without_ids_are_replaced_whole()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"parties": [{"id": "P", "roles": ["buyer", "payer"]}], "tender": {"id": "T", "submissionMethod": ["written"], "amendments": [{"rationale": "r"}]}}"""),
            Release("2026-03-02T00:00:00Z", """{"parties": [{"id": "P", "roles": ["buyer"]}], "tender": {"id": "T", "submissionMethod": ["electronicSubmission"], "amendments": [{"rationale": "s"}]}}"""),
        ]);

        compiled["parties"]![0]!["roles"]!.ToJsonString().Should().Be("""["buyer"]""");
        compiled["tender"]!["submissionMethod"]!.ToJsonString().Should().Be("""["electronicSubmission"]""");
        compiled["tender"]!["amendments"]!.ToJsonString().Should().Be("""[{"rationale":"s"}]""");
    }

    [Fact]
    public void The_schemas_whole_list_arrays_are_replaced_though_their_items_have_ids()
    {
        JsonObject[] releases = [
            Release("2026-03-01T00:00:00Z", """{"parties": [{"id": "P", "additionalIdentifiers": [{"scheme": "CN-USCC", "id": "1"}, {"scheme": "X", "id": "2"}]}]}"""),
            Release("2026-03-02T00:00:00Z", """{"parties": [{"id": "P", "additionalIdentifiers": [{"scheme": "CN-USCC", "id": "1"}]}]}"""),
            Release("2026-03-03T00:00:00Z", """{"parties": [{"id": "P", "additionalIdentifiers": []}]}"""),
        ];

        OcdsMerge.CompiledRelease(releases[..2])["parties"]![0]!["additionalIdentifiers"]!.ToJsonString()
            .Should().Be("""[{"scheme":"CN-USCC","id":"1"}]""");
        OcdsMerge.CompiledRelease(releases)["parties"]![0]!["additionalIdentifiers"]!.ToJsonString().Should().Be("[]");
    }

    [Fact]
    public void Empty_objects_and_arrays_change_nothing_as_in_ocds_merge()
    {
        var compiled = OcdsMerge.CompiledRelease([
            Release("2026-03-01T00:00:00Z", """{"planning": {"budget": {"description": "summary"}}, "awards": [{"id": "A"}], "tender": {"id": "T", "items": []}}"""),
            Release("2026-03-02T00:00:00Z", """{"planning": {}, "awards": [], "contracts": [], "buyer": {}}"""),
        ]);

        JsonNode.DeepEquals(compiled["planning"], JsonNode.Parse("""{"budget": {"description": "summary"}}""")).Should().BeTrue();
        compiled["awards"]!.AsArray().Should().HaveCount(1);
        compiled.ContainsKey("contracts").Should().BeFalse();
        compiled.ContainsKey("buyer").Should().BeFalse();
        compiled["tender"]!.AsObject().ContainsKey("items").Should().BeFalse();
    }

    [Fact]
    public void The_releases_are_left_as_they_were()
    {
        var first = Release("2026-03-01T00:00:00Z", """{"tender": {"id": "T", "title": "a", "items": [{"id": "I", "quantity": 1}]}}""");
        var second = Release("2026-03-02T00:00:00Z", """{"tender": {"id": "T", "title": null, "items": [{"id": "I", "quantity": 2}]}}""");
        var (before1, before2) = (first.ToJsonString(), second.ToJsonString());

        var compiled = OcdsMerge.CompiledRelease([first, second]);
        compiled["tender"]!["items"]![0]!["quantity"] = 99;

        (first.ToJsonString(), second.ToJsonString()).Should().Be((before1, before2));
    }

    [Fact]
    public void Releases_without_a_date_or_of_two_processes_are_refused()
    {
        var undated = Release("2026-03-01T00:00:00Z", "{}");
        undated.Remove("date");
        var other = Release("2026-03-01T00:00:00Z", "{}");
        other["ocid"] = "ocds-abc123-2026-0002";

        FluentActions.Invoking(() => OcdsMerge.CompiledRelease([undated])).Should().Throw<ArgumentException>().WithMessage("*date*");
        FluentActions.Invoking(() => OcdsMerge.CompiledRelease([Release("2026-03-01T00:00:00Z", "{}"), other]))
            .Should().Throw<ArgumentException>().WithMessage("*ocid*");
        FluentActions.Invoking(() => OcdsMerge.CompiledRelease([])).Should().Throw<ArgumentException>();
    }

    internal static JsonObject Release(string date, string fields, string? id = null)
    {
        var release = new JsonObject
        {
            ["ocid"] = Ocid,
            ["id"] = id ?? $"{Ocid}-{date}",
            ["date"] = date,
            ["tag"] = new JsonArray("tender"),
            ["initiationType"] = "tender",
        };
        foreach (var (name, value) in JsonNode.Parse(fields)!.AsObject())
        {
            release[name] = value?.DeepClone();
        }

        return release;
    }

    internal static JsonObject WorkedExample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenData", "WorkedExample", $"{name}.json")))!.AsObject();
}
