using System.Net;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>
/// Issue 14, item 8 (c): the platform administrator suspends a fraudulent agency registration with a reason; Bidding
/// learns it (AgencySuspended) and refuses the agency's bid 422 <c>agency_suspended</c> giving the reason; once
/// reinstated (AgencyReinstated) the same bid is received.
/// </summary>
[Collection(OnboardingCollection.Name)]
public sealed class A_suspended_agency_is_refused_with_the_reason_until_reinstated(OnboardingDistrict district)
{
    private const string Reason = "登记证书系伪造，经福田区民政局核实";

    [Fact]
    public async Task The_bid_is_refused_422_with_the_reason_while_suspended_and_received_once_reinstated()
    {
        var tenderId = await district.TenderAsync();
        var registered = await district.AgencyWithRosterAsync("福田区明德社会工作服务中心", DirectoryApi.CreditCode(3), "mingde");
        using var admin = await district.ClientAsync((await district.AdministratorAsync()).AccessToken);
        using var agency = await district.ClientAsync(registered.Contact.AccessToken);
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull("the published tender reaches Bidding (null: it never did)");
        var bid = OnboardingDistrict.Bid(registered.Roster);

        (await admin.SuspendAsync(registered.OrganisationId, Reason)).Status.Should().Be(HttpStatusCode.OK);
        (await SuspendedInBiddingAsync(agency, expected: true)).Should().BeTrue("Bidding learns of the suspension");
        var refused = await agency.SubmitBidAsync(tenderId, bid);

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity, refused.Body);
        refused.Body.Should().Contain("agency_suspended").And.Contain(Reason);

        (await admin.ReinstateAsync(registered.OrganisationId)).Status.Should().Be(HttpStatusCode.OK);
        (await SuspendedInBiddingAsync(agency, expected: false)).Should().BeFalse("Bidding learns of the reinstatement");
        var received = await agency.SubmitBidAsync(tenderId, bid);

        received.Status.Should().Be(HttpStatusCode.Created, received.Body);
    }

    /// <summary>Whether the agency's profile in Bidding says it is suspended, once it says <paramref name="expected"/> (or 20 s on).</summary>
    private static async Task<bool> SuspendedInBiddingAsync(HttpClient agency, bool expected) =>
        (await Poll.ForAsync(
            async () => (await ApiAnswer.ReadAsync(agency.GetAsync(new Uri("/api/agencies/me", UriKind.Relative))))
                .Expect(HttpStatusCode.OK, "reading the agency's profile").Json<System.Text.Json.JsonElement>().GetProperty("suspended").GetBoolean(),
            suspended => suspended == expected));
}
