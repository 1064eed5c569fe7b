namespace Procurement.Portal;

/// <summary>
/// Which requests belong to the portal (its pages, assets and Blazor's connection) and which to the platform's API and
/// Identity. In the embedded host both share one pipeline: the portal's cookie authenticates only portal requests, and
/// an API request is judged only by its bearer token — a cookie never authorises an API call.
/// </summary>
public static class PortalPaths
{
    private static readonly string[] PlatformPrefixes = ["/api", "/connect", "/account", "/openapi", "/health", "/.well-known"];

    public static bool IsPortal(PathString path) => !PlatformPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
