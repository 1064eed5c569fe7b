using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Contracts.Identity;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The page a one-time link opens to choose a password: <c>/account/set-password?token=…</c> (an invitation, the first
/// administrator) and <c>/account/reset-password?token=…</c> (a reset), one code for both (<see cref="PasswordLinkPage"/>).
/// It asks for the new password twice, sets it through <see cref="UserManager{TUser}"/> (so every registered password
/// validator applies, each failure shown beside the field in the user's language) and uses the link up, in one
/// transaction with what follows from it: accepting an invitation confirms the e-mail (the link came by mail), audits
/// UserJoined and, for an evaluator of the expert pool, raises <see cref="ExpertJoinedPool"/>; a reset clears the
/// name's lockout, ends every token of the user and raises <see cref="UserAccessRevoked"/>. An unknown, used or expired
/// link, or one of a deactivated user, gets one and the same answer: the link is no longer valid. Server-rendered like
/// the login page, with an antiforgery token.
/// </summary>
internal static class SetPasswordEndpoints
{
    public const string Path = "/account/set-password";

    /// <summary>What differs between the set-password and the reset-password page: path, purpose of the link, texts.</summary>
    internal sealed record PasswordLinkPage(string Path, OneTimeLinkPurpose Purpose, string Title, string Hint, string Button, string DoneTitle);

    internal static readonly PasswordLinkPage SetPassword = new(
        Path, OneTimeLinkPurpose.SetPassword, AccountTexts.SetPasswordTitle, AccountTexts.SetPasswordHint, AccountTexts.SetPasswordButton,
        AccountTexts.PasswordSetTitle);

    public static IEndpointRouteBuilder MapSetPasswordEndpoints(this IEndpointRouteBuilder app) => app.MapPasswordLinkPage(SetPassword);

    public static IEndpointRouteBuilder MapPasswordLinkPage(this IEndpointRouteBuilder app, PasswordLinkPage page)
    {
        app.MapGet(page.Path, (HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IStringLocalizer<LoginTexts> frame,
                IStringLocalizer<AccountTexts> texts, string? token) => Show(page, http, antiforgery, links, frame, texts, token))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(page.Path, (HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IdentityDb db, UserManager<ProcurementUser> users,
                IOptions<IdentityOptions> identity, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts) =>
                SetAsync(page, http, antiforgery, links, db, users, identity, frame, texts))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Show(
        PasswordLinkPage page, HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IStringLocalizer<LoginTexts> frame,
        IStringLocalizer<AccountTexts> texts, string? token)
    {
        LoginCulture.Apply(http);
        return await links.FindUsableAsync(token, page.Purpose, http.RequestAborted) is null
            ? Invalid(page, frame, texts, token)
            : Form(page, http, antiforgery, frame, texts, token!, [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SetAsync(
        PasswordLinkPage page, HttpContext http, IAntiforgery antiforgery, OneTimeLinks links, IdentityDb db, UserManager<ProcurementUser> users,
        IOptions<IdentityOptions> identity, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType)
        {
            return Invalid(page, frame, texts, token: null);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string token = form["token"].ToString(), password = form["newPassword"].ToString(), confirmation = form["confirmPassword"].ToString();
        var link = await links.FindUsableAsync(token, page.Purpose, http.RequestAborted);
        if (link is null)
        {
            return Invalid(page, frame, texts, token);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(page, http, antiforgery, frame, texts, token, new() { ["form"] = [frame[LoginTexts.FormExpired]] }, StatusCodes.Status400BadRequest);
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
        if (user is null || user.DeactivatedAt is not null)
        {
            return Invalid(page, frame, texts, token);
        }

        if (errors.Count == 0)
        {
            var outcome = await SetPasswordAsync(page, http.RequestServices, db, users, links, link, user, password, http.RequestAborted);
            if (outcome is null)
            {
                return Invalid(page, frame, texts, token);
            }

            if (outcome.Succeeded)
            {
                return await DoneAsync(page, http.RequestServices, frame, texts, user);
            }

            errors["newPassword"] = [.. outcome.Errors.Select(e => Describe(texts, e, identity.Value.Password.RequiredLength))];
        }

        return Form(page, http, antiforgery, frame, texts, token, errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Sets the password, uses the link and does what follows from the link's purpose in one transaction: a password the
    /// validators refuse leaves the link usable, and of two posts of the same link only one sets a password. Null when
    /// the link was used up meanwhile.
    /// </summary>
    private static Task<IdentityResult?> SetPasswordAsync(
        PasswordLinkPage page, IServiceProvider services, IdentityDb db, UserManager<ProcurementUser> users, OneTimeLinks links, OneTimeLink link,
        ProcurementUser user, string password, CancellationToken cancellationToken) =>
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

            if (page.Purpose == OneTimeLinkPurpose.ResetPassword)
            {
                await PasswordWasResetAsync(services, db, users, user, cancellationToken);
            }
            else
            {
                await InvitationAcceptedAsync(services, db, users, user, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return (IdentityResult?)result;
        });

    /// <summary>
    /// The invited person (or the first administrator) set the first password through the mailed or printed link: the
    /// e-mail is confirmed, the organisation's history says they joined, and an evaluator of the expert pool joins it
    /// with the service domains kept since the invitation.
    /// </summary>
    private static async Task InvitationAcceptedAsync(
        IServiceProvider services, IdentityDb db, UserManager<ProcurementUser> users, ProcurementUser user, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!string.IsNullOrEmpty(user.Email) && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }

        db.OrganisationAudit.Add(new OrganisationAudit(
            Guid.CreateVersion7(), user.OrganisationId, OrganisationChange.UserJoined, null, user.UserName, user.Id.ToString(), user.UserName ?? "", now)
        { UserId = user.Id });
        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, cancellationToken);
        if (OrganisationRoles.IsExpertPool(organisation.Kind) && await users.IsInRoleAsync(user, Roles.Evaluator))
        {
            var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == ServiceDomainNames.ClaimType).ToList();
            if (claims.Count > 0)
            {
                Check(await users.RemoveClaimsAsync(user, claims));
            }

            user.JoinExpertPool(organisation.Id, [.. claims.Select(c => c.Value)], now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A reset: the name's failed sign-ins and any lockout are cleared (the person proved they hold the mailbox), the
    /// security stamp changes, every token of the user ends and the services learn it.
    /// </summary>
    private static async Task PasswordWasResetAsync(
        IServiceProvider services, IdentityDb db, UserManager<ProcurementUser> users, ProcurementUser user, CancellationToken cancellationToken)
    {
        var key = SignInFailures.KeyOf(user.NormalizedUserName ?? "");
        await db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
        user.LockoutEnd = null;
        Check(await users.UpdateSecurityStampAsync(user));
        await services.GetRequiredService<UserAccess>().RevokeAsync(user.Id, UserAccess.PasswordReset, cancellationToken);
        // Saves the event with the security log's row.
        await services.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventKind.PasswordResetCompleted, user.Id, user.NormalizedUserName, clientId: null);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }

    /// <summary>A validator's failure in the user's language: the text for its code, or its own description for a code without one.</summary>
    private static string Describe(IStringLocalizer<AccountTexts> texts, IdentityError error, int requiredLength)
    {
        var text = texts[AccountTexts.PasswordErrorPrefix + error.Code, requiredLength];
        return text.ResourceNotFound ? error.Description : text.Value;
    }

    private static IResult Form(
        PasswordLinkPage page, HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts,
        string token, Dictionary<string, List<string>> errors, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string Errors(string field) => errors.TryGetValue(field, out var messages)
            ? $"""<div role="alert" class="alert" id="{field}-errors">{string.Join("", messages.Select(m => $"<div>{LoginPage.Encode(m)}</div>"))}</div>"""
            : "";
        string Described(string field) => errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"{field}-errors\"" : "";

        var body = $"""
            <h2>{LoginPage.Encode(texts[page.Title])}</h2>
            <p class="hint">{LoginPage.Encode(texts[page.Hint])}</p>
            {Errors("form")}
            <form method="post" action="{page.Path}">
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
              <button type="submit">{LoginPage.Encode(texts[page.Button])}</button>
            </form>
            """;
        return LoginPage.Page(frame, texts[page.Title], body, LanguageSwitch(page, frame, token), statusCode);
    }

    private static IResult Invalid(PasswordLinkPage page, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, string? token)
    {
        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.LinkInvalidTitle])}</h2>
            <p>{LoginPage.Encode(texts[AccountTexts.LinkInvalid])}</p>
            <p><a class="button" href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.LinkInvalidTitle], body, LanguageSwitch(page, frame, token), StatusCodes.Status410Gone);
    }

    /// <summary>The password is set; after an invitation, whether the first sign-in will ask to set up a second factor.</summary>
    private static async Task<IResult> DoneAsync(
        PasswordLinkPage page, IServiceProvider services, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, ProcurementUser user)
    {
        var userName = user.UserName ?? "";
        var said = page.Purpose == OneTimeLinkPurpose.ResetPassword
            ? texts[PasswordPageTexts.PasswordReset, userName].Value
            : texts[AccountTexts.PasswordSet, userName].Value;
        var secondFactor = page.Purpose == OneTimeLinkPurpose.SetPassword
            ? $"""<p id="second-factor">{LoginPage.Encode(texts[await services.GetRequiredService<TwoFactorRequirement>().MustEnrolAsync(user)
                ? PasswordPageTexts.SecondFactorAtFirstSignIn : PasswordPageTexts.NoSecondFactor])}</p>"""
            : "";
        var body = $"""
            <h2>{LoginPage.Encode(texts[page.DoneTitle])}</h2>
            <p>{LoginPage.Encode(said)}</p>
            {secondFactor}
            <p><a class="button" href="/">{LoginPage.Encode(frame[LoginTexts.GoHome])}</a></p>
            """;
        return LoginPage.Page(frame, texts[page.DoneTitle], body, LanguageSwitch(page, frame, token: null), StatusCodes.Status200OK);
    }

    /// <summary>中文 | English, coming back to this page (with its token) in the other language.</summary>
    private static string LanguageSwitch(PasswordLinkPage page, IStringLocalizer<LoginTexts> frame, string? token) =>
        LanguageSwitch(frame, page.Path + (string.IsNullOrEmpty(token) ? "" : QueryString.Create("token", token).ToUriComponent()));

    /// <summary>中文 | English, coming back to <paramref name="back"/> in the other language.</summary>
    internal static string LanguageSwitch(IStringLocalizer<LoginTexts> frame, string back)
    {
        string Choice(CultureInfo culture, string key) =>
            CultureInfo.CurrentUICulture.Name == culture.Name
                ? $"<strong lang=\"{culture.Name}\" aria-current=\"true\">{LoginPage.Encode(frame[key])}</strong>"
                : $"<a lang=\"{culture.Name}\" hreflang=\"{culture.Name}\" href=\"{LoginPage.Encode(AccountEndpoints.LanguagePath + (QueryString.Create("culture", culture.Name) + QueryString.Create("returnUrl", back)).ToUriComponent())}\">{LoginPage.Encode(frame[key])}</a>";

        return $"""<nav class="lang" aria-label="{LoginPage.Encode(frame[LoginTexts.Language])}">{Choice(LoginCulture.Chinese, LoginTexts.Chinese)}<span aria-hidden="true">|</span>{Choice(LoginCulture.English, LoginTexts.English)}</nav>""";
    }
}
