using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// <c>/account/forgot-password</c> (linked from the login page): the person types a user name or e-mail address, and the
/// answer is always the same — if an account matches, a link was mailed — so the page tells nobody which names or
/// addresses exist. Both paths look the account up and write a <see cref="SecurityEventKind.PasswordResetRequested"/>
/// row; only a known, joined, active user with an e-mail gets a link (<see cref="PasswordResets"/>, 2 hours), written in
/// the same save as that row, and it is the mail outbox that talks to the SMTP server after the answer, so the answer
/// takes the same time. The edge limits posts here like sign-ins (<c>SignInLimiter</c>). The link opens
/// <c>/account/reset-password?token=…</c>, the set-password page's code for the ResetPassword purpose.
/// </summary>
internal static class ForgotPasswordEndpoints
{
    public const string Path = "/account/forgot-password";
    public const string ResetPath = "/account/reset-password";

    /// <summary>The login page's link here (a key of the <see cref="LoginTexts"/> resx pair).</summary>
    public const string LinkText = "ForgotPassword";

    internal static readonly SetPasswordEndpoints.PasswordLinkPage ResetPassword = new(
        ResetPath, OneTimeLinkPurpose.ResetPassword, PasswordPageTexts.ResetPasswordTitle, PasswordPageTexts.ResetPasswordHint,
        PasswordPageTexts.ResetPasswordButton, PasswordPageTexts.PasswordResetTitle);

    public static IEndpointRouteBuilder MapForgotPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, RequestAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPasswordLinkPage(ResetPassword);
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        return Form(http, antiforgery, frame, texts, error: null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> RequestAsync(
        HttpContext http, IAntiforgery antiforgery, IdentityDb db, UserManager<ProcurementUser> users, PasswordResets resets, SecurityLog log,
        IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, frame, texts, frame[LoginTexts.FormExpired], StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var typed = form["userName"].ToString().Trim();
        if (typed.Length == 0)
        {
            return Form(http, antiforgery, frame, texts, texts[PasswordPageTexts.UserNameOrEmailRequired], StatusCodes.Status400BadRequest);
        }

        var normalisedName = users.NormalizeName(typed) ?? typed;
        var normalisedEmail = users.NormalizeEmail(typed) ?? typed;
        // By user name, else by e-mail when exactly one user has it.
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalisedName, http.RequestAborted);
        if (user is null)
        {
            var byEmail = await db.Users.Where(u => u.NormalizedEmail == normalisedEmail).Take(2).ToListAsync(http.RequestAborted);
            user = byEmail.Count == 1 ? byEmail[0] : null;
        }

        var mailed = user is not null && PasswordResets.MayReset(user);
        await UserEndpoints.InTransactionAsync(db, async () =>
        {
            if (mailed)
            {
                await resets.SendAsync(user!, CancellationToken.None);
            }

            // Saves the link and its mail with the log's row.
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, mailed ? user!.Id : null, normalisedName, clientId: null);
        }, CancellationToken.None);

        var body = $"""
            <h2>{LoginPage.Encode(texts[PasswordPageTexts.ForgotPasswordSentTitle])}</h2>
            <p role="status">{LoginPage.Encode(texts[PasswordPageTexts.ForgotPasswordSent])}</p>
            <p><a class="button" href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, texts[PasswordPageTexts.ForgotPasswordSentTitle], body, LanguageSwitch(frame), StatusCodes.Status200OK);
    }

    private static IResult Form(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = $"""
            <h2>{LoginPage.Encode(texts[PasswordPageTexts.ForgotPasswordTitle])}</h2>
            <p class="hint">{LoginPage.Encode(texts[PasswordPageTexts.ForgotPasswordHint])}</p>
            {(error is null ? "" : $"<div role=\"alert\" class=\"alert\">{LoginPage.Encode(error)}</div>")}
            <form method="post" action="{Path}">
              <input type="hidden" name="{LoginPage.Encode(tokens.FormFieldName)}" value="{LoginPage.Encode(tokens.RequestToken)}">
              <div class="field">
                <label for="userName">{LoginPage.Encode(texts[PasswordPageTexts.UserNameOrEmail])}</label>
                <input id="userName" name="userName" type="text" autocomplete="username" required autofocus>
              </div>
              <button type="submit">{LoginPage.Encode(texts[PasswordPageTexts.ForgotPasswordButton])}</button>
            </form>
            <p><a href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, texts[PasswordPageTexts.ForgotPasswordTitle], body, LanguageSwitch(frame), statusCode);
    }

    private static string LanguageSwitch(IStringLocalizer<LoginTexts> frame) => SetPasswordEndpoints.LanguageSwitch(frame, Path);
}

/// <summary>The keys (in the <see cref="AccountTexts"/> resx pair) of the reset and forgot-password pages and of the set-password page's outcome.</summary>
internal static class PasswordPageTexts
{
    public const string ResetPasswordTitle = nameof(ResetPasswordTitle);
    public const string ResetPasswordHint = nameof(ResetPasswordHint);
    public const string ResetPasswordButton = nameof(ResetPasswordButton);
    public const string PasswordResetTitle = nameof(PasswordResetTitle);
    public const string PasswordReset = nameof(PasswordReset);
    public const string SecondFactorAtFirstSignIn = nameof(SecondFactorAtFirstSignIn);
    public const string NoSecondFactor = nameof(NoSecondFactor);
    public const string ForgotPasswordTitle = nameof(ForgotPasswordTitle);
    public const string ForgotPasswordHint = nameof(ForgotPasswordHint);
    public const string UserNameOrEmail = nameof(UserNameOrEmail);
    public const string UserNameOrEmailRequired = nameof(UserNameOrEmailRequired);
    public const string ForgotPasswordButton = nameof(ForgotPasswordButton);
    public const string ForgotPasswordSentTitle = nameof(ForgotPasswordSentTitle);
    public const string ForgotPasswordSent = nameof(ForgotPasswordSent);
}
