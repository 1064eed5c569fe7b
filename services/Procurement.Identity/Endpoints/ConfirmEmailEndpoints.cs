using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Procurement.Identity.Accounts;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// <c>/account/confirm-email?token=…</c>: the link mailed to a self-registering agency's contact. Opening it confirms the
/// e-mail and makes the agency active (<see cref="AgencyRegistration.ConfirmAsync"/>). An unknown, used or expired link
/// gets one answer, as set-password's does; opening a used link again after the confirmation says it is confirmed
/// already. <c>/account/confirm-email/resend</c> mails a new link for a registration still awaiting it, answering the same
/// whether or not one was found.
/// </summary>
internal static class ConfirmEmailEndpoints
{
    public const string Path = AgencyRegistration.ConfirmPath;
    public const string ResendPath = AgencyRegistration.ConfirmPath + "/resend";

    public static IEndpointRouteBuilder MapConfirmEmailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ConfirmAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ResendPath, ShowResend).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ResendPath, ResendAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ConfirmAsync(
        HttpContext http, AgencyRegistration registration, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? token)
    {
        LoginCulture.Apply(http);
        var back = Path + (string.IsNullOrEmpty(token) ? "" : QueryString.Create("token", token).ToUriComponent());
        return await registration.ConfirmAsync(token, http.RequestAborted) switch
        {
            ConfirmationOutcome.Confirmed => Message(frame, texts[AccountTexts.EmailConfirmedTitle], texts[AccountTexts.EmailConfirmed], back, StatusCodes.Status200OK),
            ConfirmationOutcome.AlreadyConfirmed => Message(frame, texts[AccountTexts.EmailConfirmedTitle], texts[AccountTexts.AlreadyConfirmed], back, StatusCodes.Status200OK),
            _ => Message(frame, texts[AccountTexts.LinkInvalidTitle], texts[AccountTexts.LinkInvalid], back, StatusCodes.Status410Gone, resend: true, texts),
        };
    }

    private static IResult ShowResend(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        return ResendForm(http, antiforgery, frame, texts, error: null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> ResendAsync(
        HttpContext http, IAntiforgery antiforgery, AgencyRegistration registration, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return ResendForm(http, antiforgery, frame, texts, frame[LoginTexts.FormExpired], StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        await registration.ResendAsync(form["userNameOrEmail"].ToString(), http.RequestAborted);
        return Message(frame, texts[AccountTexts.ResendTitle], texts[AccountTexts.ResendDone], ResendPath, StatusCodes.Status200OK);
    }

    /// <summary>
    /// The login page's answer to a right password of a registration whose e-mail is not confirmed yet: confirm first, or
    /// have the link sent again.
    /// </summary>
    public static IResult ConfirmFirst(IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts) =>
        Message(frame, texts[AccountTexts.ConfirmFirstTitle], texts[AccountTexts.ConfirmFirst], AccountEndpoints.LoginPath,
            StatusCodes.Status403Forbidden, resend: true, texts);

    private static IResult ResendForm(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.ResendTitle])}</h2>
            <p class="hint">{LoginPage.Encode(texts[AccountTexts.ResendHint])}</p>
            {(error is null ? "" : $"<div role=\"alert\" class=\"alert\">{LoginPage.Encode(error)}</div>")}
            <form method="post" action="{ResendPath}">
              <input type="hidden" name="{LoginPage.Encode(tokens.FormFieldName)}" value="{LoginPage.Encode(tokens.RequestToken)}">
              <div class="field">
                <label for="userNameOrEmail">{LoginPage.Encode(texts[AccountTexts.ResendField])}</label>
                <input id="userNameOrEmail" name="userNameOrEmail" type="text" autocomplete="username" required autofocus>
              </div>
              <button type="submit">{LoginPage.Encode(texts[AccountTexts.ResendButton])}</button>
            </form>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.ResendTitle], body, AccountPages.LanguageSwitch(frame, ResendPath), statusCode);
    }

    private static IResult Message(
        IStringLocalizer<LoginTexts> frame, string title, string text, string back, int statusCode, bool resend = false, IStringLocalizer<AccountTexts>? texts = null)
    {
        var again = resend && texts is not null
            ? $"""<p><a href="{ResendPath}" data-testid="resend">{LoginPage.Encode(texts[AccountTexts.ResendLink])}</a></p>"""
            : "";
        var body = $"""
            <h2>{LoginPage.Encode(title)}</h2>
            <p>{LoginPage.Encode(text)}</p>
            {again}
            <p><a class="button" href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, title, body, AccountPages.LanguageSwitch(frame, back), statusCode);
    }
}
