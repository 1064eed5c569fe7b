using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// DOMAIN.md §10 and issue 14 item 3: reading announcements and tender documents never needs an account. Every request
/// here to <c>/api/public/...</c> carries no token at all; what is not yet public (a draft, its documents, who asked a
/// question, a question not answered) never shows.
/// </summary>
public sealed class Public_announcements_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private static readonly Guid OtherUnit = Guid.NewGuid();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings { TestHarness = true, DataDirectory = _dataDirectory }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Signed(string role = Roles.Purchaser, Guid? organisation = null) =>
        _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));

    /// <summary>A caller without any token: the public.</summary>
    private HttpClient Anyone() => _host.CreateClient();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> ProgramAsync(string region, string domain, Guid? unit = null) =>
        (await JsonAsync(await Signed(organisation: unit).PostAsJsonAsync("/api/programs",
            new { name = $"Care in {region}", region, serviceDomain = domain, activeFrom = "2026-01-01" }))).GetProperty("id").GetGuid();

    private async Task<Guid> TenderAsync(Guid programId, bool publish, Guid? unit = null)
    {
        var purchaser = Signed(organisation: unit);
        var id = (await JsonAsync(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId)))).GetProperty("id").GetGuid();
        if (publish)
        {
            (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return id;
    }

    private static async Task<Guid> UploadPdfAsync(HttpClient purchaser, Guid tenderId, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "采购文件.pdf");
        return (await JsonAsync(await purchaser.PostAsync($"/api/tenders/{tenderId}/documents", form))).GetProperty("id").GetGuid();
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        bytes[^1] = 42;
        return bytes;
    }

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];

    [Fact]
    public async Task A_draft_is_neither_listed_nor_readable_nor_are_its_documents_until_it_is_published()
    {
        var program = await ProgramAsync("Demo District", "Elderly");
        var draft = await TenderAsync(program, publish: false);
        var document = await UploadPdfAsync(Signed(), draft, Pdf(128));

        Ids(await JsonAsync(await Anyone().GetAsync("/api/public/tenders?pageSize=100"))).Should().NotContain(draft);
        (await Anyone().GetAsync($"/api/public/tenders/{draft}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft is not public");
        (await Anyone().GetAsync($"/api/public/tenders/{draft}/documents/{document}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await Signed().PostAsync($"/api/tenders/{draft}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        Ids(await JsonAsync(await Anyone().GetAsync("/api/public/tenders?pageSize=100"))).Should().Contain(draft, "published, it is public");
        (await Anyone().GetAsync($"/api/public/tenders/{draft}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Anyone().GetAsync($"/api/public/tenders/{draft}/documents/{document}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anyone_reads_a_published_tender_with_its_amendments_and_answers_but_not_who_asked_nor_unanswered_questions()
    {
        var program = await ProgramAsync("Demo District", "Elderly");
        var id = await TenderAsync(program, publish: true);
        var agency = Signed(Roles.Agency, Guid.NewGuid());
        var asked = (await JsonAsync(await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "Is transport of elders included?" })))
            .GetProperty("id").GetGuid();
        await JsonAsync(await agency.PostAsJsonAsync($"/api/tenders/{id}/questions", new { text = "A question nobody answered yet" }));
        await JsonAsync(await Signed().PostAsJsonAsync($"/api/tenders/{id}/questions/{asked}/answer", new { answer = "Yes, within the district." }));
        await JsonAsync(await Signed().PostAsJsonAsync($"/api/tenders/{id}/amendments", new { description = "Budget raised", budgetCeiling = 520000.00m }));

        var announcement = await JsonAsync(await Anyone().GetAsync($"/api/public/tenders/{id}"));

        var tender = announcement.GetProperty("tender");
        tender.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        tender.GetProperty("region").GetString().Should().Be("Demo District");
        tender.GetProperty("serviceDomain").GetString().Should().Be("Elderly");
        tender.GetProperty("programName").GetString().Should().Be("Care in Demo District");
        tender.GetProperty("budgetCeiling").GetDecimal().Should().Be(520000.00m, "the amendment is in the terms");
        tender.GetProperty("amendments").GetInt32().Should().Be(1);
        announcement.GetProperty("amendmentHistory").EnumerateArray().Select(a => a.GetProperty("description").GetString())
            .Should().Equal("Budget raised");
        var answers = announcement.GetProperty("answers").EnumerateArray().ToList();
        answers.Should().ContainSingle("only the answered question is public");
        answers[0].GetProperty("question").GetString().Should().Be("Is transport of elders included?");
        answers[0].GetProperty("answer").GetString().Should().Be("Yes, within the district.");
        answers[0].TryGetProperty("askedBy", out _).Should().BeFalse("who asked is never published");
        answers[0].TryGetProperty("mine", out _).Should().BeFalse();
        announcement.GetRawText().Should().NotContain("nobody answered").And.NotContain("awardedAgencyId");
    }

    [Fact]
    public async Task Anyone_downloads_a_published_tender_s_document_with_its_name_and_hash()
    {
        var id = await TenderAsync(await ProgramAsync("Demo District", "Elderly"), publish: true);
        var content = Pdf(4096);
        var document = await UploadPdfAsync(Signed(), id, content);

        var listed = (await JsonAsync(await Anyone().GetAsync($"/api/public/tenders/{id}"))).GetProperty("documents").EnumerateArray().Single();
        listed.GetProperty("id").GetGuid().Should().Be(document);
        using var download = await Anyone().GetAsync($"/api/public/tenders/{id}/documents/{document}");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(content);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Headers.ETag!.Tag.Should().Be($"\"{Convert.ToHexStringLower(SHA256.HashData(content))}\"");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("采购文件.pdf");
        (await Anyone().GetAsync($"/api/public/tenders/{id}/documents/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_region_service_domain_purchaser_and_publication_date_and_pages_newest_first()
    {
        var region = "Filter District " + Guid.NewGuid().ToString("N")[..6];
        var elderly = await TenderAsync(await ProgramAsync(region, "Elderly"), publish: true);
        var family = await TenderAsync(await ProgramAsync(region, "Family"), publish: true);
        var otherUnit = await TenderAsync(await ProgramAsync(region, "Family", OtherUnit), publish: true, unit: OtherUnit);
        var elsewhere = await TenderAsync(await ProgramAsync("Somewhere Else", "Family"), publish: true);
        var query = "/api/public/tenders?region=" + Uri.EscapeDataString(region);

        Ids(await JsonAsync(await Anyone().GetAsync(query))).Should().BeEquivalentTo([elderly, family, otherUnit]).And.NotContain(elsewhere);
        Ids(await JsonAsync(await Anyone().GetAsync(query + "&serviceDomain=Family"))).Should().BeEquivalentTo([family, otherUnit]);
        Ids(await JsonAsync(await Anyone().GetAsync(query + $"&purchaser={OtherUnit}"))).Should().Equal(otherUnit);

        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1).ToString("yyyy-MM-dd");
        Ids(await JsonAsync(await Anyone().GetAsync(query + $"&from={today}&to={today}"))).Should().HaveCount(3, "all were published today (Beijing)");
        Ids(await JsonAsync(await Anyone().GetAsync(query + $"&from={tomorrow}"))).Should().BeEmpty();

        var first = await JsonAsync(await Anyone().GetAsync(query + "&pageSize=2"));
        var second = await JsonAsync(await Anyone().GetAsync(query + "&pageSize=2&page=2"));
        first.GetProperty("total").GetInt32().Should().Be(3);
        Ids(first).Should().Equal(otherUnit, family);
        Ids(second).Should().Equal(elderly);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=2026-12-05&to=2026-12-01", "to")]
    public async Task A_filter_out_of_its_range_is_refused_naming_the_field(string query, string field)
    {
        using var refused = await Anyone().GetAsync("/api/public/tenders?" + query);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.GetRawText());
    }
}
