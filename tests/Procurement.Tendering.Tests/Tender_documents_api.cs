using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Domain;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class Tender_documents_api : IAsyncLifetime
{
    private const int TwentyMegabytes = 20 * 1024 * 1024;
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings { TestHarness = true, DataDirectory = _dataDirectory }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string role = Roles.Purchaser, Guid? organisation = null) =>
        _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, organisation ?? PurchasingUnit));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> TenderAsync(bool publish)
    {
        var purchaser = Client();
        var program = await purchaser.PostAsJsonAsync("/api/programs", new { name = "Home care", region = "Demo", serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        var programId = (await JsonAsync(program)).GetProperty("id").GetGuid();
        var id = (await JsonAsync(await purchaser.PostAsJsonAsync("/api/tenders", TenderBodies.Complete(programId)))).GetProperty("id").GetGuid();
        if (publish)
        {
            (await purchaser.PostAsync($"/api/tenders/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid tenderId, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/tenders/{tenderId}/documents", form);
    }

    private static byte[] Pdf(int size = 64)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A minimal Office Open XML package: a ZIP with one entry under <paramref name="folder"/>.</summary>
    private static byte[] OfficeZip(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("<Types/>");
        }

        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(folder + "document.xml").Open());
            writer.Write("<document/>");
        }

        return buffer.ToArray();
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("type").GetString()!.Split(':')[^1];

    [Fact]
    public async Task A_pdf_docx_and_xlsx_are_stored_with_their_sha256_and_download_as_uploaded()
    {
        var id = await TenderAsync(publish: false);
        var purchaser = Client();
        var pdf = Pdf();
        var docx = OfficeZip("word/");
        var xlsx = OfficeZip("xl/");

        var uploaded = await UploadAsync(purchaser, id, "Tender notice.pdf", pdf);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        (await UploadAsync(purchaser, id, "Service plan template.docx", docx)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await UploadAsync(purchaser, id, "Price breakdown.xlsx", xlsx)).StatusCode.Should().Be(HttpStatusCode.Created);

        var list = await JsonAsync(await purchaser.GetAsync($"/api/tenders/{id}/documents"));
        list.EnumerateArray().Select(d => (d.GetProperty("fileName").GetString(), d.GetProperty("type").GetString(), d.GetProperty("size").GetInt64()))
            .Should().Equal(("Tender notice.pdf", "Pdf", pdf.Length), ("Service plan template.docx", "Docx", docx.Length), ("Price breakdown.xlsx", "Xlsx", xlsx.Length));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        list[0].GetProperty("sha256").GetString().Should().Be(sha256);
        File.ReadAllBytes(Path.Combine(_dataDirectory, "documents", id.ToString(), sha256)).Should().Equal(pdf);

        var documentId = (await JsonAsync(uploaded)).GetProperty("id").GetGuid();
        var download = await purchaser.GetAsync($"/api/tenders/{id}/documents/{documentId}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);

        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<TenderDocumentAdded>(m => m.Context.Message.DocumentId == documentId && m.Context.Message.Sha256 == sha256)).Should().BeTrue();
    }

    [Fact]
    public async Task Exactly_20_MB_is_accepted_and_one_byte_more_is_refused()
    {
        var id = await TenderAsync(publish: false);

        (await UploadAsync(Client(), id, "big.pdf", Pdf(TwentyMegabytes))).StatusCode.Should().Be(HttpStatusCode.Created);
        var over = await UploadAsync(Client(), id, "bigger.pdf", Pdf(TwentyMegabytes + 1));

        over.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(over)).Should().Be("document_too_large");
        TenderDocument.MaximumBytes.Should().Be(TwentyMegabytes);
    }

    [Theory]
    [InlineData("scan.pdf", "png")]
    [InlineData("plan.docx", "xlsx")]
    [InlineData("prices.xlsx", "docx")]
    [InlineData("plan.docx", "pdf")]
    [InlineData("prices.xlsx", "zip")]
    public async Task A_file_whose_content_is_not_its_type_is_refused(string fileName, string actual)
    {
        var id = await TenderAsync(publish: false);
        var content = actual switch
        {
            "png" => Png,
            "xlsx" => OfficeZip("xl/"),
            "docx" => OfficeZip("word/"),
            "pdf" => Pdf(),
            _ => [0x50, 0x4B, 0x03, 0x04, 1, 2, 3],
        };

        var response = await UploadAsync(Client(), id, fileName, content);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(response)).Should().Be("document_type_mismatch");
    }

    [Fact]
    public async Task Other_types_and_other_callers_are_refused()
    {
        var draft = await TenderAsync(publish: false);
        var unsupported = await UploadAsync(Client(), draft, "photo.png", Png);
        unsupported.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(unsupported)).Should().Be("document_type_unsupported");

        var agency = Client(Roles.Agency, Guid.NewGuid());
        (await UploadAsync(agency, draft, "notice.pdf", Pdf())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await agency.GetAsync($"/api/tenders/{draft}/documents")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft is not public");

        var published = await TenderAsync(publish: true);
        (await UploadAsync(Client(), published, "notice.pdf", Pdf())).StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonAsync(await agency.GetAsync($"/api/tenders/{published}/documents"))).GetArrayLength().Should().Be(1);

        (await Client().PostAsJsonAsync($"/api/tenders/{published}/cancel", new { reason = "Budget withdrawn" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var cancelled = await UploadAsync(Client(), published, "late.pdf", Pdf());
        cancelled.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(cancelled)).Should().Be("tender_documents_closed");
    }
}
