using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Procurement.ServiceDefaults.OpenData;
using Procurement.Testing.Ocds;

namespace Procurement.ServiceDefaults.Tests.OpenData;

/// <summary>
/// Issue 18 item 2: the required fields and codelists of OCDS 1.1.5, with the bid and evaluator extensions, checked
/// offline. The checker must pass what is right and name the path of what is wrong, or the tests that lean on it prove
/// nothing.
/// </summary>
public sealed partial class The_ocds_conformance_check
{
    public static TheoryData<string> Samples => ["tender", "contract", "implementation"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Accepts_the_hand_built_releases(string sample) =>
        OcdsConformance.CheckRelease(Sample(sample)).Should().BeEmpty();

    [Fact]
    public void Accepts_the_examples_in_the_extensions_readme()
    {
        var examples = ReadmeExamples();

        examples.Should().HaveCount(2, "the README shows a contract's evaluation and a tender's ranked bids");
        examples.Should().AllSatisfy(example => OcdsConformance.CheckRelease(example).Should().BeEmpty());
    }

    [Fact]
    public void Holds_a_bid_to_the_bid_statuses_and_its_evaluation_to_the_extensions_ranges()
    {
        var release = ReadmeExamples()[1];
        var bid = release["bids"]!["details"]![0]!;
        bid["status"] = "opened";
        bid["evaluation"]!["rank"] = 0;
        bid["evaluation"]!["priceScore"] = 120;
        bid["evaluation"]!["total"] = "86.67";

        OcdsConformance.CheckRelease(release).Select(e => e.Path).Should().BeEquivalentTo([
            "/bids/details/0/status",
            "/bids/details/0/evaluation/rank",
            "/bids/details/0/evaluation/priceScore",
            "/bids/details/0/evaluation/total",
        ]);
    }

    [Fact]
    public void Asks_a_package_with_bids_to_list_the_bid_extension()
    {
        var bidExtension = new Uri("https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json");
        var unlisted = OcdsPackage.ReleasePackage(new Uri("https://procurement.district.example/p"), DateTimeOffset.UnixEpoch,
            SampleReleases.Publisher, [ReadmeExamples()[1]]);
        var listed = OcdsPackage.ReleasePackage(new Uri("https://procurement.district.example/p"), DateTimeOffset.UnixEpoch,
            SampleReleases.Publisher with { ExtensionUrls = [bidExtension, .. SampleReleases.Publisher.ExtensionUrls] }, [ReadmeExamples()[1]]);

        OcdsConformance.CheckReleasePackage(unlisted).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/releases/0/bids" && e.Rule == "ExtensionNotListed");
        OcdsConformance.CheckReleasePackage(listed).Should().BeEmpty();
    }

    [Theory]
    [InlineData("ocid")]
    [InlineData("id")]
    [InlineData("date")]
    [InlineData("tag")]
    [InlineData("initiationType")]
    public void Names_a_missing_required_field(string field)
    {
        var release = SampleReleases.Tender();
        release.Remove(field);

        OcdsConformance.CheckRelease(release).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == $"/{field}" && e.Rule == "PropertyRequired");
    }

    [Fact]
    public void Names_a_code_outside_a_closed_codelist()
    {
        var release = SampleReleases.Tender();
        release["tag"] = new JsonArray("tenderx");

        OcdsConformance.CheckRelease(release).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/tag/0" && e.Rule == "NotInEnumeration");
    }

    [Fact]
    public void Names_a_code_outside_an_open_codelist_and_its_extension()
    {
        var release = SampleReleases.Implementation();
        release["parties"]![2]!["roles"] = new JsonArray("evaluatorr");

        OcdsConformance.CheckRelease(release).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/parties/2/roles/0" && e.Rule == "NotInCodelist");
    }

    [Fact]
    public void Names_unknown_codes_of_other_open_codelists_too()
    {
        var release = SampleReleases.Implementation();
        var milestone = release["contracts"]![0]!["implementation"]!["milestones"]![0]!;
        milestone["type"] = "evaluation";
        milestone["documents"] = new JsonArray(new JsonObject { ["id"] = "D1", ["documentType"] = "evaluationReport" });

        OcdsConformance.CheckRelease(release).Select(e => (e.Path, e.Rule)).Should().BeEquivalentTo([
            ("/contracts/0/implementation/milestones/0/type", "NotInCodelist"),
            ("/contracts/0/implementation/milestones/0/documents/0/documentType", "NotInCodelist"),
        ]);
    }

    [Fact]
    public void Names_a_value_of_the_wrong_type()
    {
        var release = SampleReleases.Tender();
        release["tender"]!["value"]!["amount"] = "1200000";

        OcdsConformance.CheckRelease(release).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/tender/value/amount" && e.Rule == "NoTypeValidates");
    }

    [Fact]
    public void Names_a_date_that_is_not_an_rfc_3339_date_time()
    {
        var release = SampleReleases.Contract();
        release["contracts"]![0]!["period"]!["maxExtentDate"] = "2029-02-28";

        OcdsConformance.CheckRelease(release).Should().ContainSingle()
            .Which.Path.Should().Be("/contracts/0/period/maxExtentDate");
    }

    [Fact]
    public void Holds_an_evaluation_to_the_extensions_score_range_and_closed_codelists()
    {
        var release = SampleReleases.Implementation();
        var evaluation = release["contracts"]![0]!["implementation"]!["milestones"]![0]!["evaluation"]!;
        evaluation["score"] = 120;
        evaluation["grade"] = "Great";
        evaluation["stage"] = "final-ish";

        OcdsConformance.CheckRelease(release).Select(e => e.Path).Should().BeEquivalentTo([
            "/contracts/0/implementation/milestones/0/evaluation/score",
            "/contracts/0/implementation/milestones/0/evaluation/grade",
            "/contracts/0/implementation/milestones/0/evaluation/stage",
        ]);
    }

    [Fact]
    public void Accepts_a_record_package_of_merged_releases()
    {
        var record = OcdsPackage.Record([SampleReleases.Implementation(), SampleReleases.Tender(), SampleReleases.Contract()]);
        var package = OcdsPackage.RecordPackage(
            new Uri("https://procurement.district.example/api/open-data/records?ocid=" + SampleReleases.Ocid),
            new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), SampleReleases.Publisher, [record]);

        OcdsConformance.CheckRecordPackage(package).Should().BeEmpty();
        record["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()).Should().Equal("tender", "award", "implementation");
        record["compiledRelease"]!["parties"]!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public void Names_a_record_whose_compiled_release_is_not_its_releases_merged()
    {
        var record = OcdsPackage.Record([SampleReleases.Tender(), SampleReleases.Contract()]);
        record["compiledRelease"]!["tender"]!["title"] = "edited by hand";
        var package = OcdsPackage.RecordPackage(new Uri("https://procurement.district.example/r"), DateTimeOffset.UnixEpoch,
            SampleReleases.Publisher, [record]);

        OcdsConformance.CheckRecordPackage(package).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/records/0/compiledRelease" && e.Rule == "CompiledReleaseDiffers");
    }

    [Fact]
    public void Names_an_invalid_release_inside_a_package()
    {
        var broken = SampleReleases.Contract();
        broken.Remove("initiationType");
        var package = OcdsPackage.ReleasePackage(new Uri("https://procurement.district.example/p"), DateTimeOffset.UnixEpoch,
            SampleReleases.Publisher, [SampleReleases.Tender(), broken]);

        OcdsConformance.CheckReleasePackage(package).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/releases/1/initiationType" && e.Rule == "PropertyRequired");
    }

    [Fact]
    public void Accepts_a_paged_release_package_and_asks_for_the_pagination_extension_with_links()
    {
        var package = OcdsPackage.ReleasePackage(new Uri("https://procurement.district.example/api/open-data/releases?since=2026-01-01T00:00:00Z"),
            new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.FromHours(8)), SampleReleases.Publisher,
            [SampleReleases.Tender(), SampleReleases.Contract()],
            new OcdsLinks(new Uri("https://procurement.district.example/api/open-data/releases?since=2026-03-01T01:00:00Z"), Prev: null));

        OcdsConformance.CheckReleasePackage(package).Should().BeEmpty();
        package["publishedDate"]!.GetValue<string>().Should().Be("2026-10-01T08:00:00+08:00");
        package["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).Should().Contain(OcdsPackage.PaginationExtension.AbsoluteUri);

        package["extensions"] = new JsonArray();
        OcdsConformance.CheckReleasePackage(package).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/links" && e.Rule == "ExtensionNotListed");
    }

    [Fact]
    public void Asks_a_package_that_uses_the_evaluator_extension_to_list_it()
    {
        var unlisted = SampleReleases.Publisher with { ExtensionUrls = [] };
        var package = OcdsPackage.ReleasePackage(new Uri("https://procurement.district.example/p"), DateTimeOffset.UnixEpoch,
            unlisted, [SampleReleases.Tender(), SampleReleases.Implementation()]);

        OcdsConformance.CheckReleasePackage(package).Should().ContainSingle()
            .Which.Should().Match<OcdsError>(e => e.Path == "/releases/1/parties/2/roles" && e.Rule == "ExtensionNotListed");
    }

    [Fact]
    public void Accepts_the_worked_example_of_the_merging_specification()
    {
        OcdsConformance.CheckReleasePackage(The_merge.WorkedExample("merge-tender-3")).Should().BeEmpty();
        OcdsConformance.CheckRecordPackage(The_merge.WorkedExample("merged")).Should().BeEmpty();
    }

    [Fact]
    public void Knows_every_closed_codelist_through_the_enum_of_its_field()
    {
        var closed = ClosedCodelistFields(OcdsConformance.ReleaseSchema()).ToList();

        closed.Should().Contain(field => field.Codelist == "evaluationGrade.csv").And.Contain(field => field.Codelist == "bidStatus.csv");
        foreach (var (codelist, codes) in closed)
        {
            codes.Should().BeEquivalentTo(OcdsConformance.Codelists[codelist], $"the enum of a {codelist} field is that codelist");
        }

        OcdsConformance.Codelists["partyRole.csv"].Should().Contain(["buyer", "supplier", "payer", "payee", "evaluator"]);
    }

    private static IEnumerable<(string Codelist, string[] Codes)> ClosedCodelistFields(JsonNode? node) => node switch
    {
        JsonObject { } field when field["openCodelist"]?.GetValue<bool>() == false =>
            [(field["codelist"]!.GetValue<string>(), [.. (field["enum"] ?? field["items"]!["enum"])!.AsArray().OfType<JsonValue>()
                .Select(code => code.GetValue<string>())])],
        JsonObject fields => fields.SelectMany(f => ClosedCodelistFields(f.Value)),
        JsonArray items => items.SelectMany(ClosedCodelistFields),
        _ => [],
    };

    /// <summary>The releases the evaluator extension's README shows, in order.</summary>
    private static List<JsonObject> ReadmeExamples() =>
        [.. JsonBlock().Matches(OcdsConformance.EvaluatorExtensionReadme()).Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())];

    private static JsonObject Sample(string name) => name switch
    {
        "tender" => SampleReleases.Tender(),
        "contract" => SampleReleases.Contract(),
        _ => SampleReleases.Implementation(),
    };

    [GeneratedRegex("```json\\s*\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
