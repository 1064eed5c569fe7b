using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Procurement.Portal.Api;
using Procurement.Portal.Auth;
using Procurement.Portal.Components;
using Procurement.Portal.Files;
using Procurement.Portal.Public;
using Procurement.ServiceDefaults.Hosting;

namespace Procurement.Portal;

/// <summary>
/// The web portal as a module: the Standalone host adds it beside the services and serves it at <c>/</c>; the
/// distributed portal host (<c>Program.cs</c>) runs it alone behind the gateway. Either way it reaches the platform only
/// through the public HTTP API (<see cref="PortalOptions.ApiBaseAddress"/>) with the signed-in person's token.
/// </summary>
public static class PortalModule
{
    public static ServiceModule Module { get; } = new("Portal", b => b.AddProcurementPortal(), a => a.MapProcurementPortal());

    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string CulturePath = "/culture";
    public const string NotFoundPath = "/not-found";

    public static WebApplicationBuilder AddProcurementPortal(this WebApplicationBuilder builder)
    {
        PortalStaticAssets.Use(builder);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Authority), "Portal:Authority is not configured: the portal needs Identity's public address.");
        builder.AddPortalAuthentication();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntDesign();
        builder.Services.AddLocalization();
        builder.Services.AddPortalApi();
        builder.Services.AddPublicPages();
        return builder;
    }

    public static WebApplication MapProcurementPortal(this WebApplication app)
    {
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // The person's choice (the switch, remembered in the culture cookie Identity's sign-in page shares), else Chinese.
            // ?culture=en on an address (the public pages' stable English addresses) before the reader's cookie.
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        };
        app.UseWhen(context => PortalPaths.IsPortal(context.Request.Path), portal =>
        {
            portal.UseRequestLocalization(localization);
            portal.UseAntiforgery();
        });

        PortalStaticAssets.Map(app);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(PortalAuthentication.SignedInPolicy);

        // A portal address with no page: the portal itself, answering 404, whose router shows its not-found page. Any other
        // address (an unknown /api route) keeps the API's ProblemDetails 404.
        app.MapFallback((HttpContext http) => PortalPaths.IsPortal(http.Request.Path) && !Path.HasExtension(http.Request.Path.Value)
                ? (IResult)new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }
                : Results.NotFound())
            .ExcludeFromDescription();

        app.MapPortalFiles();
        app.MapPublicPages();
        app.MapGet(SignInPath, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [PortalAuthentication.OidcScheme]))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(CulturePath + "/{name}", (HttpContext http, string name, string? returnUrl) =>
            {
                var culture = Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
                return Results.LocalRedirect(LocalOrHome(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Ends both sessions: the portal's (its tokens dropped, the refresh token revoked) and Identity's (end-session endpoint).</summary>
    private static async Task SignOutAsync(HttpContext http, PortalTokenService tokens)
    {
        var result = await http.AuthenticateAsync(PortalAuthentication.CookieScheme);
        var ended = await tokens.EndAsync(result.Principal?.FindFirst(PortalAuthentication.SessionClaim)?.Value, http.RequestAborted);
        await http.SignOutAsync(PortalAuthentication.CookieScheme);
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (ended?.IdToken is { } idToken)
        {
            properties.Items[PortalAuthentication.IdTokenHintItem] = idToken;
            await http.SignOutAsync(PortalAuthentication.OidcScheme, properties);
        }
        else
        {
            http.Response.Redirect("/");
        }
    }

    internal static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
