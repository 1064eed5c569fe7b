using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The language of Identity's pages and of the names in its identity tokens: the standard ASP.NET Core
/// culture cookie (<c>.AspNetCore.Culture</c>, <c>c=en|uic=en</c>), which the portal on the same origin reads
/// and writes too, so a choice made on either holds on both; Chinese (zh-CN) when there is none.
/// (The host's request localization reads Accept-Language for the APIs' ProblemDetails; these pages do not.)
/// </summary>
internal static class LoginCulture
{
    public static readonly string CookieName = CookieRequestCultureProvider.DefaultCookieName;

    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The culture the request's cookie names, or Chinese.</summary>
    public static CultureInfo Of(HttpRequest request)
    {
        var chosen = CookieRequestCultureProvider.ParseCookieValue(request.Cookies[CookieName] ?? "");
        return Parse(chosen?.UICultures.FirstOrDefault().Value) ?? Chinese;
    }

    /// <summary>Reads the request's culture and makes it the current one for the rest of the request.</summary>
    public static CultureInfo Apply(HttpContext http)
    {
        var culture = Of(http.Request);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return culture;
    }

    /// <summary><c>en</c>, <c>en-GB</c> → English; <c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c> → Chinese; anything else null.</summary>
    public static CultureInfo? Parse(string? name) => name switch
    {
        null => null,
        _ when name.Equals("en", StringComparison.OrdinalIgnoreCase) || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase) => English,
        _ when name.Equals("zh", StringComparison.OrdinalIgnoreCase) || name.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ => null,
    };

    /// <summary>Remembers the choice for a year on the whole origin; readable by the portal's script too (not HttpOnly).</summary>
    public static void Remember(HttpContext http, CultureInfo culture) =>
        http.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
        });
}
