using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// Issue 18 item 3 seen from the auditor's seat: after a tender has gone through every service, each service's hash
/// chain verifies, and the changes the scenario made are entries there, each naming who made it — a person by role, or
/// the platform (<c>system:…</c>) acting on a message or the clock.
/// </summary>
[Binding]
public sealed class AuditSteps(EmbeddedPlatform platform, ShiftedClock clock) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SignedInUsers _users = new(platform, clock);

    [Then(@"the auditor finds every service's audit chain intact, holding these changes:")]
    public async Task ChainsIntactWith(StepTable changes)
    {
        var auditor = await _users.ClientAsync("auditor");
        // The verification links what was saved but not linked yet, so it covers every change the scenario made.
        var reports = await auditor.GetFromJsonAsync<JsonElement[]>("/api/audit/chains", Json);
        var names = reports!.Select(r => $"{r.GetProperty("service").GetString()}/{r.GetProperty("chain").GetString()}").ToList();
        names.Should().Contain(["identity/changes", "tendering/changes", "bidding/changes", "bidding/unseal-reads", "evaluation/changes",
            "contracting/changes", "disbursement/changes"]);
        foreach (var report in reports!)
        {
            report.GetProperty("intact").GetBoolean().Should().BeTrue($"{report.GetRawText()} is intact");
        }

        foreach (var row in changes.DataRows)
        {
            var entries = await EntriesAsync(auditor, row["service"]);
            var by = row["made by"];
            entries.Should().Contain(
                e => e.GetProperty("what").GetString()!.Contains(row["change"], StringComparison.Ordinal) && MadeBy(e, by),
                $"the {row["service"]} chain records \"{row["change"]}\" made by {by}");
        }
    }

    [Then(@"anyone reads the daily audit roots of the days the chain lived through, each the hash of every service's chain head that day, and each head is an entry of its chain")]
    public async Task DailyRootsPublished()
    {
        using var anyone = platform.CreateClient();
        var page = await Eventually.AskAsync(
            () => anyone.GetFromJsonAsync<JsonElement>("/api/public/audit-roots?pageSize=100", Json),
            p => p.GetProperty("total").GetInt32() > 0);
        var roots = page.GetProperty("items").EnumerateArray().ToList();
        roots.Should().NotBeEmpty("the chain moved the clock over several midnights, and each service closes each day it sees");

        var auditor = await _users.ClientAsync("auditor");
        var chains = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var heads = root.GetProperty("heads").EnumerateArray().ToList();
            heads.Select(h => h.GetProperty("service").GetString()).Should().Equal(
                "bidding", "contracting", "disbursement", "evaluation", "identity", "tendering");
            var canonical = string.Concat(heads.Select(h =>
                $"{h.GetProperty("service").GetString()}|{h.GetProperty("sequence").GetInt64()}|{h.GetProperty("hash").GetString()}|{h.GetProperty("suite").GetString()}\n"));
            root.GetProperty("canonical").GetString().Should().Be(canonical);
            var suite = Procurement.ServiceDefaults.Cryptography.CryptoSuites.All.Single(s => s.Id == root.GetProperty("suite").GetString());
            root.GetProperty("root").GetString().Should().Be(
                Convert.ToHexStringLower(suite.Hash(System.Text.Encoding.UTF8.GetBytes(canonical))), "anyone can compute the root again from its heads");

            foreach (var head in heads.Where(h => h.GetProperty("sequence").GetInt64() > 0))
            {
                var service = head.GetProperty("service").GetString()!;
                if (!chains.TryGetValue(service, out var entries))
                {
                    entries = chains[service] = await EntriesAsync(auditor, service);
                }

                entries.Should().Contain(
                    e => e.GetProperty("sequence").GetInt64() == head.GetProperty("sequence").GetInt64()
                        && e.GetProperty("hash").GetString() == head.GetProperty("hash").GetString(),
                    $"the {service} chain still reaches the head published for {root.GetProperty("date").GetString()}");
            }
        }
    }

    /// <summary>A person by role ("purchaser"), or the platform ("the platform", any <c>system:</c> actor).</summary>
    private static bool MadeBy(JsonElement entry, string by) => by == "the platform"
        ? entry.GetProperty("actorId").GetString()!.StartsWith("system:", StringComparison.Ordinal)
        : entry.GetProperty("actorRole").GetString()!.Split(',').Contains(by, StringComparer.Ordinal)
            && entry.GetProperty("actorOrganisationId").ValueKind == JsonValueKind.String;

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient auditor, string service)
    {
        var entries = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/chains/{service}/entries?after={after}&take=200", Json);
            entries.AddRange(page.GetProperty("items").EnumerateArray());
            if (page.GetProperty("nextAfter").ValueKind != JsonValueKind.Number)
            {
                return entries;
            }

            after = page.GetProperty("nextAfter").GetInt64();
        }
    }

    public void Dispose() => _users.Dispose();
}
