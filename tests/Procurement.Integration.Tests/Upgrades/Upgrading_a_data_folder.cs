using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Upgrades;

/// <summary>
/// An operator upgrades in place: the data folder of an older version, with data in every service's database,
/// is started by the current host, whose start-up migrates it; every row is still there and the endpoints that
/// answered 500 on an unmigrated folder (tenders, contracts, notifications, instalments) answer as before.
/// Generic over "the last migration": a database with more than one SQLite migration is turned back to the one
/// before its last; one that has only its baseline is turned back to what the version before migrations left
/// (the baseline's schema made by EnsureCreated, with no migration history).
/// </summary>
public sealed class Upgrading_a_data_folder : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DataFolder _folder = new();

    /// <summary>The tender agency1 has a live bid on after the fill, and valid content for another.</summary>
    private (Guid TenderId, BidContentBody Content) _liveBid;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _folder.DisposeAsync();

    [Fact]
    public async Task A_folder_one_migration_behind_is_migrated_at_start_with_every_row_and_endpoint_as_before()
    {
        var answers = await FillAsync();
        foreach (var database in _folder.Databases)
        {
            var migrations = _folder.Migrations(database);
            if (migrations.Count > 1)
            {
                await _folder.MigrateDownToAsync(database, migrations[^2]);
                (await _folder.AppliedMigrationsAsync(database)).Should().NotContain(migrations[^1]);
            }
            else
            {
                await _folder.MakeLegacyBaselineAsync(database);
            }
        }

        await UpgradeAndCompareAsync(answers);
    }

    [Fact]
    public async Task A_folder_made_before_migrations_with_the_baseline_schema_is_adopted_and_migrated_on()
    {
        var answers = await FillAsync();
        foreach (var database in _folder.Databases)
        {
            await _folder.MakeLegacyBaselineAsync(database);
        }

        await UpgradeAndCompareAsync(answers);
    }

    [Fact]
    public async Task A_folder_made_before_migrations_with_another_schema_is_left_untouched_and_readiness_names_the_service_and_the_difference()
    {
        await using (await _folder.StartAsync())
        {
        }

        var tendering = _folder.Databases.Single(d => d.Name == "Tendering");
        await _folder.MakeLegacyBaselineAsync(tendering);
        await _folder.ExecuteAsync(tendering, "ALTER TABLE \"TenderQuestions\" DROP COLUMN \"Answer\";");

        await using var host = await (await _folder.MigrateAsync()).StartAsync();
        using var client = host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var report = await ready.ReadJsonAsync<JsonElement>();

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var check = report.GetProperty("checks").GetProperty("tendering-db");
        check.GetProperty("status").GetString().Should().Be("Unhealthy");
        check.GetProperty("description").GetString().Should()
            .Contain("Tendering").And.Contain("before migrations").And.Contain("missing (1): TenderQuestions: column Answer TEXT");
        report.GetProperty("checks").GetProperty("bidding-db").GetProperty("status").GetString().Should().Be("Healthy", "the other services' databases were migrated");
        (await _folder.TablesAsync(tendering)).Should().NotContain("__EFMigrationsHistory", "a refused database is left as it was found");
    }

    [Fact]
    public async Task Readiness_is_unhealthy_naming_the_service_while_a_migration_is_pending()
    {
        await using var platform = await _folder.StartAsync();
        using var client = platform.CreateClient();
        using (var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK, await before.Content.ReadAsStringAsync());
        }

        var contracting = _folder.Databases.Single(d => d.Name == "Contracting");
        var last = _folder.Migrations(contracting)[^1];
        await _folder.ExecuteAsync(contracting, $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{last}';");

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var check = (await ready.ReadJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("contracting-db");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        check.GetProperty("status").GetString().Should().Be("Unhealthy");
        check.GetProperty("description").GetString().Should().Contain("Contracting").And.Contain("pending").And.Contain(last);
    }

    /// <summary>
    /// Fills every service's database through the API as users would (a published tender seen by an agency, an active
    /// contract with its instalments and notifications), stops the host, and returns what the endpoints answered.
    /// </summary>
    private async Task<Dictionary<string, string>> FillAsync()
    {
        await using var platform = await _folder.StartAsync();
        using var purchaser = await platform.SignedInClientAsync("purchaser");
        using var agency = await platform.SignedInClientAsync("agency1");

        var today = SliceApi.BeijingToday();
        var programId = await purchaser.CreateProgramAsync("Home care before the upgrade", "Demo District");
        var serviceStart = today.AddMonths(2);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, "Elder care before the upgrade", 480_000.00m, SliceApi.BeijingTime(today.AddDays(25), new TimeOnly(17, 0)),
            serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");
        _liveBid = await BidWithdrawnAndBidAgainAsync(agency, tenderId);

        var agencyUser = DemoDirectory.UserNamed("agency1");
        var award = ContractingApi.Award("Elder care before the upgrade", DemoDirectory.CivilAffairsBureau, agencyUser.OrganisationId,
            agencyUser.OrganisationName, 450_000.00m, today, today.AddYears(1).AddDays(-1), DateTimeOffset.UtcNow);
        await platform.ConfirmAwardAsync(award);
        var contract = await purchaser.WaitForContractOfTenderAsync(award.TenderId, Patience);
        contract.Should().NotBeNull("the award reaches Contracting");
        (await purchaser.SignContractAsync(contract!.Id)).Expect(HttpStatusCode.OK, "the purchaser signing");
        (await agency.SignContractAsync(contract.Id)).Expect(HttpStatusCode.OK, "the agency signing");
        await WaitForAsync(async () => (await purchaser.InstalmentsOfContractAsync(contract.Id)).Length > 0, "the contract, active from today, has its instalments scheduled");

        var reads = Reads(tenderId, contract.Id);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (user, path) in reads)
        {
            answers[$"{user} {path}"] = await ReadAsync(user == "purchaser" ? purchaser : agency, path);
        }

        answers.Values.Should().OnlyContain(body => body.Length > 2, "every endpoint read has data in it before the upgrade");
        return answers;
    }

    /// <summary>
    /// Agency1's bids on the tender: one withdrawn and one live, the two kinds the bid indexes keep apart (issue 17); the
    /// upgraded folder must still list both in "my bids" and keep the one-live-bid rule.
    /// </summary>
    private static async Task<(Guid TenderId, BidContentBody Content)> BidWithdrawnAndBidAgainAsync(HttpClient agency, Guid tenderId)
    {
        await agency.RegisterAgencyAsync(new AgencyProfileBody(
            "示范区阳光社会工作服务中心", "52440305MA0Y202609", new DateOnly(2015, 3, 2), "示范区幸福路 1 号", [new ContactBody("王五", "13800138000", "wang@example.cn")]));
        var ids = Enumerable.Range(0, 3).Select(_ => TenderingApi.NewIdNumber()).ToArray();
        Guid[] workers =
        [
            await agency.AddWorkerAsync(new WorkerBody("陈静（升级前）", ids[0], "Intermediate", $"M{ids[0][6..]}", IsSupervisor: true)),
            await agency.AddWorkerAsync(new WorkerBody("周敏（升级前）", ids[1], "Assistant", $"A{ids[1][6..]}", IsSupervisor: false)),
            await agency.AddWorkerAsync(new WorkerBody("刘洋（升级前）", ids[2], "Assistant", $"B{ids[2][6..]}", IsSupervisor: false)),
        ];
        BidContentBody Content(decimal price) => new(
            price, new CostsBody(300_000m, price - 340_000m, 30_000m, 10_000m),
            [new StaffingLineBody(workers[0], 1m, 8_000m), new StaffingLineBody(workers[1], 1m, 6_000m), new StaffingLineBody(workers[2], 0.5m, 3_000m)],
            "为每位独居长者指定社工，每周上门探访。");
        var first = (await agency.SubmitBidAsync(tenderId, Content(450_000m))).Expect(HttpStatusCode.Created, "agency1's first bid").Json<BidReceipt>();
        (await agency.WithdrawBidAsync(first.BidId)).Expect(HttpStatusCode.OK, "withdrawing the first bid");
        (await agency.SubmitBidAsync(tenderId, Content(440_000m))).Expect(HttpStatusCode.Created, "agency1's bid after the withdrawal");
        return (tenderId, Content(430_000m));
    }

    /// <summary>Starts the current host on the folder, checks every old row survived its migration, then every read.</summary>
    private async Task UpgradeAndCompareAsync(Dictionary<string, string> answers)
    {
        var rowsBefore = new Dictionary<string, IReadOnlyDictionary<string, List<Dictionary<string, string>>>>(StringComparer.Ordinal);
        foreach (var database in _folder.Databases)
        {
            rowsBefore[database.Name] = await _folder.RowsAsync(database);
        }

        var upgraded = await _folder.MigrateAsync();
        foreach (var database in _folder.Databases)
        {
            (await _folder.AppliedMigrationsAsync(database)).Should().Equal(_folder.Migrations(database), $"{database.Name} is migrated to its last migration");
            var after = await _folder.RowsAsync(database);
            foreach (var (table, rows) in rowsBefore[database.Name].Where(t => t.Value.Count > 0))
            {
                // Compared on the columns the older schema had: a later migration may add columns, never lose a row or a value
                // (but for a column a migration moved elsewhere on purpose, named in DroppedColumns).
                var columns = rows[0].Keys.Where(c => !DroppedColumns.Contains($"{database.Name}.{table}.{c}")).ToList();
                after.Should().ContainKey(table, $"{database.Name} keeps its table {table}");
                after[table].Select(row => DataFolder.Line(row, columns)).Should()
                    .Contain(rows.Select(row => DataFolder.Line(row, columns)), $"{database.Name}'s {table} keeps every row it had");
            }
        }

        await using var host = await upgraded.StartAsync();
        using var anonymous = host.CreateClient();
        using (var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        }

        using var purchaser = await SignedInAsync(host, "purchaser");
        using var agency = await SignedInAsync(host, "agency1");
        foreach (var (key, before) in answers)
        {
            var (user, path) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            WithoutNewFields(await ReadAsync(user == "purchaser" ? purchaser : agency, path))
                .Should().Be(WithoutNewFields(before), $"{key} answers as before the upgrade");
        }

        var mine = await agency.MyBidsAsync();
        mine.Select(b => b.Status).Should().BeEquivalentTo(["Withdrawn", "Submitted"], "the withdrawn and the live bid both survive the upgrade");
        (await agency.SubmitBidAsync(_liveBid.TenderId, _liveBid.Content)).Status.Should().Be(HttpStatusCode.Conflict, "one live bid per agency and tender still holds on the upgraded folder");
    }

    /// <summary>
    /// Columns of an older schema that a migration drops on purpose after moving what they held: Bidding's
    /// <c>Bids.Commitments</c> (a bid's planned people as JSON in the baseline) went into the <c>StaffCommitments</c>
    /// register with <c>SealedStaffingPlan</c>, converted at start by <c>RegisterConversion</c>.
    /// </summary>
    private static readonly HashSet<string> DroppedColumns = new(StringComparer.Ordinal) { "Bidding.Bids.Commitments" };

    /// <summary>
    /// Fields whose columns a migration newer than a turned-back folder adds: the folder cannot have kept what the newer
    /// version wrote into them (turning back drops the column), so they are left out of the comparison. Every other
    /// field must read as before. A migration that adds a column the fill writes names its field here.
    /// </summary>
    private static readonly string[] NewFields = ["serviceDescription", "region", "serviceDomain"];

    private static string WithoutNewFields(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json);
        Strip(node);
        return node?.ToJsonString() ?? "null";

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    foreach (var field in NewFields)
                    {
                        obj.Remove(field);
                    }

                    foreach (var (_, child) in obj)
                    {
                        Strip(child);
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var child in array)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }

    private static (string User, string Path)[] Reads(Guid tenderId, Guid contractId) =>
    [
        ("purchaser", $"/api/tenders/{tenderId}"),
        ("purchaser", "/api/tenders"),
        ("agency", "/api/bids/open-tenders"),
        ("agency", "/api/bids/notifications"),
        ("agency", "/api/bids/mine"),
        ("purchaser", $"/api/contracts/{contractId}"),
        ("agency", $"/api/contracts/{contractId}"),
        ("agency", "/api/contracts/notifications"),
        ("purchaser", $"/api/disbursements/instalments?contractId={contractId}"),
    ];

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path} answers: {body}");
        return body;
    }

    private static async Task<HttpClient> SignedInAsync(RunningHost host, string userName)
    {
        using var anonymous = host.CreateClient();
        var token = await PlatformSignIn.PasswordGrantAsync(anonymous, userName, PlatformSignIn.DemoPassword);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) =>
        Poll.UntilAsync(condition, what, Patience, TimeSpan.FromMilliseconds(100));
}
