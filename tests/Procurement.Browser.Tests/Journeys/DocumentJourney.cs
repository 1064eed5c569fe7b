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
/// Tender documents in zh-CN, by clicking only: the purchaser uploads a PDF with a Chinese name on the tender's page (a
/// file that is not what its name says is refused beside the field, in the API's words), publishes, and an agency opens
/// the tender and saves the file through the portal — the bytes it saved have the SHA-256 the page shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public class A_tender_document_goes_from_the_purchaser_to_an_agency_in_the_browser(BrowserPlatform browser)
{
    private const string FileName = "居家养老服务招标文件（第一包）.pdf";

    [Fact]
    public Task The_agency_saves_the_purchasers_PDF_under_its_Chinese_name_with_the_SHA_256_the_page_shows() => browser.RunAsync(async page =>
    {
        var tenderId = await DraftTenderAsync();
        var pdf = Pdf();

        // The purchaser: a draft opens on its documents; the file goes up through the page.
        await page.SignInAsync("purchaser");
        await page.GotoAsync($"/purchaser/tenders/{tenderId}");
        await page.WaitForPortalAsync();
        await Expect(page.GetByTestId("documents").GetByTestId("documents-none")).ToBeVisibleAsync();
        await page.GetByTestId("document-file").SetInputFilesAsync(new FilePayload { Name = FileName, MimeType = "application/pdf", Buffer = pdf });
        var uploaded = page.GetByTestId("documents").GetByTestId("document-download");
        await Expect(uploaded).ToHaveTextAsync(FileName);
        var shown = await page.GetByTestId("documents").GetByTestId("document-sha256").GetAttributeAsync("data-sha256");
        shown.Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)), "the page shows the SHA-256 the API computed of the bytes sent");

        // A file named .pdf that is no PDF: the API's refusal, in Chinese, beside the upload field.
        var notPdf = Encoding.UTF8.GetBytes("这不是 PDF");
        await page.GetByTestId("document-file").SetInputFilesAsync(new FilePayload { Name = "说明.pdf", MimeType = "application/pdf", Buffer = notPdf });
        await Expect(page.GetByTestId("document-upload").GetByTestId("document-file-error"))
            .ToHaveTextAsync(await RefusalAsync(tenderId, "说明.pdf", notPdf));
        await Expect(uploaded).ToHaveCountAsync(1);

        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            await purchaser.PublishTenderAsync(tenderId);
        }

        // An agency, in a browser of its own: the published tender's documents, saved by a click.
        await browser.RunAsync(async agency =>
        {
            await agency.SignInAsync("agency2");
            await agency.GotoAsync($"/agency/tenders/{tenderId}");
            await agency.WaitForPortalAsync();
            await Expect(agency.GetByTestId("tender-title")).ToBeVisibleAsync();
            var link = agency.GetByTestId("tender-documents").GetByTestId("document-download");
            await Expect(link).ToHaveTextAsync(FileName);
            var sha = await agency.GetByTestId("tender-documents").GetByTestId("document-sha256").GetAttributeAsync("data-sha256");

            var download = await agency.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            download.SuggestedFilename.Should().Be(FileName);
            var saved = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Convert.ToHexStringLower(SHA256.HashData(saved)).Should().Be(sha, "the bytes saved are the document whose SHA-256 the page shows");
            saved.Should().Equal(pdf);
            agency.Url.Should().EndWith($"/agency/tenders/{tenderId}", "the page stays where it was while the file is saved");
        });
    });

    [Fact]
    public Task The_portals_file_address_streams_the_document_for_a_session_and_answers_a_refusal_as_its_own_page() => browser.RunAsync(async page =>
    {
        var tenderId = await DraftTenderAsync();
        var pdf = Pdf();
        Guid documentId;
        using (var purchaser = await browser.ApiAsync("purchaser"))
        {
            using var form = Form(FileName, pdf);
            using var created = await purchaser.PostAsync(new Uri($"/api/tenders/{tenderId}/documents", UriKind.Relative), form);
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            documentId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }

        var address = $"/files/tenders/{tenderId}/documents/{documentId}";

        // Without a session: to the sign-in, never the file.
        var anonymous = await page.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
        anonymous.Status.Should().Be(302);
        anonymous.Headers["location"].Should().Contain("/connect/authorize");

        // The purchaser's session (the browser context's cookie): the bytes, as an attachment under the Chinese name.
        await page.SignInAsync("purchaser");
        var file = await page.APIRequest.GetAsync(address);
        file.Status.Should().Be(200);
        file.Headers["content-type"].Should().Be("application/pdf");
        file.Headers["content-disposition"].Should().StartWith("attachment;")
            .And.Contain("filename*=UTF-8''" + Uri.EscapeDataString(FileName));
        (await file.BodyAsync()).Should().Equal(pdf);

        // A draft is not an agency's to read: the API's 404 is the portal's not-found page, not JSON.
        await using var agencyContext = await browser.NewContextAsync();
        var agency = await agencyContext.NewPageAsync();
        await agency.SignInAsync("agency1");
        var refused = await agency.APIRequest.GetAsync(address);
        refused.Status.Should().Be(404);
        refused.Headers["content-type"].Should().StartWith("text/html");
        (await refused.TextAsync()).Should().Contain("data-testid=\"refusal-404\"");
        await agency.GotoAsync(address);
        await Expect(agency.GetByTestId("refusal-404")).ToBeVisibleAsync();
        await Expect(agency.GetByTestId("back-home")).ToHaveTextAsync("返回首页");
    });

    /// <summary>A small PDF (the API checks the signature): a page that says what it is.</summary>
    private static byte[] Pdf() =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n% tender document {Guid.NewGuid():N}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<Guid> DraftTenderAsync()
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync("示范区居家养老服务项目", "示范区");
        var deadline = SliceApi.BeijingTime(browser.Today.AddDays(30), new TimeOnly(17, 0));
        var serviceStart = browser.Today.AddDays(60);
        return await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, $"居家养老文件 {Guid.NewGuid():N}"[..16], 480_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    /// <summary>What the API itself answers, in Chinese, to this file (so the page is checked against the API's words).</summary>
    private async Task<string> RefusalAsync(Guid tenderId, string name, byte[] bytes)
    {
        using var purchaser = await browser.ApiAsync("purchaser");
        using var form = Form(name, bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tenders/{tenderId}/documents", UriKind.Relative)) { Content = form };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var response = await purchaser.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.Should().Contain(name);
        return detail!;
    }
}
