using AntDesign;
using AntDesign.JsInterop;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Documents;

/// <summary>
/// The purchaser's documents tab sends a chosen file through the generated <see cref="ITenderDocumentsClient"/> (a
/// multipart <c>file</c> with its name and type) and lists what the API answered; a refusal of the file (too large,
/// wrong type) shows beside the upload field, as the API worded it.
/// </summary>
public sealed class The_purchaser_uploads_through_the_generated_client : PortalContext
{
    private readonly FakeDocuments _documents = new();

    public The_purchaser_uploads_through_the_generated_client()
    {
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        JSInterop.Setup<DomRect>(JSInteropConstants.GetBoundingClientRect, _ => true).SetResult(new DomRect());
        Services.AddSingleton<ITenderDocumentsClient>(_documents);
        // Only a purchaser uploads (the auditor reads the list).
        SignIn("purchaser", "purchaser");
    }

    private static TenderResponse Tender(TenderStatus status = TenderStatus.Draft) => new() { Id = Guid.CreateVersion7(), Title = "居家养老", Status = status };

    [Fact]
    public void Sends_the_file_with_its_name_and_type_and_lists_the_answer()
    {
        var tender = Tender();
        var cut = Render<TenderDocuments>(p => p.Add(c => c.Tender, tender));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("%PDF-1.7 居家"u8.ToArray(), "招标文件.pdf", contentType: "application/pdf"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=document-download]").Select(a => a.TextContent).Should().Equal("招标文件.pdf"));
        var sent = _documents.Uploads.Should().ContainSingle().Subject;
        sent.Tender.Should().Be(tender.Id);
        sent.FileName.Should().Be("招标文件.pdf");
        sent.ContentType.Should().Be("application/pdf");
        sent.Bytes.Should().Equal("%PDF-1.7 居家"u8.ToArray());
        cut.FindAll("[data-testid=document-file-error]").Should().BeEmpty();
    }

    [Fact]
    public void Shows_the_APIs_refusal_of_the_file_beside_the_upload_field()
    {
        _documents.Refusal = "文件“说明.pdf”的内容不是 PDF。";
        var cut = Render<TenderDocuments>(p => p.Add(c => c.Tender, Tender()));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("not a pdf", "说明.pdf"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-upload] [data-testid=document-file-error]").TextContent
            .Should().Be("文件“说明.pdf”的内容不是 PDF。"));
        cut.FindAll("[data-testid=document-download]").Should().BeEmpty();
    }

    [Fact]
    public void Refuses_a_file_over_20_MB_beside_the_field_before_sending_it()
    {
        var cut = Render<TenderDocuments>(p => p.Add(c => c.Tender, Tender(TenderStatus.Published)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[(20 * 1024 * 1024) + 1], "大文件.pdf"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-file-error]").TextContent.Should().Contain("大文件.pdf").And.Contain("20 MB"));
        _documents.Uploads.Should().BeEmpty();
    }

    [Fact]
    public void Offers_no_upload_once_the_tender_is_past_publication()
    {
        var cut = Render<TenderDocuments>(p => p.Add(c => c.Tender, Tender(TenderStatus.Cancelled)));

        cut.FindAll("[data-testid=document-file]").Should().BeEmpty();
        cut.Find("[data-testid=documents-none]").TextContent.Should().Be("暂无招标文件。");
    }

    private sealed record Upload(Guid Tender, string? FileName, string? ContentType, byte[] Bytes);

    private sealed class FakeDocuments : ITenderDocumentsClient
    {
        public List<Upload> Uploads { get; } = [];

        private readonly List<DocumentView> _listed = [];

        public string? Refusal { get; set; }

        public async Task<DocumentView> UploadTenderDocumentAsync(Guid id, FileParameter? file = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(file);
            if (Refusal is { } detail)
            {
                var problem = new ProblemDetails { Status = 422, Type = "urn:procurement:problem:document_type_mismatch", Title = detail, Detail = detail, Field = "file" };
                throw new ApiException<ProblemDetails>("refused", 422, "", new Dictionary<string, IEnumerable<string>>(), problem, null);
            }

            using var buffer = new MemoryStream();
            await file.Data.CopyToAsync(buffer, cancellationToken);
            Uploads.Add(new Upload(id, file.FileName, file.ContentType, buffer.ToArray()));
            var document = The_document_list_links_each_file_to_its_download.Document(file.FileName!, DocumentType.Pdf, buffer.Length);
            _listed.Add(document);
            return document;
        }

        public Task<ICollection<DocumentView>> ListTenderDocumentsAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult<ICollection<DocumentView>>([.. _listed]);

        public Task<FileResponse> DownloadTenderDocumentAsync(Guid id, Guid documentId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The documents tab never downloads: the browser does, through the portal's file endpoint.");
    }
}
