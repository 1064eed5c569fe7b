using System.IO.Compression;
using System.Security.Cryptography;

using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Tendering.Domain;

/// <summary>The document types a tender may carry (DOMAIN.md §3, issue 3).</summary>
public enum DocumentType
{
    Pdf,
    Docx,
    Xlsx,
}

/// <summary>
/// A document attached to a tender: its name, type, size and SHA-256. The bytes live in an
/// <see cref="Documents.IDocumentStore"/> under the hash; this record is what the tender keeps.
/// </summary>
public sealed class TenderDocument : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    /// <summary>20 MB: a file of exactly this many bytes is accepted, one byte more is refused (422 <c>document_too_large</c>).</summary>
    public const long MaximumBytes = 20L * 1024 * 1024;

    public const int FileNameMaxLength = 255;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private TenderDocument()
    {
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public string FileName { get; private set; } = "";

    public DocumentType Type { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public string ContentType => ContentTypeOf(Type);

    public static string ContentTypeOf(DocumentType type) => type switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Refuses a file over 20 MB before its bytes are read.</summary>
    public static void CheckSize(long size)
    {
        if (size > MaximumBytes)
        {
            throw new RuleViolationException("document_too_large", "file", size, MaximumBytes);
        }
    }

    /// <summary>
    /// Accepts a document for a draft or published tender: a .pdf, .docx or .xlsx name, at most 20 MB, and
    /// content whose signature matches the name — PDF starts with <c>%PDF-</c>; DOCX and XLSX are ZIP
    /// archives (<c>PK\x03\x04</c>) holding <c>word/</c> resp. <c>xl/</c> entries. The name alone is never trusted.
    /// </summary>
    public static TenderDocument Accept(Tender tender, string fileName, ReadOnlyMemory<byte> content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tender);
        if (tender.Status is not (TenderStatus.Draft or TenderStatus.Published))
        {
            throw new ConflictException("tender_documents_closed", tender.Status);
        }

        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length > FileNameMaxLength)
        {
            name = name[^FileNameMaxLength..];
        }

        var type = TypeByName(name);
        CheckSize(content.Length);
        if (!Matches(type, content))
        {
            throw new RuleViolationException("document_type_mismatch", "file", name, type.ToString().ToUpperInvariant());
        }

        var document = new TenderDocument
        {
            Id = Guid.CreateVersion7(),
            TenderId = tender.Id,
            FileName = name,
            Type = type,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            UploadedAt = now,
        };
        document._events.Record(new TenderDocumentAdded(
            document.TenderId, document.Id, document.FileName, document.Type.ToString(), document.Size, document.Sha256, document.UploadedAt));
        return document;
    }

    private static DocumentType TypeByName(string name) => Path.GetExtension(name).ToUpperInvariant() switch
    {
        ".PDF" => DocumentType.Pdf,
        ".DOCX" => DocumentType.Docx,
        ".XLSX" => DocumentType.Xlsx,
        _ => throw new RuleViolationException("document_type_unsupported", "file", name),
    };

    /// <summary>The content's signature is that of <paramref name="type"/>.</summary>
    public static bool Matches(DocumentType type, ReadOnlyMemory<byte> content) => type switch
    {
        DocumentType.Pdf => content.Span.StartsWith(PdfSignature),
        DocumentType.Docx => IsZipWith(content, "word/"),
        _ => IsZipWith(content, "xl/"),
    };

    private static bool IsZipWith(ReadOnlyMemory<byte> content, string folder)
    {
        if (!content.Span.StartsWith(ZipSignature))
        {
            return false;
        }

        try
        {
            // Only the central directory is read: nothing is extracted, so a zip bomb costs nothing here.
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(entry => entry.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

}
