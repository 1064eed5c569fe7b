namespace Procurement.Platform.Tests;

/// <summary>The repository the tests run from: the first folder above the test binaries holding Procurement.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<DirectoryInfo> Root = new(Find);

    public static DirectoryInfo Directory => Root.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Root.Value.FullName, .. parts]);

    private static DirectoryInfo Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Procurement.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains Procurement.sln; the tests must run inside the repository.");
    }
}
