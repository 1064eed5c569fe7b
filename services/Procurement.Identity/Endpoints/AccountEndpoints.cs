using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The login page of the authorization-code flow: a plain HTML form, protected by an antiforgery token
/// (validated here, so the host needs no antiforgery middleware), that signs in the module's own cookie
/// and returns to the local URL it came from — normally <c>/connect/authorize</c>.
/// </summary>
internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, ShowLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginPath, LoginAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        Page(http, antiforgery, returnUrl, userName: null, error: null);

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, PasswordCheck passwords)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The login form has expired; reload the page.");
        }

        var form = await http.Request.ReadFormAsync();
        string? userName = form["userName"], password = form["password"], returnUrl = form["returnUrl"];
        var user = await passwords.CheckAsync(userName, password, http.RequestAborted);
        if (user is null)
        {
            return Page(http, antiforgery, returnUrl, userName, "The user name or password is wrong. / 用户名或密码错误。");
        }

        var identity = new ClaimsIdentity(IdentityModule.CookieScheme, ProcurementClaims.Name, ProcurementClaims.Role);
        identity.AddClaim(new Claim(ProcurementClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(ProcurementClaims.Name, user.UserName ?? user.Id.ToString()));
        await http.SignInAsync(IdentityModule.CookieScheme, new ClaimsPrincipal(identity));

        return IsLocal(returnUrl)
            ? Results.Redirect(returnUrl!)
            : Results.Content(Html("Signed in / 已登录", $"<p>Signed in as {Encode(user.UserName)}. / 已登录：{Encode(user.UserName)}。</p>"), "text/html; charset=utf-8");
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = $"""
            <h1>Sign in / 登录</h1>
            {(error is null ? "" : $"<p role=\"alert\" class=\"error\">{Encode(error)}</p>")}
            <form method="post" action="{LoginPath}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{Encode(IsLocal(returnUrl) ? returnUrl : "")}">
              <label>User name / 用户名 <input name="userName" autocomplete="username" required value="{Encode(userName)}"></label>
              <label>Password / 密码 <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in / 登录</button>
            </form>
            """;
        return Results.Content(Html("Sign in / 登录", body), "text/html; charset=utf-8");
    }

    private static string Html(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Encode(title)}} — Procurement</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; }
            label { display: block; margin: 1rem 0; }
            input { display: block; width: 100%; padding: .4rem; box-sizing: border-box; }
            .error { color: #b00020; }
          </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A path on this host (as ASP.NET Core's <c>IsLocalUrl</c>), never <c>//other.host</c> or <c>/\other.host</c>.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
