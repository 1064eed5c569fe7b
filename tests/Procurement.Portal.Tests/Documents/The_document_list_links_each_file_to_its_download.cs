using AntDesign;
using AntDesign.JsInterop;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Shared;
using Procurement.Portal.Files;

namespace Procurement.Portal.Tests.Documents;

/// <summary>
/// The documents of a tender as the purchaser and the agencies see them: each name a link to the portal's own download
/// (never the API's, whose token the browser does not have), the size in KB or MB, the upload time in Beijing, the
/// SHA-256 short with the whole on hover, and the headings in the reader's language.
/// </summary>
public sealed class The_document_list_links_each_file_to_its_download : PortalContext
{
    private static readonly Guid Tender = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public The_document_list_links_each_file_to_its_download() =>
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());

    internal static DocumentView Document(string name, DocumentType type, long size, string sha = Sha) => new()
    {
        Id = Guid.CreateVersion7(),
        FileName = name,
        Type = type,
        ContentType = "application/octet-stream",
        Size = size,
        Sha256 = sha,
        // 02:30 UTC is 10:30 in Beijing.
        UploadedAt = new DateTimeOffset(2026, 12, 5, 2, 30, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Links_each_name_to_the_portals_download_of_that_document_with_the_name_to_save_it_under()
    {
        var pdf = Document("招标文件（居家养老）.pdf", DocumentType.Pdf, 1_572_864);
        var xlsx = Document("报价清单.xlsx", DocumentType.Xlsx, 2_048);

        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Tender).Add(c => c.Documents, new[] { pdf, xlsx }));

        var links = cut.FindAll("[data-testid=document-download]");
        links.Select(a => a.TextContent).Should().Equal("招标文件（居家养老）.pdf", "报价清单.xlsx");
        links[0].GetAttribute("href").Should().Be($"/files/tenders/{Tender}/documents/{pdf.Id}");
        links[0].GetAttribute("href").Should().Be(PortalFiles.DocumentHref(Tender, pdf.Id));
        links[0].GetAttribute("download").Should().Be("招标文件（居家养老）.pdf", "the browser saves the answer instead of Blazor's router taking the click");
        links[1].GetAttribute("href").Should().Be($"/files/tenders/{Tender}/documents/{xlsx.Id}");
        cut.FindAll("[data-testid=document-type]").Select(c => c.TextContent).Should().Equal("PDF", "XLSX");
    }

    [Fact]
    public void Writes_sizes_in_KB_under_a_megabyte_and_in_MB_from_one_and_the_time_in_Beijing()
    {
        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Tender).Add(c => c.Documents, new[]
        {
            Document("a.pdf", DocumentType.Pdf, 1_572_864),
            Document("b.docx", DocumentType.Docx, 2_048),
            Document("c.xlsx", DocumentType.Xlsx, 1_048_575),
            Document("d.pdf", DocumentType.Pdf, 20L * 1024 * 1024),
        }));

        cut.FindAll("[data-testid=document-size]").Select(c => c.TextContent).Should().Equal("1.5 MB", "2.0 KB", "1,024.0 KB", "20.0 MB");
        cut.FindAll("[data-testid=document-uploaded]")[0].TextContent.Should().Contain("2026-12-05").And.Contain("10:30");
    }

    [Fact]
    public void Shows_the_SHA_256_short_with_the_whole_on_hover()
    {
        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Tender).Add(c => c.Documents, new[] { Document("a.pdf", DocumentType.Pdf, 100) }));

        var sha = cut.Find("[data-testid=document-sha256]");
        sha.GetAttribute("title").Should().Be(Sha);
        sha.GetAttribute("data-sha256").Should().Be(Sha);
        sha.TextContent.Should().Contain("9f86d081884c…").And.NotContain(Sha);
    }

    [Fact]
    public void Says_so_when_there_is_no_document_in_Chinese()
    {
        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Tender).Add(c => c.Documents, Array.Empty<DocumentView>()));

        cut.Find("[data-testid=documents-none]").TextContent.Should().Be("暂无招标文件。");
        cut.FindAll("[data-testid=document-download]").Should().BeEmpty();
    }

    [Fact]
    public void Heads_its_columns_in_Chinese()
    {
        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Tender).Add(c => c.Documents, new[] { Document("a.pdf", DocumentType.Pdf, 100) }));

        cut.FindAll("th").Select(th => th.TextContent).Should().Equal("文件名", "类型", "大小", "上传时间", "SHA-256");
        cut.Find("[data-testid=document-download]").GetAttribute("title").Should().Be("下载 a.pdf");
    }

    [Fact]
    public void The_download_address_is_the_portals_own_not_a_platform_path()
    {
        PortalPaths.IsPortal(PortalFiles.DocumentHref(Tender, Guid.NewGuid())).Should().BeTrue(
            "the portal's cookie must authenticate it, and the gateway's catch-all must send it to the portal");
    }
}

/// <summary>The same list for an English reader.</summary>
public sealed class The_document_list_in_English : PortalContext
{
    public The_document_list_in_English()
        : base("en") =>
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());

    [Fact]
    public void Heads_its_columns_and_says_none_in_English()
    {
        var document = The_document_list_links_each_file_to_its_download.Document("a.pdf", DocumentType.Pdf, 100);
        var cut = Render<DocumentList>(p => p.Add(c => c.TenderId, Guid.NewGuid()).Add(c => c.Documents, new[] { document }));
        var none = Render<DocumentList>(p => p.Add(c => c.TenderId, Guid.NewGuid()).Add(c => c.Documents, Array.Empty<DocumentView>()));

        cut.FindAll("th").Select(th => th.TextContent).Should().Equal("File name", "Type", "Size", "Uploaded", "SHA-256");
        cut.Find("[data-testid=document-download]").GetAttribute("title").Should().Be("Download a.pdf");
        none.Find("[data-testid=documents-none]").TextContent.Should().Be("No documents yet.");
    }
}
