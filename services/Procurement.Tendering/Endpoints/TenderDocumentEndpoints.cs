using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Data;
using Procurement.Tendering.Documents;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Endpoints;

/// <summary>A document as listed: never its bytes.</summary>
public sealed record DocumentView(Guid Id, string FileName, DocumentType Type, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt)
{
    public static DocumentView From(TenderDocument d) => new(d.Id, d.FileName, d.Type, d.ContentType, d.Size, d.Sha256, d.UploadedAt);
}

/// <summary>
/// Tender documents: PDF, DOCX, XLSX up to 20 MB, content type checked by signature, stored with their
/// SHA-256 (in the data folder, see <see cref="FileDocumentStore"/>). A file one byte over 20 MB is a
/// 422 <c>document_too_large</c> (a rule of the tender, like the others, rather than a transport 413).
/// </summary>
public static class TenderDocumentEndpoints
{
    /// <summary>The content types a document may have, as a download declares them.</summary>
    internal static readonly string[] DocumentContentTypes = Enum.GetValues<DocumentType>().Select(TenderDocument.ContentTypeOf).Distinct().ToArray();

    public static RouteGroupBuilder MapTenderDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders/{id:guid}/documents").WithTags("Tender documents");

        // AcceptsDocumentUpload raises the body cap and describes the multipart body (one binary "file") in the OpenAPI document.
        group.MapPost("/", Upload).RequireAuthorization(Roles.Purchaser).AcceptsDocumentUpload()
            .WithName("UploadTenderDocument")
            .WithSummary("multipart/form-data with one file (field \"file\"): PDF, DOCX or XLSX, at most 20 MB; a draft or published tender of the caller's unit.");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListTenderDocuments").WithSummary("Name, type, size and SHA-256 of each document of a tender the caller may read.");
        // The bytes, described as a binary body (a generated client answers a file response) in each type a document has.
        group.MapGet("/{documentId:guid}", Download).RequireAuthorization(Policies.AnyUser)
            .Produces<Stream>(StatusCodes.Status200OK, DocumentContentTypes[0], DocumentContentTypes[1..])
            .WithName("DownloadTenderDocument").WithSummary("The document's bytes, with its SHA-256 in the ETag and its file name in Content-Disposition.");
        return group;
    }

    private static async Task<Created<DocumentView>> Upload(Guid id, HttpContext http, TenderingDb db, IDocumentStore store, TimeProvider clock)
    {
        var tender = await db.FindOwnTenderAsync(id, http);
        if (!http.Request.HasFormContentType)
        {
            new FieldErrors().Add("file", "required").ThrowIfAny();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            throw new RuleViolationException("document_empty", "file");
        }

        TenderDocument.CheckSize(file.Length);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, http.RequestAborted);
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        var document = TenderDocument.Accept(tender, file.FileName, content, clock.GetUtcNow());
        await store.SaveAsync(tender.Id, document.Sha256, content, http.RequestAborted);
        db.Documents.Add(document);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/{id}/documents/{document.Id}", DocumentView.From(document));
    }

    private static async Task<Ok<DocumentView[]>> List(Guid id, HttpContext http, TenderingDb db)
    {
        var tender = await db.FindPublicTenderAsync(id, http);
        var documents = await db.Documents.AsNoTracking().Where(d => d.TenderId == tender.Id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(documents.OrderBy(d => d.UploadedAt).Select(DocumentView.From).ToArray());
    }

    private static async Task<FileStreamHttpResult> Download(Guid id, Guid documentId, HttpContext http, TenderingDb db, IDocumentStore store)
    {
        var tender = await db.FindPublicTenderAsync(id, http);
        return await StreamAsync(tender, documentId, http, db, store);
    }

    /// <summary>A document of a tender the caller may read, as a file answer: its bytes, type, name and SHA-256 as the ETag.</summary>
    internal static async Task<FileStreamHttpResult> StreamAsync(Tender tender, Guid documentId, HttpContext http, TenderingDb db, IDocumentStore store)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.TenderId == tender.Id, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("document"), documentId);
        var stream = store.Open(tender.Id, document.Sha256) ?? throw new NotFoundException(ProblemMessages.Get("document"), documentId);
        return TypedResults.File(stream, document.ContentType, document.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""));
    }
}
