using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Tendering.Documents;

/// <summary>Where a tender document's bytes live, addressed by tender and SHA-256.</summary>
public interface IDocumentStore
{
    Task SaveAsync(Guid tenderId, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The bytes, or null when they are missing.</summary>
    Stream? Open(Guid tenderId, string sha256);
}

/// <summary>
/// Files in the data folder: <c>documents/&lt;tenderId&gt;/&lt;sha256&gt;</c>. The same bytes uploaded twice
/// are kept once. Right for the standalone host and SQLite; a production deployment on SQL Server would
/// register a blob-storage implementation of <see cref="IDocumentStore"/> instead (not built yet).
/// </summary>
public sealed class FileDocumentStore(IConfiguration configuration) : IDocumentStore
{
    private readonly string _root = Path.Combine(DataDirectory.Resolve(configuration), "documents");

    public async Task SaveAsync(Guid tenderId, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(tenderId, sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Stream? Open(Guid tenderId, string sha256)
    {
        var path = PathOf(tenderId, sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(Guid tenderId, string sha256) =>
        Path.Combine(_root, tenderId.ToString(), Convert.FromHexString(sha256).Length == 32 ? sha256 : throw new ArgumentException("Not a SHA-256.", nameof(sha256)));
}
