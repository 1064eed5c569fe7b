using System.Net;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>
/// Issue 14, item 8 (a), over HTTP on a freshly installed district in Production: the first administrator is created at
/// the command line, sets a password from the printed link and an authenticator app at the first sign-in, creates a
/// purchasing unit and invites its first purchaser by mail; the purchaser follows the mailed link, sets a password, sets
/// up an authenticator app, signs in through the login page (authorization code + PKCE) and publishes a tender.
/// </summary>
/// <remarks>In tests/Procurement.Integration.Tests/Onboarding, beside the embedded host's other tests outside Development; it
/// needs the whole platform in one process and no broker.</remarks>
[Collection(OnboardingCollection.Name)]
public sealed class A_purchasing_unit_s_first_purchaser_is_invited_by_mail_and_publishes(OnboardingDistrict district)
{
    [Fact]
    public async Task The_administrator_from_the_command_line_signs_in_with_a_second_factor_and_creates_the_purchasing_unit()
    {
        var admin = await district.AdministratorAsync();
        var unit = await district.PurchasingUnitAsync();

        district.AdminCreated.Output.Should().Contain("72");
        admin.SignIn.AuthenticatorKey.Should().NotBeNullOrEmpty("an administrator sets up an authenticator app at the first sign-in");
        admin.SignIn.RecoveryCodes.Should().HaveCount(10);
        admin.SignIn.Tokens.Access.Values(ProcurementClaims.Role).Should().Equal(Roles.Admin);
        using var client = await district.ClientAsync(admin.AccessToken);
        var history = await client.HistoryAsync(unit);
        history.Status.Should().Be(HttpStatusCode.OK, history.Body);
        history.Body.Should().Contain("\"actorName\":\"ops\"");
    }

    [Fact]
    public async Task The_invited_purchaser_reads_the_mail_sets_a_password_and_an_authenticator_and_signs_in_to_the_unit()
    {
        var unit = await district.PurchasingUnitAsync();
        var purchaser = await district.PurchaserAsync();

        var mail = district.Invitation!;
        mail.Subject.Should().NotBeNullOrWhiteSpace();
        var text = TestSmtpServer.TextOf(mail);
        var expiry = (mail.Date + TimeSpan.FromHours(72)).ToOffset(TimeSpan.FromHours(8));
        text.Should().Contain($"有效期至 {expiry:yyyy-MM-dd}", "the link is valid for 72 hours and the mail says until when, in Beijing time");
        TestSmtpServer.LinksIn(mail).Should().Contain(l => l.AbsolutePath == "/account/set-password");
        purchaser.SignIn.AuthenticatorKey.Should().NotBeNullOrEmpty("a purchaser moves money: a second factor is required");
        var access = purchaser.SignIn.Tokens.Access;
        access.Values(ProcurementClaims.Role).Should().Equal(Roles.Purchaser);
        access.Value(ProcurementClaims.OrganisationId).Should().Be(unit.ToString());
        access.Value("sub").Should().Be(purchaser.UserId.ToString());
    }

    [Fact]
    public async Task The_purchaser_creates_a_program_and_publishes_a_tender()
    {
        var tenderId = await district.TenderAsync();

        using var purchaser = await district.ClientAsync((await district.PurchaserAsync()).AccessToken);
        var tender = await ApiAnswer.ReadAsync(purchaser.GetAsync(new Uri($"/api/tenders/{tenderId}", UriKind.Relative)));
        tender.Status.Should().Be(HttpStatusCode.OK, tender.Body);
        tender.Json<System.Text.Json.JsonElement>().GetProperty("status").GetString().Should().Be("Published");
    }
}
