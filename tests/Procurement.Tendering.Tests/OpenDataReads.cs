using System.Net;
using System.Text.Json.Nodes;
using Procurement.Testing;
using Procurement.Testing.Ocds;

namespace Procurement.Tendering.Tests;

/// <summary>Reading the open data anonymously, as anyone would: a process's releases once it has some, its record checked.</summary>
internal static class OpenDataReads
{
    /// <summary>The process's releases once it has <paramref name="count"/>, in the order written.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ReleasesAsync(RunningHost host, string ocid, int count)
    {
        using var anyone = host.CreateClient();
        IReadOnlyList<JsonObject> releases = [];
        await Poll.UntilAsync(async () =>
        {
            var response = await anyone.GetAsync($"/api/public/ocds/records/{ocid}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            releases = [.. (await JsonAsync(response))["records"]![0]!["releases"]!.AsArray().Select(r => r!.AsObject())];
            return releases.Count >= count;
        }, $"{count} releases of {ocid}", TimeSpan.FromSeconds(30));
        return releases;
    }

    /// <summary>The process's record, its package checked against the standard.</summary>
    public static async Task<JsonNode> RecordAsync(RunningHost host, string ocid)
    {
        using var anyone = host.CreateClient();
        var package = await JsonAsync(await anyone.GetAsync($"/api/public/ocds/records/{ocid}"));
        OcdsConformance.CheckRecordPackage(package).Should().BeEmpty();
        return package["records"]![0]!;
    }

    /// <summary>A 200 or 201 answer's JSON (<paramref name="text"/> when the body was read already).</summary>
    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, string? text = null)
    {
        text ??= await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
