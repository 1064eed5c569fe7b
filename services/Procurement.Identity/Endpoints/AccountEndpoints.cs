using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// The login page of the authorization-code flow: a plain HTML form, protected by an antiforgery token
/// (validated here, so the host needs no antiforgery middleware), that signs in the module's own cookie
/// and returns to the local URL it came from — normally <c>/connect/authorize</c>. It speaks the language
/// of the culture cookie (<see cref="LoginCulture"/>), Chinese by default; <c>/account/language</c> switches it.
/// A user with an authenticator, or whose role requires one (<see cref="TwoFactorRequirement"/>), passes a second
/// step at <c>/account/login/code</c> before the cookie is signed in.
/// </summary>
internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LanguagePath = "/account/language";
    public const string CodePath = "/account/login/code";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, ShowLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginPath, LoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(CodePath, CodeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(LanguagePath, SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts, string? returnUrl)
    {
        LoginCulture.Apply(http);
        return LoginPage.Form(http, antiforgery, texts, returnUrl, userName: null, error: null);
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts, PasswordCheck passwords,
        TwoFactorRequirement twoFactor, TwoFactorTickets tickets, UserManager<ProcurementUser> users, IdentityDb db,
        IStringLocalizer<AccountTexts> accountTexts)
    {
        LoginCulture.Apply(http);
        if (await ExpiredFormAsync(http, antiforgery) is { } expired)
        {
            // A form left open too long (or posted from elsewhere): the same page again, with a fresh token.
            return LoginPage.Form(http, antiforgery, texts, expired.ReturnUrl, userName: null, texts[LoginTexts.FormExpired], StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync();
        string? userName = form["userName"], password = form["password"], formReturnUrl = form["returnUrl"];
        var clientId = ClientIdOf(formReturnUrl);
        var user = await passwords.CheckAsync(userName, password, clientId, http.RequestAborted);
        if (user is null)
        {
            return LoginPage.Form(http, antiforgery, texts, formReturnUrl, userName, texts[LoginTexts.WrongPassword]);
        }

        // A self-registered agency's contact signs in once the e-mail is confirmed (the page offers the link again).
        if (await AgencyRegistration.AwaitsConfirmationAsync(db, user, http.RequestAborted))
        {
            return ConfirmEmailEndpoints.ConfirmFirst(texts, accountTexts);
        }

        var normalised = passwords.Normalise(userName!);
        if (user.TwoFactorEnabled)
        {
            tickets.Issue(http, user, normalised, TwoFactorStage.Verify);
            return LoginPage.CodeForm(http, antiforgery, texts, formReturnUrl, TwoFactorStage.Verify, enrolment: null, error: null);
        }

        if (await twoFactor.MustEnrolAsync(user))
        {
            tickets.Issue(http, user, normalised, TwoFactorStage.Enrol);
            return LoginPage.CodeForm(http, antiforgery, texts, formReturnUrl, TwoFactorStage.Enrol, await EnrolmentOfAsync(users, user), error: null);
        }

        await CompleteSignInAsync(http, passwords, users, user, normalised, clientId, secondFactor: false);
        return Continue(texts, formReturnUrl, user);
    }

    /// <summary>
    /// <c>POST /account/login/code</c>: the second step. Verify: the authenticator's 6-digit code, or else a recovery code
    /// (spent by its use). Enrol: the first code of the new authenticator, which turns two-factor sign-in on and shows ten
    /// recovery codes once. A wrong code counts as a failed sign-in under the name (and so towards its lockout); a locked
    /// name is refused like a wrong code.
    /// </summary>
    private static async Task<IResult> CodeAsync(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> texts, PasswordCheck passwords,
        TwoFactorTickets tickets, UserManager<ProcurementUser> users, SecurityLog log)
    {
        LoginCulture.Apply(http);
        if (await ExpiredFormAsync(http, antiforgery) is { } expired)
        {
            return LoginPage.Form(http, antiforgery, texts, expired.ReturnUrl, userName: null, texts[LoginTexts.FormExpired], StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync();
        string? formReturnUrl = form["returnUrl"];
        var ticket = tickets.Read(http);
        var user = ticket is null ? null : await users.FindByIdAsync(ticket.UserId.ToString());
        if (ticket is null || user is null || await users.IsLockedOutAsync(user))
        {
            TwoFactorTickets.Clear(http);
            return LoginPage.Form(http, antiforgery, texts, formReturnUrl, userName: null, texts[LoginTexts.TwoFactorExpired], StatusCodes.Status400BadRequest);
        }

        var clientId = ClientIdOf(formReturnUrl);
        var code = AuthenticatorKeys.CleanCode(form["code"]);
        var enrol = ticket.Stage == TwoFactorStage.Enrol;
        if (await passwords.IsLockedAsync(ticket.NormalisedUserName, http.RequestAborted))
        {
            await log.RecordAsync(SecurityEventKind.RefusedWhileLockedOut, user.Id, ticket.NormalisedUserName, clientId);
            return await RefuseCodeAsync();
        }

        if (enrol)
        {
            if (user.TwoFactorEnabled
                || !AuthenticatorKeys.IsAuthenticatorCode(code)
                || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await passwords.FailedAsync(ticket.NormalisedUserName, user.Id, SecurityEventKind.SecondFactorFailed, clientId);
                return await RefuseCodeAsync();
            }

            Check(await users.SetTwoFactorEnabledAsync(user, true));
            var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
                ?? throw new InvalidOperationException("The user store cannot keep recovery codes.");
            await log.RecordAsync(SecurityEventKind.TwoFactorEnrolled, user.Id, ticket.NormalisedUserName, clientId);
            await CompleteSignInAsync(http, passwords, users, user, ticket.NormalisedUserName, clientId, secondFactor: true);
            return LoginPage.RecoveryCodes(texts, recoveryCodes, IsLocal(formReturnUrl) ? formReturnUrl! : "/");
        }

        if (AuthenticatorKeys.IsAuthenticatorCode(code))
        {
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await passwords.FailedAsync(ticket.NormalisedUserName, user.Id, SecurityEventKind.SecondFactorFailed, clientId);
                return await RefuseCodeAsync();
            }

            await log.RecordAsync(SecurityEventKind.SecondFactorSucceeded, user.Id, ticket.NormalisedUserName, clientId);
        }
        else
        {
            if (code.Length == 0 || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, AuthenticatorKeys.RecoveryCode(code))).Succeeded)
            {
                await passwords.FailedAsync(ticket.NormalisedUserName, user.Id, SecurityEventKind.SecondFactorFailed, clientId);
                return await RefuseCodeAsync();
            }

            await log.RecordAsync(SecurityEventKind.RecoveryCodeUsed, user.Id, ticket.NormalisedUserName, clientId);
        }

        await CompleteSignInAsync(http, passwords, users, user, ticket.NormalisedUserName, clientId, secondFactor: true);
        return Continue(texts, formReturnUrl, user);

        async Task<IResult> RefuseCodeAsync() =>
            LoginPage.CodeForm(http, antiforgery, texts, formReturnUrl, ticket.Stage,
                enrol ? await EnrolmentOfAsync(users, user) : null, texts[LoginTexts.WrongCode]);
    }

    /// <summary>How many recovery codes an enrolment gives.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The authenticator key the user is to add (made on the first enrolment step, the same on every later one until it is confirmed).</summary>
    private static async Task<Enrolment> EnrolmentOfAsync(UserManager<ProcurementUser> users, ProcurementUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        }

        return new Enrolment(AuthenticatorKeys.Grouped(key), AuthenticatorKeys.Uri(key, user.UserName ?? user.Id.ToString()));
    }

    /// <summary>
    /// Signs the login page's cookie in (<c>amr</c> = <c>pwd</c>, and <c>otp</c> and <c>mfa</c> after a second factor; the
    /// user's security stamp), logs the sign-in and forgets the name's failures.
    /// </summary>
    private static async Task CompleteSignInAsync(
        HttpContext http, PasswordCheck passwords, UserManager<ProcurementUser> users, ProcurementUser user, string normalisedUserName, string? clientId, bool secondFactor)
    {
        TwoFactorTickets.Clear(http);
        var identity = new ClaimsIdentity(IdentityModule.CookieScheme, ProcurementClaims.Name, ProcurementClaims.Role);
        identity.AddClaim(new Claim(ProcurementClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(ProcurementClaims.Name, user.UserName ?? user.Id.ToString()));
        identity.AddClaim(new Claim(AuthenticationMethodsClaim, TokenEndpoints.PasswordMethod));
        if (secondFactor)
        {
            identity.AddClaim(new Claim(AuthenticationMethodsClaim, TokenEndpoints.OneTimePasswordMethod));
            identity.AddClaim(new Claim(AuthenticationMethodsClaim, TokenEndpoints.MultiFactorMethod));
        }

        // The stamp the cookie was issued under: a new password or authenticator ends it (AuthorizationEndpoints).
        if (await users.GetSecurityStampAsync(user) is { } stamp)
        {
            identity.AddClaim(new Claim(TokenPrincipals.SecurityStampClaim, stamp));
        }

        await http.SignInAsync(IdentityModule.CookieScheme, new ClaimsPrincipal(identity));
        await passwords.SignedInAsync(user, normalisedUserName, clientId);
    }

    /// <summary>The login cookie's record of how the user proved who they are (RFC 8176 <c>amr</c> values).</summary>
    public const string AuthenticationMethodsClaim = "amr";

    private static IResult Continue(IStringLocalizer<LoginTexts> texts, string? returnUrl, ProcurementUser user) =>
        IsLocal(returnUrl)
            ? Results.Redirect(returnUrl!)
            : LoginPage.SignedIn(texts, user.UserName ?? user.Id.ToString());

    /// <summary>A form without a valid antiforgery token: what it carried as its return URL; null when the form is valid.</summary>
    private static async Task<ExpiredForm?> ExpiredFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }

        return new ExpiredForm(http.Request.HasFormContentType ? (await http.Request.ReadFormAsync())["returnUrl"].ToString() : null);
    }

    private sealed record ExpiredForm(string? ReturnUrl);

    /// <summary>The OAuth client the sign-in is for: the <c>client_id</c> of the authorization request it returns to.</summary>
    internal static string? ClientIdOf(string? returnUrl)
    {
        if (!IsLocal(returnUrl))
        {
            return null;
        }

        var query = returnUrl!.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? null : QueryHelpers.ParseQuery(returnUrl[query..]).TryGetValue("client_id", out var id) ? id.ToString() : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
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
