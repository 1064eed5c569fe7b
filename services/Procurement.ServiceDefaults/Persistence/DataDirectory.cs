using Microsoft.Extensions.Configuration;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>The one folder that holds the SQLite files and development keys (<c>Storage:DataDirectory</c>).</summary>
public static class DataDirectory
{
    public const string Setting = "Storage:DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration[Setting] ?? "data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
