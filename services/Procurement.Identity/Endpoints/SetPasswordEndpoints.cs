using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// <c>/account/set-password?token=…</c>: the page a one-time link opens. It asks for the new password twice, sets it
/// through <see cref="UserManager{TUser}"/> (so every registered password validator applies, each failure shown
/// beside the field in the user's language) and uses the link up. An unknown, used or expired link gets one and the
/// same answer: the link is no longer valid. Server-rendered like the login page, with an antiforgery token.
/// </summary>
internal static class SetPasswordEndpoints
{
    public const string Path = "/account/set-password";

    public static IEndpointRouteBuilder MapSetPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SetAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Show(
        HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? token)
    {
        LoginCulture.Apply(http);
        return await links.FindUsableAsync(token, OneTimeLinkPurpose.SetPassword, http.RequestAborted) is null
            ? Invalid(frame, texts, token)
            : Form(http, antiforgery, frame, texts, token!, [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SetAsync(
        HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IdentityDb db, UserManager<ProcurementUser> users,
        IOptions<IdentityOptions> identity, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType)
        {
            return Invalid(frame, texts, token: null);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string token = form["token"].ToString(), password = form["newPassword"].ToString(), confirmation = form["confirmPassword"].ToString();
        var link = await links.FindUsableAsync(token, OneTimeLinkPurpose.SetPassword, http.RequestAborted);
        if (link is null)
        {
            return Invalid(frame, texts, token);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, frame, texts, token, new() { ["form"] = [frame[LoginTexts.FormExpired]] }, StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, List<string>>();
        if (string.IsNullOrEmpty(password))
        {
            errors["newPassword"] = [texts[AccountTexts.PasswordRequired]];
        }
        else if (password != confirmation)
        {
            errors["confirmPassword"] = [texts[AccountTexts.PasswordsDiffer]];
        }

        var user = await users.FindByIdAsync(link.UserId.ToString());
        if (user is null)
        {
            return Invalid(frame, texts, token);
        }

        if (errors.Count == 0)
        {
            var outcome = await SetPasswordAsync(db, users, links, link, user, password, http.RequestAborted);
            if (outcome is null)
            {
                return Invalid(frame, texts, token);
            }

            if (outcome.Succeeded)
            {
                return Done(frame, texts, user.UserName ?? "");
            }

            errors["newPassword"] = [.. outcome.Errors.Select(e => Describe(texts, e, identity.Value.Password.RequiredLength))];
        }

        return Form(http, antiforgery, frame, texts, token, errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Sets the password and uses the link in one transaction: a password the validators refuse leaves the link usable,
    /// and of two posts of the same link only one sets a password. Null when the link was used up meanwhile.
    /// </summary>
    private static Task<IdentityResult?> SetPasswordAsync(
        IdentityDb db, UserManager<ProcurementUser> users, OneTimeLinks links, OneTimeLink link, ProcurementUser user, string password,
        CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.HasPasswordAsync(user) ? await users.RemovePasswordAsync(user) : IdentityResult.Success;
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password);
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }

            if (!await links.TryUseAsync(link, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            return (IdentityResult?)result;
        });

    /// <summary>A validator's failure in the user's language: the text for its code, or its own description for a code without one.</summary>
    private static string Describe(IStringLocalizer<AccountTexts> texts, IdentityError error, int requiredLength)
    {
        var text = texts[AccountTexts.PasswordErrorPrefix + error.Code, requiredLength];
        return text.ResourceNotFound ? error.Description : text.Value;
    }

    private static IResult Form(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts,
        string token, Dictionary<string, List<string>> errors, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string Errors(string field) => errors.TryGetValue(field, out var messages)
            ? $"""<div role="alert" class="alert" id="{field}-errors">{string.Join("", messages.Select(m => $"<div>{LoginPage.Encode(m)}</div>"))}</div>"""
            : "";
        string Described(string field) => errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"{field}-errors\"" : "";

        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.SetPasswordTitle])}</h2>
            <p class="hint">{LoginPage.Encode(texts[AccountTexts.SetPasswordHint])}</p>
            {Errors("form")}
            <form method="post" action="{Path}">
              <input type="hidden" name="{LoginPage.Encode(tokens.FormFieldName)}" value="{LoginPage.Encode(tokens.RequestToken)}">
              <input type="hidden" name="token" value="{LoginPage.Encode(token)}">
              <div class="field">
                <label for="newPassword">{LoginPage.Encode(texts[AccountTexts.NewPassword])}</label>
                <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required autofocus{Described("newPassword")}>
                {Errors("newPassword")}
              </div>
              <div class="field">
                <label for="confirmPassword">{LoginPage.Encode(texts[AccountTexts.ConfirmPassword])}</label>
                <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required{Described("confirmPassword")}>
                {Errors("confirmPassword")}
              </div>
              <button type="submit">{LoginPage.Encode(texts[AccountTexts.SetPasswordButton])}</button>
            </form>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.SetPasswordTitle], body, LanguageSwitch(frame, token), statusCode);
    }

    private static IResult Invalid(IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? token)
    {
        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.LinkInvalidTitle])}</h2>
            <p>{LoginPage.Encode(texts[AccountTexts.LinkInvalid])}</p>
            <p><a class="button" href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.LinkInvalidTitle], body, LanguageSwitch(frame, token), StatusCodes.Status410Gone);
    }

    private static IResult Done(IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string userName)
    {
        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.PasswordSetTitle])}</h2>
            <p>{LoginPage.Encode(texts[AccountTexts.PasswordSet, userName])}</p>
            <p><a class="button" href="/">{LoginPage.Encode(frame[LoginTexts.GoHome])}</a></p>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.PasswordSetTitle], body, LanguageSwitch(frame, token: null), StatusCodes.Status200OK);
    }

    /// <summary>中文 | English, coming back to this page (with its token) in the other language.</summary>
    private static string LanguageSwitch(IStringLocalizer<LoginTexts> frame, string? token)
    {
        var back = Path + (string.IsNullOrEmpty(token) ? "" : QueryString.Create("token", token).ToUriComponent());
        string Choice(CultureInfo culture, string key) =>
            CultureInfo.CurrentUICulture.Name == culture.Name
                ? $"<strong lang=\"{culture.Name}\" aria-current=\"true\">{LoginPage.Encode(frame[key])}</strong>"
                : $"<a lang=\"{culture.Name}\" hreflang=\"{culture.Name}\" href=\"{LoginPage.Encode(AccountEndpoints.LanguagePath + (QueryString.Create("culture", culture.Name) + QueryString.Create("returnUrl", back)).ToUriComponent())}\">{LoginPage.Encode(frame[key])}</a>";

        return $"""<nav class="lang" aria-label="{LoginPage.Encode(frame[LoginTexts.Language])}">{Choice(LoginCulture.Chinese, LoginTexts.Chinese)}<span aria-hidden="true">|</span>{Choice(LoginCulture.English, LoginTexts.English)}</nav>""";
    }
}
