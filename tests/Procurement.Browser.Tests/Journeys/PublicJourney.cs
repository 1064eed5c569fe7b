using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;
using Procurement.Testing.Platform;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// Issue 14 item 3 (and the first part of issue 18): reading announcements and tender documents never needs an account.
/// A reader with no session at all finds a published tender from the sign-in page, reads it in Chinese and in English
/// at stable addresses, and saves its document; a draft stays out of sight.
/// </summary>
[Collection(BrowserCollection.Name)]
public class Anyone_reads_tender_announcements_without_an_account(BrowserPlatform browser)
{
    private const string FileName = "采购需求书.pdf";

    [Fact]
    public async Task A_reader_without_a_session_finds_a_published_tender_reads_it_in_two_languages_and_saves_its_document()
    {
        var region = $"公开区{Guid.NewGuid():N}"[..9];
        var (published, draft, pdf) = await SeedAsync(region);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // From the sign-in page (where the portal sends a reader without a session), a link to the announcements.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "浏览采购公告（无需登录）" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("采购公告");

        // The filter narrows to the region; the draft of the same region is not there.
        await page.GetByTestId("filter-region").FillAsync(region);
        await page.GetByTestId("filter-submit").ClickAsync();
        var rows = page.GetByTestId("public-tender-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByTestId("public-tender-link")).ToHaveTextAsync(published.Title);
        page.Url.Should().Contain("region=" + Uri.EscapeDataString(region), "the filter is in a stable address");

        await rows.GetByTestId("public-tender-link").ClickAsync();
        await Expect(page.GetByTestId("public-tender-title")).ToHaveTextAsync(published.Title);
        await Expect(page.GetByTestId("public-budget")).ToHaveTextAsync("¥480,000.00");
        await Expect(page.GetByTestId("public-answer")).ToContainTextAsync("包含区内交通。");
        page.Url.Should().EndWith($"/public/tenders/{published.Id}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("public-document-download").ClickAsync());
        download.SuggestedFilename.Should().Be(FileName);
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).Should().Equal(pdf);

        // The same address in English, by the page's own language link.
        await page.GetByTestId("public-language").ClickAsync();
        await Expect(page.GetByTestId("public-back")).ToHaveTextAsync("Back to the announcements");
        page.Url.Should().EndWith($"/public/tenders/{published.Id}?culture=en");

        // The draft's address answers as an unknown announcement, with a 404 status.
        var answer = await page.GotoAsync($"/public/tenders/{draft}");
        answer!.Status.Should().Be(404);
        await Expect(page.GetByTestId("public-not-found")).ToBeVisibleAsync();
        page.Url.Should().NotContain("/account/login", "no page on the way asked for a sign-in");

        // The open data (issue 18 items 2 and 6): from any public page's header, the year's file holds the tender and its
        // answered question as OCDS releases, and nothing of the draft.
        await page.GetByTestId("public-open-data").ClickAsync();
        await Expect(page.GetByTestId("open-data-title")).ToHaveTextAsync("开放数据");
        var year = page.GetByTestId("open-data-year").Filter(new() { HasText = DateTime.UtcNow.AddHours(8).Year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Expect(year).ToHaveCountAsync(1);
        var bulk = await page.RunAndWaitForDownloadAsync(() => year.GetByTestId("open-data-bulk").ClickAsync());
        var ocids = JsonDocument.Parse(await File.ReadAllTextAsync((await bulk.PathAsync())!)).RootElement.GetProperty("releases").EnumerateArray()
            .Select(r => (r.GetProperty("ocid").GetString()!, r.GetProperty("tag")[0].GetString()!)).ToList();
        ocids.Should().Contain(($"ocds-sgfw01-{published.Id:D}", "tender")).And.Contain(($"ocds-sgfw01-{published.Id:D}", "tenderUpdate"));
        ocids.Should().NotContain(o => o.Item1.EndsWith(draft.ToString("D"), StringComparison.Ordinal));
        await page.ScreenshotAsync("public-open-data");
        await page.GetByTestId("public-language").ClickAsync();
        await Expect(page.GetByTestId("open-data-title")).ToHaveTextAsync("Open data");
        await page.ScreenshotAsync("en-public-open-data");
    }

    private async Task<(PublishedTender Published, Guid Draft, byte[] Pdf)> SeedAsync(string region)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        using var agency = await browser.ApiAsync("agency3");
        var programId = await purchaser.CreateProgramAsync($"{region}居家养老", region);
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(30), new TimeOnly(17, 0));
        var serviceStart = browser.Today.AddDays(60);
        var title = $"{region}居家养老公告";
        var tender = NewTender.Standard(programId, title, 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1));
        var id = await purchaser.DraftTenderAsync(tender);
        var draft = await purchaser.DraftTenderAsync(NewTender.Standard(programId, title + "（草稿）", 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));

        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% public {Guid.NewGuid():N}\n%%EOF\n");
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", FileName);
            using var uploaded = await purchaser.PostAsync(new Uri($"/api/tenders/{id}/documents", UriKind.Relative), form);
            uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        }

        await purchaser.PublishTenderAsync(id);
        using var asked = await agency.PostAsync(new Uri($"/api/tenders/{id}/questions", UriKind.Relative), Json(new { text = "是否包含交通？" }));
        asked.StatusCode.Should().Be(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var questionId = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var answered = await purchaser.PostAsync(new Uri($"/api/tenders/{id}/questions/{questionId}/answer", UriKind.Relative), Json(new { answer = "包含区内交通。" }));
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        return (new PublishedTender(id, title), draft, pdf);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private sealed record PublishedTender(Guid Id, string Title);
}
