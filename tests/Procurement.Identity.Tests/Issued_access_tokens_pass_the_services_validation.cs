using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Tests;

public sealed class Issued_access_tokens_pass_the_services_validation(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task The_purchasers_token_opens_a_purchaser_endpoint()
    {
        using var client = identity.Host.CreateClient();
        var token = await TokenClient.PasswordAsync(client, "purchaser", DemoDirectory.Password);

        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, token.AccessToken)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_agencys_token_is_forbidden_there()
    {
        using var client = identity.Host.CreateClient();
        var token = await TokenClient.PasswordAsync(client, "agency1", DemoDirectory.Password);

        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, token.AccessToken)).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_token_is_unauthorized()
    {
        using var client = identity.Host.CreateClient();

        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, accessToken: null)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_unauthorized()
    {
        using var client = identity.Host.CreateClient();
        var token = (await TokenClient.PasswordAsync(client, "purchaser", DemoDirectory.Password)).AccessToken!;
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";

        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, forged)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_module_leaves_the_hosts_default_scheme_to_JwtBearer()
    {
        var schemes = identity.Host.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        (await schemes.GetDefaultAuthenticateSchemeAsync())!.Name.Should().Be(JwtBearerDefaults.AuthenticationScheme);
        (await schemes.GetDefaultChallengeSchemeAsync())!.Name.Should().Be(JwtBearerDefaults.AuthenticationScheme);
        (await schemes.GetSchemeAsync(IdentityModule.CookieScheme))!.HandlerType
            .Should().Be<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler>();
    }
}
