namespace Procurement.Portal;

/// <summary>
/// The portal's static assets (Blazor's script, AntDesign's stylesheet and script) in whichever host runs it. A host's
/// build writes <c>&lt;host&gt;.staticwebassets.endpoints.json</c> (and, for a build run in place,
/// <c>&lt;host&gt;.staticwebassets.runtime.json</c> pointing at the packages' files) named after the host's assembly; a
/// test host's application name is its test assembly, so the manifests are looked up by every name that may hold them.
/// </summary>
internal static class PortalStaticAssets
{
    private static readonly string[] Hosts = ["Procurement.Standalone", "Procurement.Portal"];

    public static void Use(WebApplicationBuilder builder)
    {
        // A build run in place (dotnet run, the tests) serves the packages' assets from the NuGet cache through the
        // runtime manifest; a published app has them in wwwroot and no such manifest.
        if (Find(builder.Environment.ApplicationName, "runtime") is { } runtime)
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, runtime);
            builder.WebHost.UseStaticWebAssets();
        }
    }

    public static void Map(WebApplication app)
    {
        var endpoints = Find(app.Environment.ApplicationName, "endpoints");
        (endpoints is null ? app.MapStaticAssets() : app.MapStaticAssets(endpoints)).DisableRateLimiting().AllowAnonymous();
    }

    private static string? Find(string applicationName, string kind) =>
        new[] { applicationName }.Concat(Hosts)
            .Select(name => Path.Combine(AppContext.BaseDirectory, $"{name}.staticwebassets.{kind}.json"))
            .FirstOrDefault(File.Exists);
}
