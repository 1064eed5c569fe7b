using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Procurement.Identity.Security;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The HTML of Identity's pages in the Ant Design look the portal has (system font, a centred card, the
/// #1677ff primary button), self-contained: no script, no external stylesheet or font. Texts come from
/// <see cref="LoginTexts"/> in the current UI culture, which <see cref="LoginCulture.Apply"/> set.
/// </summary>
internal static class LoginPage
{
    // Chinese stays readable in the page source instead of becoming &#x...; entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The portal's public announcements (same public origin: the gateway's or the embedded host's), read without an account.</summary>
    public const string PublicAnnouncementsPath = "/public/tenders";

    public static IResult Form(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts,
        string? returnUrl, string? userName, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var localReturnUrl = AccountEndpoints.IsLocal(returnUrl) ? returnUrl : null;
        var accountTexts = http.RequestServices.GetRequiredService<IStringLocalizer<AccountTexts>>();
        var body = $"""
            <h2>{Encode(texts[LoginTexts.SignInTitle])}</h2>
            <p class="hint">{Encode(texts[LoginTexts.SignInHint])}</p>
            {(error is null ? "" : $"<div role=\"alert\" class=\"alert\">{Encode(error)}</div>")}
            <form method="post" action="{AccountEndpoints.LoginPath}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{Encode(localReturnUrl)}">
              <div class="field">
                <label for="userName">{Encode(texts[LoginTexts.UserName])}</label>
                <input id="userName" name="userName" type="text" autocomplete="username" required{(string.IsNullOrEmpty(userName) ? " autofocus" : "")} value="{Encode(userName)}">
              </div>
              <div class="field">
                <label for="password">{Encode(texts[LoginTexts.Password])}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required{(string.IsNullOrEmpty(userName) ? "" : " autofocus")}>
              </div>
              <button type="submit">{Encode(texts[LoginTexts.SignInButton])}</button>
            </form>
            <p><a href="{ForgotPasswordEndpoints.Path}">{Encode(texts[ForgotPasswordEndpoints.LinkText])}</a></p>
            <p class="register"><a href="{AgencyRegistrationEndpoints.PagePath}">{Encode(accountTexts[AccountTexts.RegisterLink])}</a></p>
            <p class="public"><a href="{PublicAnnouncementsPath}">{Encode(accountTexts[AccountTexts.PublicAnnouncementsLink])}</a></p>
            """;
        return Page(texts, texts[LoginTexts.SignInTitle], body, LanguageSwitch(texts, localReturnUrl), statusCode);
    }

    public static IResult SignedIn(IStringLocalizer<LoginTexts> texts, string userName)
    {
        var body = $"""
            <h2>{Encode(texts[LoginTexts.SignedInTitle])}</h2>
            <p>{Encode(texts[LoginTexts.SignedInAs, userName])}</p>
            <p><a class="button" href="/">{Encode(texts[LoginTexts.GoHome])}</a></p>
            """;
        return Page(texts, texts[LoginTexts.SignedInTitle], body, LanguageSwitch(texts, returnUrl: null), StatusCodes.Status200OK);
    }

    /// <summary>
    /// The second step: the code of the user's authenticator or a recovery code (<see cref="TwoFactorStage.Verify"/>), or
    /// the key to set one up and its first code (<see cref="TwoFactorStage.Enrol"/>). Who the user is travels in the
    /// protected cookie of <see cref="TwoFactorTickets"/>, never in the form.
    /// </summary>
    public static IResult CodeForm(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts,
        string? returnUrl, TwoFactorStage stage, Enrolment? enrolment, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var localReturnUrl = AccountEndpoints.IsLocal(returnUrl) ? returnUrl : null;
        var enrol = stage == TwoFactorStage.Enrol;
        var title = texts[enrol ? LoginTexts.EnrolTitle : LoginTexts.TwoFactorTitle];
        var key = enrolment is null ? "" : $"""
              <div class="field">
                <span class="label">{Encode(texts[LoginTexts.AuthenticatorKey])}</span>
                <img class="qr" data-testid="authenticator-qr" width="200" height="200" src="{AuthenticatorKeys.QrCode(enrolment.Uri)}" alt="{Encode(texts[LoginTexts.AuthenticatorQrCode])}" />
                <code class="key" data-testid="authenticator-key">{Encode(enrolment.GroupedKey)}</code>
                <p><a href="{Encode(enrolment.Uri)}">{Encode(texts[LoginTexts.AuthenticatorLink])}</a></p>
              </div>
            """;
        var body = $"""
            <h2>{Encode(title)}</h2>
            <p class="hint">{Encode(texts[enrol ? LoginTexts.EnrolHint : LoginTexts.TwoFactorHint])}</p>
            {(error is null ? "" : $"<div role=\"alert\" class=\"alert\">{Encode(error)}</div>")}
            {key}
            <form method="post" action="{AccountEndpoints.CodePath}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{Encode(localReturnUrl)}">
              <div class="field">
                <label for="code">{Encode(texts[LoginTexts.Code])}</label>
                <input id="code" name="code" type="text" autocomplete="one-time-code" {(enrol ? "inputmode=\"numeric\" pattern=\"[0-9 ]*\" " : "")}required autofocus>
              </div>
              <button type="submit">{Encode(texts[enrol ? LoginTexts.EnrolButton : LoginTexts.VerifyButton])}</button>
            </form>
            """;
        return Page(texts, title, body, LanguageSwitch(texts, localReturnUrl), statusCode);
    }

    /// <summary>The recovery codes of a new enrolment, shown once, and the way on to where the sign-in was going.</summary>
    public static IResult RecoveryCodes(IStringLocalizer<LoginTexts> texts, IEnumerable<string> codes, string continueUrl)
    {
        var items = string.Concat(codes.Select(c => $"<li><code>{Encode(c)}</code></li>"));
        var body = $"""
            <h2>{Encode(texts[LoginTexts.RecoveryCodesTitle])}</h2>
            <p class="hint">{Encode(texts[LoginTexts.RecoveryCodesHint])}</p>
            <ol class="codes" data-testid="recovery-codes">{items}</ol>
            <p><a class="button" href="{Encode(continueUrl)}">{Encode(texts[LoginTexts.Continue])}</a></p>
            """;
        return Page(texts, texts[LoginTexts.RecoveryCodesTitle], body, languageSwitch: "", StatusCodes.Status200OK);
    }

    /// <summary>中文 | English: the current language in bold, the other a link that comes back to this page.</summary>
    private static string LanguageSwitch(IStringLocalizer<LoginTexts> texts, string? returnUrl)
    {
        string Choice(CultureInfo culture, string key) =>
            CultureInfo.CurrentUICulture.Name == culture.Name
                ? $"<strong lang=\"{culture.Name}\" aria-current=\"true\">{Encode(texts[key])}</strong>"
                : $"<a lang=\"{culture.Name}\" hreflang=\"{culture.Name}\" href=\"{Encode(AccountEndpoints.LanguageLink(culture, returnUrl))}\">{Encode(texts[key])}</a>";

        return $"""
            <nav class="lang" aria-label="{Encode(texts[LoginTexts.Language])}">{Choice(LoginCulture.Chinese, LoginTexts.Chinese)}<span aria-hidden="true">|</span>{Choice(LoginCulture.English, LoginTexts.English)}</nav>
            """;
    }

    internal static IResult Page(IStringLocalizer<LoginTexts> texts, string title, string body, string languageSwitch, int statusCode)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="{{CultureInfo.CurrentUICulture.Name}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Encode(title)}} · {{Encode(texts[LoginTexts.PlatformName])}}</title>
              <style>{{Style}}</style>
            </head>
            <body>
            {{languageSwitch}}
            <main class="card">
              <header class="brand">
                <svg class="logo" viewBox="0 0 48 48" aria-hidden="true"><rect width="48" height="48" rx="10" fill="#1677ff"/><path d="M14 34V14h12a8 8 0 0 1 0 16h-6v4z" fill="none" stroke="#fff" stroke-width="4" stroke-linejoin="round"/></svg>
                <h1>{{Encode(texts[LoginTexts.PlatformName])}}</h1>
                <p class="tagline">{{Encode(texts[LoginTexts.PlatformTagline])}}</p>
              </header>
            {{body}}
            </main>
            <footer>{{Encode(texts[LoginTexts.Footer])}}</footer>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    private const string Style = """
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 64px 16px 24px;
          font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
          font-size: 14px; line-height: 1.5715; color: rgba(0, 0, 0, .88); background: #f5f5f5 linear-gradient(180deg, #e6f4ff 0, #f5f5f5 360px) no-repeat; }
        .lang { position: absolute; top: 16px; right: 24px; display: flex; gap: 8px; color: rgba(0, 0, 0, .45); }
        .lang a { color: #1677ff; text-decoration: none; } .lang a:hover { color: #4096ff; }
        .lang strong { color: rgba(0, 0, 0, .88); font-weight: 600; }
        .card { width: 100%; max-width: 400px; padding: 32px 40px; background: #fff; border-radius: 8px;
          box-shadow: 0 6px 16px 0 rgba(0, 0, 0, .08), 0 3px 6px -4px rgba(0, 0, 0, .12), 0 9px 28px 8px rgba(0, 0, 0, .05); }
        .brand { text-align: center; margin-bottom: 24px; }
        .logo { width: 48px; height: 48px; }
        h1 { margin: 12px 0 0; font-size: 20px; font-weight: 600; line-height: 1.4; }
        .tagline { margin: 4px 0 0; color: rgba(0, 0, 0, .45); }
        h2 { margin: 0; font-size: 16px; font-weight: 600; }
        .hint { margin: 4px 0 16px; color: rgba(0, 0, 0, .45); }
        .alert { margin-bottom: 16px; padding: 8px 12px; background: #fff2f0; border: 1px solid #ffccc7; border-radius: 8px; }
        .field { margin-bottom: 20px; }
        label, .label { display: block; padding-bottom: 8px; }
        code.key { display: block; padding: 8px 12px; font-size: 16px; letter-spacing: .05em; background: #f5f5f5; border-radius: 8px; word-break: break-all; }
        .codes { columns: 2; margin: 0 0 16px; padding-left: 24px; font-size: 15px; line-height: 1.8; }
        input[type=text], input[type=password] { width: 100%; height: 40px; padding: 6px 11px; font: inherit; font-size: 16px; color: inherit;
          background: #fff; border: 1px solid #d9d9d9; border-radius: 8px; transition: border-color .2s, box-shadow .2s; }
        input[type=text]:hover, input[type=password]:hover { border-color: #4096ff; }
        input[type=text]:focus, input[type=password]:focus { border-color: #1677ff; outline: 0; box-shadow: 0 0 0 2px rgba(5, 145, 255, .1); }
        button, .button { display: block; width: 100%; height: 40px; padding: 0 15px; font: inherit; font-size: 16px; line-height: 40px; text-align: center;
          color: #fff; background: #1677ff; border: 0; border-radius: 8px; box-shadow: 0 2px 0 rgba(5, 145, 255, .1); cursor: pointer; text-decoration: none; transition: background .2s; }
        button:hover, .button:hover { background: #4096ff; } button:active, .button:active { background: #0958d9; }
        button:focus-visible, .button:focus-visible, a:focus-visible { outline: 4px solid #91caff; outline-offset: 1px; }
        footer { margin-top: 24px; color: rgba(0, 0, 0, .45); font-size: 12px; text-align: center; }
        """;

    internal static string Encode(string? value) => Encoder.Encode(value ?? "");
}

/// <summary>What the enrolment step shows: the key in groups of four and the <c>otpauth://</c> link.</summary>
internal sealed record Enrolment(string GroupedKey, string Uri);
