using System.Text.Json.Nodes;
using Procurement.ServiceDefaults.OpenData;

namespace Procurement.ServiceDefaults.Tests.OpenData;

/// <summary>
/// Hand-built releases of one renewed service contract, in the shapes DOMAIN.md §10 asks for: the tender with its buyer,
/// the contract that renews a prior process and is capped at 36 months, and its implementation with a payment and the
/// mid-term evaluation (the evaluator extension), in OpenData/Samples. Each call reads new nodes.
/// </summary>
internal static class SampleReleases
{
    public const string Ocid = "ocds-abc123-2026-0007";

    public static JsonObject Tender() => Load("tender-release.json");

    public static JsonObject Contract() => Load("contract-release.json");

    public static JsonObject Implementation() => Load("implementation-release.json");

    public static OcdsPublisher Publisher { get; } = new(
        "Finance Bureau of the district",
        new Uri("https://procurement.district.example/"),
        new Uri("https://creativecommons.org/licenses/by/4.0/"),
        new Uri("https://procurement.district.example/open-data/policy"),
        [new Uri("https://procurement.district.example/ocds/extensions/evaluator/extension.json")]);

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenData", "Samples", file)))!.AsObject();
}
