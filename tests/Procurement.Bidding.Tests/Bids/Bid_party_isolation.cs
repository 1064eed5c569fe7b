using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>Before opening, a bid's price and content reach its own agency and no one else, by any route.</summary>
public sealed class Bid_party_isolation : IAsyncLifetime
{
    private const string PriceA = "412345.67";
    private const string PriceB = "398765.43";
    private BidBed _bed = null!;
    private Bidder _a = null!;
    private Bidder _b = null!;
    private Guid _bidA;
    private Guid _bidB;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        _b = await _bed.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        _bidA = (await _bed.SubmittedAsync(_a, 412_345.67m)).GetProperty("bidId").GetGuid();
        _bidB = (await _bed.SubmittedAsync(_b, 398_765.43m)).GetProperty("bidId").GetGuid();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_agency_lists_only_its_own_bids()
    {
        var mine = await _a.Client.GetFromJsonAsync<JsonElement>("/api/bids/mine");

        mine.EnumerateArray().Select(b => b.GetProperty("bidId").GetGuid()).Should().Equal(_bidA);
        mine.GetRawText().Should().Contain(PriceA).And.NotContain(PriceB);
    }

    [Fact]
    public async Task Another_agencys_bid_id_is_not_found_on_every_route()
    {
        var content = BidBed.Content(_b, 398_000.00m);
        HttpResponseMessage[] responses =
        [
            await _b.Client.GetAsync($"/api/bids/{_bidA}"),
            await _b.Client.PutAsJsonAsync($"/api/bids/{_bidA}", new { content }),
            await _b.Client.PostAsync($"/api/bids/{_bidA}/withdraw", null),
            await _b.Client.PostAsync($"/api/bids/{_bidA}/confirm", null),
        ];

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).Should().NotContain(PriceA);
        }

        (await _a.Client.GetFromJsonAsync<JsonElement>("/api/bids/mine"))[0].GetProperty("status").GetString().Should().Be("Submitted", "nothing B sent changed A's bid");
    }

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Evaluator)]
    public async Task No_other_role_gets_a_price_or_the_proposal_from_any_route_before_opening(string role)
    {
        var client = role == Roles.Purchaser ? _bed.Purchaser() : _bed.Client(role);
        string[] routes =
        [
            "/api/bids/mine", $"/api/bids/{_bidA}", $"/api/bids/{_bidB}", $"/api/bids/openings/{_bed.Tender.TenderId}",
            "/api/bids/open-tenders", "/api/agencies", $"/api/agencies/{_a.Id}", "/api/bids/audit/verify",
        ];

        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, route);
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain(PriceA, route).And.NotContain(PriceB, route).And.NotContain("lantern visit", route);
        }

        (await client.GetAsync($"/api/bids/{_bidA}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/bids/openings/{_bed.Tender.TenderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/bids/{_bidA}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_database_files_hold_neither_a_price_nor_the_proposal_in_the_clear()
    {
        var stored = await _bed.DatabaseBytesAsync();

        // The tender's title and the roster are there in the clear, so these are the bytes the bids were written to.
        stored.Should().Contain("Elderly care in Futian 2027").And.Contain("Worker 17G-0");
        stored.Should().NotContain(PriceA).And.NotContain(PriceB);

        // The whole yuan alone, as a number of its own: inside a run of hex digits or letters (a hash, an id, a time's
        // fraction) six digits turn up by chance, and the audit chain's entries hold many hashes and ids as text.
        StandaloneNumbers(stored, "412345").Should().Be(0);
        StandaloneNumbers(stored, "398765").Should().Be(0);
        StandaloneNumbers("{\"price\":412345.67}", "412345").Should().Be(1, "a price in the clear is found");
        StandaloneNumbers("a3f412345b0c", "412345").Should().Be(0, "six digits inside a hash are not a price");
        stored.Should().NotContain("lantern visit").And.NotContain("isolated elder");
        stored.Should().NotContain(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.Unicode.GetBytes("lantern visit")));
    }

    private static int StandaloneNumbers(string bytes, string digits) =>
        System.Text.RegularExpressions.Regex.Matches(bytes, $"(?<![0-9A-Za-z]){digits}(?![0-9A-Za-z])").Count;
}
