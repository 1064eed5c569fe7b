using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>Every registered bidder of a tender hears of its amendments, of answers that change bids, and of its opening.</summary>
public sealed class Bidder_notifications_api : IAsyncLifetime
{
    private BidBed _bed = null!;
    private Bidder _a = null!;
    private Bidder _b = null!;
    private Bidder _c = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        _b = await _bed.AgencyAsync(BidBed.CodeB, "440305199001011045", "440305199001011053", "440305199001011061");
        // C has a profile but no bid on the tender: not a registered bidder.
        _c = await _bed.AgencyAsync("52440305MJL1000336", "44030519900101107X", "440305199001011088", "440305199001011096");
        await _bed.SubmittedAsync(_a, 412_345.67m);
        await _bed.SubmittedAsync(_b, 398_765.43m);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private TenderAmended Amendment(bool changesBids, DateTimeOffset newDeadline) => new(
        _bed.Tender.TenderId, 2, "Night duty added to the service", changesBids, ["kpis"],
        _bed.Deadline, newDeadline, newDeadline != _bed.Deadline, 480_000.00m, _bed.Tender.ServiceStart, _bed.Tender.ServiceEnd,
        _bed.Tender.Staffing, _bed.Tender.PersonnelCost, _bed.Tender.Evaluation, [], [], [], null, BiddingApi.Now.AddDays(1), _bed.Tender.Rules);

    private static async Task<JsonElement> InboxAsync(HttpClient client, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/bids/notifications");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement inbox) => [.. inbox.GetProperty("notifications").EnumerateArray()];

    [Fact]
    public async Task An_amendment_that_changes_bids_reaches_every_bidder_in_their_language_and_no_one_else()
    {
        // 2026-12-10 02:00 UTC is 10:00 in Beijing.
        await _bed.SendAsync(Amendment(changesBids: true, _bed.Deadline.AddDays(5)));

        foreach (var bidder in new[] { _a, _b })
        {
            var inbox = await InboxAsync(bidder.Client);
            inbox.GetProperty("unread").GetInt32().Should().Be(1);
            var notice = Items(inbox).Should().ContainSingle().Subject;
            notice.GetProperty("kind").GetString().Should().Be("TenderAmended");
            notice.GetProperty("tenderId").GetGuid().Should().Be(_bed.Tender.TenderId);
            notice.GetProperty("readAt").ValueKind.Should().Be(JsonValueKind.Null);
            notice.GetProperty("text").GetString().Should()
                .Be("Tender \"Elderly care in Futian 2027\" was amended (amendment no. 2): Night duty added to the service. "
                    + "The bid deadline is 2026-12-10 10:00 (Beijing time). The change can affect bids: a bid submitted before it does not count "
                    + "until its agency confirms or revises it before the deadline.");
        }

        var chinese = Items(await InboxAsync(_a.Client, "zh-CN")).Single().GetProperty("text").GetString();
        chinese.Should().StartWith("采购项目“Elderly care in Futian 2027”发布了更正公告（第 2 号）").And.Contain("2026-12-10 10:00（北京时间）");
        (await InboxAsync(_c.Client)).GetProperty("unread").GetInt32().Should().Be(0);
        Items(await InboxAsync(_c.Client)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_amendment_that_cannot_change_bids_is_announced_without_asking_for_reconfirmation()
    {
        await _bed.SendAsync(Amendment(changesBids: false, _bed.Deadline.AddDays(5)));

        var text = Items(await InboxAsync(_a.Client)).Single().GetProperty("text").GetString();
        text.Should().EndWith("The bid deadline is 2026-12-10 10:00 (Beijing time).");
    }

    [Fact]
    public async Task Only_an_answer_that_changes_bids_is_a_notice_and_it_never_names_who_asked()
    {
        await _bed.SendAsync(new TenderClarified(_bed.Tender.TenderId, Guid.NewGuid(), "Where is the office?", "At the street office.",
            ChangesBids: false, _bed.Deadline, BiddingApi.Now.AddDays(1)));
        Items(await InboxAsync(_a.Client)).Should().BeEmpty();

        await _bed.SendAsync(new TenderClarified(_bed.Tender.TenderId, Guid.NewGuid(), "Is night duty included?", "Yes, two nights a week.",
            ChangesBids: true, _bed.Deadline.AddDays(2), BiddingApi.Now.AddDays(2)));

        var notice = Items(await InboxAsync(_b.Client)).Should().ContainSingle().Subject;
        notice.GetProperty("kind").GetString().Should().Be("TenderClarified");
        notice.GetProperty("text").GetString().Should().Contain("Question: Is night duty included? Answer: Yes, two nights a week.")
            .And.Contain("2026-12-07 10:00 (Beijing time)");
    }

    [Fact]
    public async Task At_the_opening_every_bidder_withdrawn_or_not_gets_the_opening_notice_newest_first()
    {
        await _bed.SendAsync(Amendment(changesBids: false, _bed.Deadline));
        var bidB = (await _b.Client.GetFromJsonAsync<JsonElement>("/api/bids/mine"))[0].GetProperty("bidId").GetGuid();
        (await _b.Client.PostAsync($"/api/bids/{bidB}/withdraw", null)).EnsureSuccessStatusCode();

        await _bed.SendAsync(new BidWindowClosed(_bed.Tender.TenderId, _bed.Deadline));

        foreach (var bidder in new[] { _a, _b })
        {
            var items = Items(await InboxAsync(bidder.Client));
            items.Select(n => n.GetProperty("kind").GetString()).Should().Equal("BidsOpened", "TenderAmended");
            items[0].GetProperty("text").GetString().Should().Be(
                $"The bids for tender \"Elderly care in Futian 2027\" were opened at 2026-12-05 10:00 (Beijing time): 1 bid(s) opened. "
                + $"The opening record is at /api/bids/openings/{_bed.Tender.TenderId}.");
        }

        Items(await InboxAsync(_c.Client)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_agency_reads_and_marks_only_its_own_notices()
    {
        await _bed.SendAsync(Amendment(changesBids: true, _bed.Deadline));
        var noticeOfA = Items(await InboxAsync(_a.Client)).Single().GetProperty("id").GetGuid();
        var noticeOfB = Items(await InboxAsync(_b.Client)).Single().GetProperty("id").GetGuid();

        (await _b.Client.PostAsync($"/api/bids/notifications/{noticeOfA}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _c.Client.PostAsync($"/api/bids/notifications/{noticeOfA}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Items(await InboxAsync(_b.Client)).Select(n => n.GetProperty("id").GetGuid()).Should().Equal(noticeOfB);
        (await InboxAsync(_a.Client)).GetProperty("unread").GetInt32().Should().Be(1);

        var read = await _a.Client.PostAsync($"/api/bids/notifications/{noticeOfA}/read", null);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var readAt = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset();
        _bed.Api.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await _a.Client.PostAsync($"/api/bids/notifications/{noticeOfA}/read", null);

        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset().Should().Be(readAt);
        (await InboxAsync(_a.Client)).GetProperty("unread").GetInt32().Should().Be(0);
        (await InboxAsync(_b.Client)).GetProperty("unread").GetInt32().Should().Be(1);
        (await _bed.Purchaser().GetAsync("/api/bids/notifications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _bed.Client(Roles.Auditor).GetAsync("/api/bids/notifications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
