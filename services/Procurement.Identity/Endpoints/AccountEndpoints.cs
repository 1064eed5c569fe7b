using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The login page of the authorization-code flow: a plain HTML form, protected by an antiforgery token
/// (validated here, so the host needs no antiforgery middleware), that signs in the module's own cookie
/// and returns to the local URL it came from — normally <c>/connect/authorize</c>. It speaks the language
/// of the culture cookie (<see cref="LoginCulture"/>), Chinese by default; <c>/account/language</c> switches it.
/// </summary>
internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LanguagePath = "/account/language";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, ShowLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginPath, LoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(LanguagePath, SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts, string? returnUrl)
    {
        LoginCulture.Apply(http);
        return LoginPage.Form(http, antiforgery, texts, returnUrl, userName: null, error: null);
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts, PasswordCheck passwords)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            // A form left open too long (or posted from elsewhere): the same page again, with a fresh token.
            var returnUrl = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync())["returnUrl"].ToString() : null;
            return LoginPage.Form(http, antiforgery, texts, returnUrl, userName: null, texts[LoginTexts.FormExpired], StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync();
        string? userName = form["userName"], password = form["password"], formReturnUrl = form["returnUrl"];
        var user = await passwords.CheckAsync(userName, password, http.RequestAborted);
        if (user is null)
        {
            return LoginPage.Form(http, antiforgery, texts, formReturnUrl, userName, texts[LoginTexts.WrongPassword]);
        }

        var identity = new ClaimsIdentity(IdentityModule.CookieScheme, ProcurementClaims.Name, ProcurementClaims.Role);
        identity.AddClaim(new Claim(ProcurementClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(ProcurementClaims.Name, user.UserName ?? user.Id.ToString()));
        await http.SignInAsync(IdentityModule.CookieScheme, new ClaimsPrincipal(identity));

        return IsLocal(formReturnUrl)
            ? Results.Redirect(formReturnUrl!)
            : LoginPage.SignedIn(texts, user.UserName ?? user.Id.ToString());
    }

    /// <summary>
    /// <c>GET /account/language?culture=en&amp;returnUrl=/account/login?…</c>: remembers the language in the culture
    /// cookie the portal shares and goes back to the (local) page the switch was on.
    /// </summary>
    private static IResult SwitchLanguage(HttpContext http, string? culture, string? returnUrl)
    {
        var chosen = LoginCulture.Parse(culture);
        if (chosen is null)
        {
            new FieldErrors().Add("culture", "one_of", $"{LoginCulture.Chinese.Name}, {LoginCulture.English.Name}").ThrowIfAny();
        }

        LoginCulture.Remember(http, chosen!);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : LoginPath);
    }

    /// <summary>The switch's link to <paramref name="culture"/> that comes back to the login page with the same return URL.</summary>
    internal static string LanguageLink(CultureInfo culture, string? returnUrl)
    {
        var back = IsLocal(returnUrl) ? QueryString.Create("returnUrl", returnUrl!).ToUriComponent() : "";
        return LanguagePath + (QueryString.Create("culture", culture.Name) + QueryString.Create("returnUrl", LoginPath + back)).ToUriComponent();
    }

    /// <summary>A path on this host (as ASP.NET Core's <c>IsLocalUrl</c>), never <c>//other.host</c> or <c>/\other.host</c>.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
