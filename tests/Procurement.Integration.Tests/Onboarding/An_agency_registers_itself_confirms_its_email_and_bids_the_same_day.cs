using System.Net;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>
/// Issue 14, item 8 (b): an agency registers itself on the district's platform, the test reads the confirmation mail and
/// opens its link, the agency signs in with its password alone (no second factor for agencies), finds its profile already
/// in Bidding (AgencyRegistered), keeps the roster the tender asks for and submits a bid: no approval gate (财库〔2019〕38号).
/// </summary>
[Collection(OnboardingCollection.Name)]
public sealed class An_agency_registers_itself_confirms_its_email_and_bids_the_same_day(OnboardingDistrict district)
{
    [Fact]
    public async Task The_confirmed_agency_signs_in_without_a_second_factor_and_finds_its_profile_in_bidding()
    {
        var registration = OnboardingDistrict.Registration("福田区长青社会工作服务中心", DirectoryApi.CreditCode(1), "changqing");
        ApiAnswer? accepted = null;
        HttpStatusCode? confirmation = null;
        string? confirmationMail = null;

        var contact = await district.RegisterAgencyAsync(registration, (answer, mail, confirmed) =>
        {
            accepted = answer;
            confirmation = confirmed.StatusCode;
            confirmationMail = TestSmtpServer.TextOf(mail);
        });

        accepted!.Status.Should().Be(HttpStatusCode.Accepted);
        confirmationMail.Should().Contain("/account/confirm-email?token=");
        confirmation.Should().Be(HttpStatusCode.OK);
        contact.SignIn.AuthenticatorKey.Should().BeNull("an agency signs in with its password alone");
        var access = contact.SignIn.Tokens.Access;
        access.Values(ProcurementClaims.Role).Should().Contain(Roles.Agency);
        access.Value(ProcurementClaims.OrganisationId).Should().Be(contact.OrganisationId.ToString());

        using var agency = await district.ClientAsync(contact.AccessToken);
        var profile = await OnboardingDistrict.ProfileInBiddingAsync(agency);
        profile.Status.Should().Be(HttpStatusCode.OK, "Bidding learns of the registration: " + profile.Body);
        var body = profile.Json<JsonElement>();
        body.GetProperty("id").GetGuid().Should().Be(contact.OrganisationId);
        body.GetProperty("name").GetString().Should().Be(registration.Name);
        body.GetProperty("unifiedSocialCreditCode").GetString().Should().Be(registration.UnifiedSocialCreditCode);
        body.GetProperty("suspended").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_agency_keeps_a_roster_and_its_bid_on_the_published_tender_is_received()
    {
        var tenderId = await district.TenderAsync();
        var registered = await district.AgencyWithRosterAsync("福田区同心社会工作服务社", DirectoryApi.CreditCode(2), "tongxin");
        using var agency = await district.ClientAsync(registered.Contact.AccessToken);
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding");

        var answer = await agency.SubmitBidAsync(tenderId, OnboardingDistrict.Bid(registered.Roster));

        answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
        answer.Json<BidReceipt>().TenderId.Should().Be(tenderId);
    }
}
