using System.Globalization;
using System.Text;

namespace Procurement.ServiceDefaults.OpenApi;

/// <summary>
/// Stable, unique, readable operation ids: <c>Area_Name</c>, the area from the operation's first tag (or the route's
/// first segment after <c>/api</c>), the name from the endpoint's name or else from its method and route.
/// </summary>
public static class OperationIds
{
    public static string Of(string area, string? endpointName, string method, string route) =>
        $"{area}_{(string.IsNullOrWhiteSpace(endpointName) ? FromRoute(method, route) : Pascal(endpointName))}";

    /// <summary>"Service programs" → <c>ServicePrograms</c>; without a tag, <c>/api/tenders/...</c> → <c>Tenders</c>.</summary>
    public static string Area(string? tag, string route)
    {
        if (!string.IsNullOrWhiteSpace(tag))
        {
            return Pascal(tag);
        }

        var segments = Segments(route).Where(s => !IsParameter(s)).ToList();
        var first = segments.FirstOrDefault(s => !s.Equals("api", StringComparison.OrdinalIgnoreCase));
        return first is null ? "Root" : Pascal(first);
    }

    /// <summary><c>POST /api/tenders/{id}/publish</c> → <c>PostTendersByIdPublish</c>.</summary>
    public static string FromRoute(string method, string route)
    {
        var name = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in Segments(route).Where(s => !s.Equals("api", StringComparison.OrdinalIgnoreCase)))
        {
            if (IsParameter(segment))
            {
                name.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':', '?', '=')[0]));
            }
            else
            {
                name.Append(Pascal(segment));
            }
        }

        return name.ToString();
    }

    /// <summary>Words (split at anything not a letter or digit) joined, each with a capital first letter.</summary>
    public static string Pascal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            upper = false;
        }

        return result.Length > 0 && char.IsAsciiDigit(result[0]) ? "_" + result : result.ToString();
    }

    private static IEnumerable<string> Segments(string route) =>
        route.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsParameter(string segment) => segment.StartsWith('{');
}
