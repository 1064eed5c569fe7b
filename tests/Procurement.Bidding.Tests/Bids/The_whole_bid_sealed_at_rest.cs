using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Every field of a bid, read from the bytes of <c>bidding.db</c> before opening: two agencies bid (one revises, one
/// withdraws) with figures and texts found nowhere else. ID numbers end in X, so no hex id or hash can spell a last four.
/// </summary>
public sealed class The_whole_bid_sealed_at_rest : IAsyncLifetime
{
    private const string TenderTitle = "Elderly care in Futian 2027";
    private const string AgencyName = "Sunshine Social Work Service Centre";
    private const string FirstProposal = "Every isolated elder gets a lantern visit on Thursdays from a named caseworker.";
    private const string RevisedProposal = "Marigold circles meet twice a week in each residents' committee hall.";
    private const string Explanation = "Our volunteers from the Futian harmonica club cover the evening rounds.";

    private static readonly string[] PeopleA = ["44030519850101108X", "44030519850101116X", "44030519850101124X"];
    private static readonly string[] PeopleB = ["44030519850101132X", "44030519850101140X", "44030519850101159X"];

    private readonly string _copies = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private BidBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        var a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        var b = await _bed.AgencyAsync(BidBed.CodeB, PeopleB);
        var submitted = await a.Client.PostAsJsonAsync("/api/bids", new
        {
            tenderId = _bed.Tender.TenderId,
            content = Content(a, 412_345.67m, 301_234.56m, 79_876.54m, 21_111.11m, 10_123.46m, [0.37m, 0.83m, 0.46m], [8_123.45m, 6_234.56m, 3_345.67m], FirstProposal),
        });
        submitted.StatusCode.Should().Be(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var bidA = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
        var revised = await a.Client.PutAsJsonAsync($"/api/bids/{bidA}", new
        {
            content = Content(a, 411_234.58m, 302_345.67m, 77_654.32m, 21_222.22m, 10_012.37m, [0.29m, 0.71m, 0.53m], [8_765.43m, 6_543.21m, 3_456.78m], RevisedProposal),
        });
        revised.StatusCode.Should().Be(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        var bidB = await b.Client.PostAsJsonAsync("/api/bids", new
        {
            tenderId = _bed.Tender.TenderId,
            content = Content(b, 398_765.43m, 300_987.65m, 66_666.66m, 20_987.65m, 10_123.47m, [0.67m, 0.94m, 0.58m], [8_234.56m, 6_345.67m, 3_567.89m], FirstProposal),
        });
        bidB.StatusCode.Should().Be(HttpStatusCode.Created, await bidB.Content.ReadAsStringAsync());
        var bidBId = (await bidB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
        (await b.Client.PostAsync($"/api/bids/{bidBId}/withdraw", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        if (Directory.Exists(_copies))
        {
            Directory.Delete(_copies, recursive: true);
        }
    }

    private static object Content(
        Bidder bidder, decimal price, decimal personnel, decimal activities, decimal administration, decimal other,
        decimal[] fte, decimal[] pay, string proposal) => new
        {
            price,
            costs = new { personnel, activities, administration, other },
            staffing = bidder.Workers.Select((worker, i) => new { workerId = worker, fte = fte[i], monthlyPay = pay[i] }).ToArray(),
            technicalProposal = proposal,
            abnormallyLowExplanation = Explanation,
        };

    [Fact]
    public async Task No_price_cost_pay_fte_text_or_document_of_any_version_is_in_the_database_files()
    {
        var stored = await _bed.DatabaseBytesAsync();

        string[] secrets =
        [
            // Prices, every cost line, every monthly pay and every FTE of both versions and of the withdrawn bid.
            "412345.67", "411234.58", "398765.43", "412345", "411234", "398765",
            "301234.56", "79876.54", "21111.11", "10123.46", "302345.67", "77654.32", "21222.22", "10012.37",
            "300987.65", "66666.66", "20987.65", "10123.47",
            "8123.45", "6234.56", "3345.67", "8765.43", "6543.21", "3456.78", "8234.56", "6345.67", "3567.89",
            "0.37", "0.83", "0.46", "0.29", "0.71", "0.53", "0.67", "0.94", "0.58",
            // The texts, and names of the document's own fields (a tender's pay floor has a monthlyPay too): no bid document in the clear.
            "lantern visit", "Marigold circles", "harmonica club", "technicalProposal", "abnormallyLow", "workerId",
        ];
        FoundIn(stored, secrets).Should().BeEmpty();
        FoundIn("{\"fte\":0.37}", ["0.37"]).Should().Equal(["0.37"], "a figure in the clear is found");
        FoundIn("2026-12-06 05:20:30.3710713+00:00", ["0.37"]).Should().BeEmpty("only a time's seconds spell it there");
        FoundIn("{\"price\":412345}", ["412345"]).Should().Equal(["412345"], "a whole number in the clear is found");
        FoundIn("9c932ce0412345f1", ["412345"]).Should().BeEmpty("six digits inside a hash are not a price");

        // The bytes searched are the ones the bids went to: the public rows around them are there in the clear.
        stored.Should().Contain(TenderTitle).And.Contain("Worker 17G-0").And.Contain("108X");
    }

    [Fact]
    public async Task Without_the_roster_the_agencies_and_the_tenders_own_rows_nothing_names_a_planned_worker_the_tender_or_the_agency()
    {
        // Every live row, read through SQLite (the WAL included), with only the public homes of these texts blanked:
        // the roster's names and last fours, the agency profile's name, the tender's title.
        var snapshot = await VacuumIntoAsync(Connection(Path.Combine(_bed.Api.Settings.DataDirectory, "bidding.db")), "snapshot.db");
        var before = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(snapshot));
        before.Should().Contain(TenderTitle).And.Contain(AgencyName).And.Contain("Worker 25B-2").And.Contain("159X");
        await using (var connection = Connection(snapshot))
        {
            await connection.OpenAsync();
            await using var scrub = connection.CreateCommand();
            scrub.CommandText = """
                UPDATE SocialWorkers SET DisplayName = '', IdNumberLastFour = '';
                UPDATE Agencies SET Name = '';
                UPDATE OpenTenders SET Title = '';
                """;
            await scrub.ExecuteNonQueryAsync();

            // The audit chain records those rows' changes with their values: the same public texts are blanked there.
            foreach (var text in PublicTexts())
            {
                await using var blank = connection.CreateCommand();
                blank.CommandText = "UPDATE AuditEntries SET Changes = replace(Changes, $text, '')";
                blank.Parameters.AddWithValue("$text", text);
                await blank.ExecuteNonQueryAsync();
            }
        }

        var scrubbed = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await VacuumIntoAsync(Connection(snapshot), "scrubbed.db")));

        string[] names = [TenderTitle, "Futian 2027", AgencyName, "Sunshine", .. Workers("17G"), .. Workers("25B"), .. PeopleA.Concat(PeopleB).Select(n => n[^4..])];
        FoundIn(scrubbed, names).Should().BeEmpty();
    }

    /// <summary>The roster's names and last fours, the agency's name and the tender's title, as their public rows hold them.</summary>
    private static IEnumerable<string> PublicTexts() =>
        [TenderTitle, AgencyName, .. Workers("17G"), .. Workers("25B"), .. PeopleA.Concat(PeopleB).Select(n => n[^4..])];

    private static IEnumerable<string> Workers(string code) => Enumerable.Range(0, 3).Select(i => $"Worker {code}-{i}");

    private static SqliteConnection Connection(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    /// <summary>A fresh file holding exactly the live rows: no free page, no WAL, no older version of a row.</summary>
    private async Task<string> VacuumIntoAsync(SqliteConnection source, string name)
    {
        Directory.CreateDirectory(_copies);
        var target = Path.Combine(_copies, name);
        await using (source)
        {
            await source.OpenAsync();
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync();
        }

        return target;
    }

    /// <summary>Which of the texts the bytes hold, in UTF-8 or UTF-16.</summary>
    private static List<string> FoundIn(string bytes, IEnumerable<string> texts) =>
        [.. texts.Where(t => Holds(bytes, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(t)), 1)
            || Holds(bytes, Encoding.Latin1.GetString(Encoding.Unicode.GetBytes(t)), 2))];

    /// <summary>
    /// Whether <paramref name="bytes"/> hold <paramref name="text"/> outside a time stored as text: EF Core's migration
    /// lock row keeps one in the file ("2026-12-06 05:20:30.3710713+00:00"), whose seconds can spell an FTE ("0.37").
    /// </summary>
    private static bool Holds(string bytes, string text, int charSize)
    {
        for (var at = bytes.IndexOf(text, StringComparison.Ordinal); at >= 0; at = bytes.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            var from = Math.Max(0, at - (40 * charSize));
            var window = bytes.Substring(from, Math.Min(bytes.Length - from, text.Length + (80 * charSize)));
            var time = charSize == 1 ? TimeText : TimeTextUtf16;
            var insideATime = time.Matches(window).Any(m => from + m.Index <= at && at + text.Length <= from + m.Index + m.Length);

            // Whole numbers count only standing alone: inside hex text (a hash, an id) six digits turn up by chance.
            var insideHex = charSize == 1 && text.All(char.IsAsciiDigit)
                && ((at > 0 && char.IsAsciiLetterOrDigit(bytes[at - 1])) || (at + text.Length < bytes.Length && char.IsAsciiLetterOrDigit(bytes[at + text.Length])));
            if (!insideATime && !insideHex)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Regex TimeText = new(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}\.\d+", RegexOptions.CultureInvariant);

    private static readonly Regex TimeTextUtf16 = new(@"(\d\x00){4}-\x00(\d\x00){2}-\x00(\d\x00){2}[ T]\x00(\d\x00){2}:\x00(\d\x00){2}:\x00(\d\x00){2}\.\x00(\d\x00)+", RegexOptions.CultureInvariant);
}
