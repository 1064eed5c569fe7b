using System.Text;

namespace Procurement.Testing;

/// <summary>The bytes a SQLite database keeps on disk, to search for what must not be stored in the clear.</summary>
public static class SqliteFiles
{
    /// <summary>
    /// Every byte of <paramref name="fileName"/> and its WAL and shared memory in <paramref name="directory"/>, as Latin-1
    /// text. SQLite removes the WAL and its index when the last connection closes (after writing the WAL into the
    /// database), so a file listed can be gone when it is opened: then every file is read again, so that no row written
    /// between the two reads is missed.
    /// </summary>
    public static async Task<string> BytesAsync(string directory, string fileName)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = new StringBuilder();
                foreach (var file in Directory.GetFiles(directory, fileName + "*"))
                {
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var bytes = new MemoryStream();
                    await stream.CopyToAsync(bytes);
                    stored.Append(Encoding.Latin1.GetString(bytes.ToArray()));
                }

                return stored.ToString();
            }
            catch (FileNotFoundException) when (attempt < 5)
            {
                await Task.Delay(50);
            }
        }
    }
}
