using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Procurement.Contracts.OpenData;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Upgrades;

/// <summary>
/// Issue 18 item 2, the backfill, as an operator meets it: a data folder made before the open data existed (its
/// processes changed, no release was written), started by the current host. Every service sends its history once, and
/// the open data writes for the old processes the very releases the live events wrote when the open data existed, byte
/// for byte, but for the one change the test injected on the bus itself (a confirmed award no service's outbox holds).
/// </summary>
public sealed class Open_data_after_an_upgrade : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly DataFolder _folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _folder.DisposeAsync();

    [Fact]
    public async Task The_processes_of_a_folder_made_before_the_open_data_get_the_releases_the_live_events_would_have_written()
    {
        // In a method of its own: what the first host sets in the test's async context (MassTransit's log context) must not
        // reach the second host.
        var (tenderId, contractId, awardConfirmed, before) = await FillAsync();
        before.Select(r => (string)r["id"]!).Should().Contain(["tender", awardConfirmed, $"contract-{contractId:D}-signed"]);
        ((string)before.Single(r => (string)r["id"]! == "tender")["ocid"]!).Should().EndWith(tenderId.ToString("D"));
        await MadeBeforeTheOpenDataAsync();

        await using (var upgraded = await _folder.StartAsync())
        {
            var expected = before.Where(r => (string)r["id"]! != awardConfirmed).ToList();
            var after = await ReleasesAsync(upgraded, releases => releases.Count >= expected.Count);
            after.Select(r => (string)r["ocid"]! + " " + (string)r["id"]!).Should().BeEquivalentTo(expected.Select(r => (string)r["ocid"]! + " " + (string)r["id"]!),
                "every change a service's outbox holds is written, and the award the test confirmed on the bus is in no outbox");
            foreach (var release in after)
            {
                var live = expected.Single(r => (string)r["ocid"]! == (string)release["ocid"]! && (string)r["id"]! == (string)release["id"]!);
                release.ToJsonString().Should().Be(live.ToJsonString(), $"release {release["id"]} is the one the live event wrote");
            }
        }
    }

    /// <summary>A published tender, and a contract of an award confirmed on the bus, signed by both; with the releases the open data wrote.</summary>
    private async Task<(Guid TenderId, Guid ContractId, string AwardConfirmed, IReadOnlyList<JsonObject> Before)> FillAsync()
    {
        await using var platform = await _folder.StartAsync();
        using var purchaser = await platform.SignedInClientAsync("purchaser");
        using var agency = await platform.SignedInClientAsync("agency1");
        var today = SliceApi.BeijingToday();
        var programId = await purchaser.CreateProgramAsync("Home care before the open data", "Demo District");
        var serviceStart = today.AddMonths(2);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, "Elder care before the open data", 480_000.00m, SliceApi.BeijingTime(today.AddDays(25), new TimeOnly(17, 0)),
            serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);

        var agencyUser = DemoDirectory.UserNamed("agency1");
        var award = ContractingApi.Award("Elder care before the open data", DemoDirectory.CivilAffairsBureau, agencyUser.OrganisationId,
            agencyUser.OrganisationName, 450_000.00m, today, today.AddYears(1).AddDays(-1), DateTimeOffset.UtcNow);
        var awardConfirmed = $"award-{award.AwardId:D}-confirmed";
        await platform.ConfirmAwardAsync(award);
        var contract = await purchaser.WaitForContractOfTenderAsync(award.TenderId, Patience);
        contract.Should().NotBeNull("the award reaches Contracting");
        var contractId = contract!.Id;
        (await purchaser.SignContractAsync(contractId)).Expect(HttpStatusCode.OK, "the purchaser signing");
        (await agency.SignContractAsync(contractId)).Expect(HttpStatusCode.OK, "the agency signing");
        // Every release written: the tender's, the award's and the contract's (the events are taken in any order).
        var before = await ReleasesAsync(platform, releases =>
            releases.Any(r => (string)r["id"]! == "tender" && ((string)r["ocid"]!).EndsWith(tenderId.ToString("D"), StringComparison.Ordinal))
            && releases.Any(r => (string)r["id"]! == awardConfirmed)
            && releases.Any(r => (string)r["id"]! == $"contract-{contractId:D}-signed"));

        // Stopped once every service's outbox has sent what it raised: an event still owed would be delivered again live at
        // the next start, and a release written live then, before the organisations' names arrive, names no one.
        await Poll.UntilAsync(async () =>
        {
            foreach (var database in _folder.Databases)
            {
                await using var scope = platform.Host.Services.CreateAsyncScope();
                var outbox = (IOutboxContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (await outbox.OutboxMessages.AnyAsync(m => m.DispatchedAt == null))
                {
                    return false;
                }
            }

            return true;
        }, "every outbox sent", Patience);
        return (tenderId, contractId, awardConfirmed, before);
    }

    /// <summary>
    /// Turns the folder into one a version before the open data left: Tendering's database back to the migration before
    /// <c>OpenData</c> (its releases, contracts and parties tables dropped), the open data's inbox records gone, and no
    /// history sent by any service.
    /// </summary>
    private async Task MadeBeforeTheOpenDataAsync()
    {
        string[] historyTypes = [OutboxMessage.TypeName(typeof(OpenDataHistoryPart)), OutboxMessage.TypeName(typeof(OpenDataHistoryEnd))];
        foreach (var database in _folder.Databases)
        {
            await _folder.ExecuteAsync(database, $"DELETE FROM \"OutboxMessages\" WHERE \"MessageType\" IN ('{historyTypes[0]}', '{historyTypes[1]}');");
        }

        var tendering = _folder.Databases.Single(d => d.Name == "Tendering");
        var migrations = _folder.Migrations(tendering);
        var openData = migrations.ToList().FindIndex(m => m.EndsWith("_OpenData", StringComparison.Ordinal));
        openData.Should().BePositive("Tendering has the migration that made the open data");
        await _folder.MigrateDownToAsync(tendering, migrations[openData - 1]);
        await _folder.ExecuteAsync(tendering, "DELETE FROM \"InboxMessages\" WHERE \"Consumer\" LIKE '%.OpenData.%';");
        (await _folder.TablesAsync(tendering)).Should().NotContain("OcdsReleases");
    }

    /// <summary>Every release in the open data once <paramref name="until"/> holds, oldest first.</summary>
    private static async Task<IReadOnlyList<JsonObject>> ReleasesAsync(EmbeddedPlatform platform, Func<IReadOnlyList<JsonObject>, bool> until)
    {
        using var anyone = platform.CreateClient();
        IReadOnlyList<JsonObject> releases = [];
        await Poll.UntilAsync(async () =>
        {
            using var response = await anyone.GetAsync(new Uri("/api/public/ocds/releases?pageSize=100", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false; // 429 while the anonymous limit refills
            }

            releases = [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["releases"]!.AsArray().Select(r => r!.AsObject())];
            return until(releases);
        }, "the open data's releases", Patience);
        return releases;
    }
}
