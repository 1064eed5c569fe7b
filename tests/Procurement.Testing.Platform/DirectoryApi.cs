using System.Globalization;
using System.Net;
using System.Text.Json;
using Procurement.Rules;

namespace Procurement.Testing.Platform;

/// <summary>An invitation as an administrator sends it (<c>POST /api/identity/users/invitations</c>).</summary>
public sealed record NewInvitation(
    Guid? OrganisationId, string Email, string DisplayName, string? UserName, IReadOnlyList<string> Roles, IReadOnlyList<string>? ServiceDomains = null);

/// <summary>A user as the administrators see it (the fields the tests read).</summary>
public sealed record DirectoryUser(Guid Id, string UserName, Guid OrganisationId, string[] Roles, bool Joined, bool TwoFactorEnabled, bool Active);

/// <summary>An agency's registration as it types it (<c>POST /api/identity/agency-registrations</c>, anonymous).</summary>
public sealed record AgencyRegistrationBody(
    string Name, string UnifiedSocialCreditCode, string RegistrationAuthority, string LegalRepresentative, DateOnly RegistrationDate,
    string Address, string ContactName, string ContactPhone, string Email, string UserName, string Password);

/// <summary>
/// The directory (Identity's <c>/api/identity/*</c>) as calls on the public entry: organisations and users for the
/// administrators, shared by the onboarding's HTTP tests and the steps of Features/Directory.
/// </summary>
public static class DirectoryApi
{
    public const string Organisations = "/api/identity/organisations";
    public const string Users = "/api/identity/users";

    /// <summary>Creates an organisation (a purchasing unit with its region and 6-digit division code); its id.</summary>
    public static async Task<Guid> CreateOrganisationAsync(this HttpClient admin, string name, string kind, string? region = null, string? divisionCode = null) =>
        (await ApiAnswer.ReadAsync(admin.PostJsonAsync(Organisations, new { name, kind, region, divisionCode })))
        .Expect(HttpStatusCode.Created, $"creating the organisation {name}").Json<JsonElement>().GetProperty("id").GetGuid();

    public static Task<ApiAnswer> InviteAsync(this HttpClient admin, NewInvitation invitation) =>
        ApiAnswer.ReadAsync(admin.PostJsonAsync($"{Users}/invitations", invitation));

    public static async Task<DirectoryUser> InvitedAsync(this HttpClient admin, NewInvitation invitation) =>
        (await admin.InviteAsync(invitation)).Expect(HttpStatusCode.Created, $"inviting {invitation.Email}").Json<DirectoryUser>();

    public static Task<ApiAnswer> DeactivateUserAsync(this HttpClient admin, Guid userId, string reason) =>
        ApiAnswer.ReadAsync(admin.PostJsonAsync($"{Users}/{userId}/deactivate", new { reason }));

    public static Task<ApiAnswer> UserAsync(this HttpClient admin, Guid userId) =>
        ApiAnswer.ReadAsync(admin.GetAsync(new Uri($"{Users}/{userId}", UriKind.Relative)));

    public static Task<ApiAnswer> HistoryAsync(this HttpClient admin, Guid organisationId) =>
        ApiAnswer.ReadAsync(admin.GetAsync(new Uri($"{Organisations}/{organisationId}/history", UriKind.Relative)));

    /// <summary>An agency registers itself (anonymous): 202 with the organisation id, or the refusal.</summary>
    public static Task<ApiAnswer> RegisterAgencyAsync(this HttpClient anyone, AgencyRegistrationBody registration) =>
        ApiAnswer.ReadAsync(anyone.PostJsonAsync("/api/identity/agency-registrations", registration));

    public static Task<ApiAnswer> SuspendAsync(this HttpClient admin, Guid organisationId, string reason) =>
        ApiAnswer.ReadAsync(admin.PostJsonAsync($"{Organisations}/{organisationId}/suspension", new { reason }));

    public static Task<ApiAnswer> ReinstateAsync(this HttpClient admin, Guid organisationId) =>
        ApiAnswer.ReadAsync(admin.DeleteAsync(new Uri($"{Organisations}/{organisationId}/suspension", UriKind.Relative)));

    /// <summary>
    /// A valid 统一社会信用代码 (GB 32100-2015) numbered <paramref name="number"/>: a social organisation (5, 2) of Futian
    /// (440304), an 8-digit organisation code with its GB 11714 check character, and the code's check character.
    /// </summary>
    public static string CreditCode(int number)
    {
        var organisation = (20_000_000 + number).ToString("D8", CultureInfo.InvariantCulture);
        var first17 = "52440304" + organisation + CreditCodeRules.OrganisationCheckCharacterOf(organisation);
        return first17 + CreditCodeRules.CheckCharacterOf(first17);
    }
}
