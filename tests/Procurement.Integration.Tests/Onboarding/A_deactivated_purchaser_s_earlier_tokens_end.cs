using System.Net;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>
/// Issue 14, item 8 (d): the platform administrator deactivates a purchaser; the access token the purchaser was given
/// before is refused (401) by the services at once (UserAccessRevoked), and the refresh token no longer gives new ones.
/// </summary>
[Collection(OnboardingCollection.Name)]
public sealed class A_deactivated_purchaser_s_earlier_tokens_end(OnboardingDistrict district)
{
    [Fact]
    public async Task The_earlier_access_token_is_refused_401_and_the_refresh_token_fails()
    {
        var purchaser = await district.InviteAsync("wang.lei@futian.example", "王磊", "wanglei", Roles.Purchaser);
        using var admin = await district.ClientAsync((await district.AdministratorAsync()).AccessToken);
        using var before = await district.ClientAsync(purchaser.AccessToken);
        (await before.GetAsync(new Uri("/api/programs", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        var deactivated = await admin.DeactivateUserAsync(purchaser.UserId, "已调离福田区民政局");

        deactivated.Status.Should().Be(HttpStatusCode.OK, deactivated.Body);
        var tendering = await Poll.ForAsync(
            async () => (await before.GetAsync(new Uri("/api/programs", UriKind.Relative))).StatusCode,
            status => status == HttpStatusCode.Unauthorized);
        tendering.Should().Be(HttpStatusCode.Unauthorized);
        (await before.GetAsync(new Uri("/api/bids/openings/" + Guid.NewGuid(), UriKind.Relative))).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "Bidding refuses it too");
        using var client = await district.ClientAsync(accessToken: null);
        var refreshed = await TokenClient.RefreshAsync(client, TokenClient.PortalClientId, purchaser.SignIn.Tokens.RefreshToken!);
        refreshed.Status.Should().Be(HttpStatusCode.BadRequest);
        refreshed.Error.Should().Be("invalid_grant");
    }
}
