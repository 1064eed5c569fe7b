using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Procurement.Identity.Accounts;
using Procurement.Rules;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// An agency registers itself (DOMAIN.md §12, no approval gate): the anonymous JSON API
/// <c>POST /api/identity/agency-registrations</c> and the server-rendered page <c>/account/register</c>, both through
/// <see cref="AgencyRegistration"/>. Both are anonymous traffic, limited per address by the edge's window for callers
/// without a token (<c>Edge:RateLimit:AnonymousPermitLimit</c>). The page shows every error beside its field and keeps
/// everything typed but the passwords.
/// </summary>
internal static class AgencyRegistrationEndpoints
{
    public const string ApiPath = "/api/identity/agency-registrations";
    public const string PagePath = "/account/register";

    /// <summary>The page's fields in order, by their JSON names (the API's and the errors' keys).</summary>
    private static readonly string[] Fields =
    [
        "name", "unifiedSocialCreditCode", "registrationAuthority", "legalRepresentative", "registrationDate", "address",
        "contactName", "contactPhone", "email", "userName",
    ];

    public static IEndpointRouteBuilder MapAgencyRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        AgencyRegistrationCodes.Register();
        app.MapPost(ApiPath, RegisterAsync).AllowAnonymous().WithTags("Organisations")
            .WithName("RegisterAgency")
            .WithSummary("An agency registers itself (anonymous): 202 with the organisation id and until when the mailed link confirms the e-mail.");
        app.MapGet(PagePath, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(PagePath, SubmitAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Accepted<AgencyRegistrationAccepted>> RegisterAsync(
        AgencyRegistrationRequest request, AgencyRegistration registration, HttpContext http) =>
        TypedResults.Accepted((string?)null, await registration.RegisterAsync(request, http.RequestAborted));

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        return Form(http, antiforgery, frame, texts, new Dictionary<string, string>(), [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http, IAntiforgery antiforgery, AgencyRegistration registration, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts)
    {
        LoginCulture.Apply(http);
        if (!http.Request.HasFormContentType)
        {
            return Form(http, antiforgery, frame, texts, [], new() { ["form"] = [frame[LoginTexts.FormExpired]] }, StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var typed = Fields.ToDictionary(f => f, f => form[f].ToString());
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, frame, texts, typed, new() { ["form"] = [frame[LoginTexts.FormExpired]] }, StatusCodes.Status400BadRequest);
        }

        string password = form["password"].ToString(), confirmation = form["confirmPassword"].ToString();
        var dateTyped = !string.IsNullOrWhiteSpace(typed["registrationDate"]);
        DateOnly? date = DateOnly.TryParseExact(typed["registrationDate"].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
        var request = new AgencyRegistrationRequest(
            typed["name"], typed["unifiedSocialCreditCode"], typed["registrationAuthority"], typed["legalRepresentative"], date,
            typed["address"], typed["contactName"], typed["contactPhone"], typed["email"], typed["userName"], password);

        var errors = Messages((await registration.ValidateAsync(request)).Errors);
        if (dateTyped && date is null)
        {
            errors["registrationDate"] = [ProblemMessages.Get("invalid_value", new FieldName("registrationDate"))];
        }

        if (!string.IsNullOrEmpty(password) && password != confirmation)
        {
            errors["confirmPassword"] = [texts[AccountTexts.PasswordsDiffer]];
        }

        if (errors.Count == 0)
        {
            try
            {
                var accepted = await registration.RegisterAsync(request, http.RequestAborted);
                return Registered(frame, texts, accepted);
            }
            catch (ConflictException conflict)
            {
                var field = conflict.Extensions.TryGetValue("field", out var named) ? (string)named! : "unifiedSocialCreditCode";
                errors[field] = [ProblemMessages.Get(conflict.Code, [.. conflict.Args])];
            }
            catch (RequestValidationException invalid)
            {
                errors = Messages(invalid.Errors);
            }
        }

        return Form(http, antiforgery, frame, texts, typed, errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>Each field's messages in the page's language, the field named by its label.</summary>
    private static Dictionary<string, List<string>> Messages(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(
            g => g.Key,
            g => g.Select(e => ProblemMessages.Get(e.Rule, [.. e.Args.Select(a => a is string text && text == e.Field ? new FieldName(text) : a)])).ToList());

    private static IResult Form(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts,
        Dictionary<string, string> typed, Dictionary<string, List<string>> errors, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string Errors(string field) => errors.TryGetValue(field, out var messages)
            ? $"""<div role="alert" class="alert" id="{field}-errors">{string.Join("", messages.Select(m => $"<div>{LoginPage.Encode(m)}</div>"))}</div>"""
            : "";
        string Field(string field, string type, string autocomplete, string extra = "")
        {
            var invalid = errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"{field}-errors\"" : "";
            var value = type == "password" ? "" : $" value=\"{LoginPage.Encode(typed.GetValueOrDefault(field))}\"";
            return $"""
                  <div class="field">
                    <label for="{field}">{LoginPage.Encode(texts[AccountTexts.RegisterFieldPrefix + field])}</label>
                    <input id="{field}" name="{field}" type="{type}" autocomplete="{autocomplete}" required{extra}{value}{invalid}>
                    {Errors(field)}
                  </div>
                """;
        }

        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.RegisterTitle])}</h2>
            <p class="hint">{LoginPage.Encode(texts[AccountTexts.RegisterHint])}</p>
            {Errors("form")}
            <form method="post" action="{PagePath}" novalidate>
              <input type="hidden" name="{LoginPage.Encode(tokens.FormFieldName)}" value="{LoginPage.Encode(tokens.RequestToken)}">
            {Field("name", "text", "organization", $" maxlength=\"{Domain.Organisation.NameMaxLength}\"")}
            {Field("unifiedSocialCreditCode", "text", "off", $" maxlength=\"{CreditCodeRules.Length}\" spellcheck=\"false\"")}
            {Field("registrationAuthority", "text", "off")}
            {Field("legalRepresentative", "text", "off")}
            {Field("registrationDate", "text", "off", " placeholder=\"yyyy-MM-dd\" inputmode=\"numeric\"")}
            {Field("address", "text", "street-address")}
            {Field("contactName", "text", "name")}
            {Field("contactPhone", "text", "tel", " inputmode=\"tel\"")}
            {Field("email", "text", "email", " inputmode=\"email\"")}
            {Field("userName", "text", "username")}
            {Field("password", "password", "new-password")}
            {Field("confirmPassword", "password", "new-password")}
              <button type="submit">{LoginPage.Encode(texts[AccountTexts.RegisterButton])}</button>
            </form>
            <p><a href="{AccountEndpoints.LoginPath}">{LoginPage.Encode(frame[LoginTexts.SignInTitle])}</a></p>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.RegisterTitle], body, AccountPages.LanguageSwitch(frame, PagePath), statusCode);
    }

    private static IResult Registered(IStringLocalizer<LoginTexts> frame, IStringLocalizer<AccountTexts> texts, AgencyRegistrationAccepted accepted)
    {
        var body = $"""
            <h2>{LoginPage.Encode(texts[AccountTexts.RegisteredTitle])}</h2>
            <p data-testid="registered">{LoginPage.Encode(texts[AccountTexts.Registered, accepted.Email, ShanghaiDays.Show(accepted.ConfirmBy)])}</p>
            """;
        return LoginPage.Page(frame, texts[AccountTexts.RegisteredTitle], body, AccountPages.LanguageSwitch(frame, PagePath), StatusCodes.Status200OK);
    }
}

/// <summary>What the account pages an agency's registration opens share.</summary>
internal static class AccountPages
{
    /// <summary>中文 | English, coming back to <paramref name="back"/> (a local path) in the other language.</summary>
    public static string LanguageSwitch(IStringLocalizer<LoginTexts> frame, string back)
    {
        string Choice(CultureInfo culture, string key) =>
            CultureInfo.CurrentUICulture.Name == culture.Name
                ? $"<strong lang=\"{culture.Name}\" aria-current=\"true\">{LoginPage.Encode(frame[key])}</strong>"
                : $"<a lang=\"{culture.Name}\" hreflang=\"{culture.Name}\" href=\"{LoginPage.Encode(AccountEndpoints.LanguagePath + (QueryString.Create("culture", culture.Name) + QueryString.Create("returnUrl", back)).ToUriComponent())}\">{LoginPage.Encode(frame[key])}</a>";

        return $"""<nav class="lang" aria-label="{LoginPage.Encode(frame[LoginTexts.Language])}">{Choice(LoginCulture.Chinese, LoginTexts.Chinese)}<span aria-hidden="true">|</span>{Choice(LoginCulture.English, LoginTexts.English)}</nav>""";
    }
}
