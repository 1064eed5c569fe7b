using System.Net;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Production refuses plain HTTP. Behind an ingress that terminates TLS, ASP.NET Core's own forwarded
/// headers switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) makes X-Forwarded-Proto count.
/// </summary>
public sealed class Behind_a_TLS_terminating_ingress
{
    [Fact]
    public async Task Plain_http_is_refused_and_a_forwarded_https_request_is_served()
    {
        var settings = IdentityHosts.ProductionSettings(new()
        {
            [IdentitySettings.AllowHttp] = null,
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });
        await using var host = await TestHosts.StartAsync(settings, "identity", IdentityModule.Module);
        using var client = host.CreateClient();

        var plain = await TokenClient.ClientCredentialsAsync(client, IdentityHosts.ProductionMachineSecret);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var forwarded = await TokenClient.ClientCredentialsAsync(client, IdentityHosts.ProductionMachineSecret);

        plain.Error.Should().Be("invalid_request");
        plain.AccessToken.Should().BeNull();
        forwarded.Status.Should().Be(HttpStatusCode.OK, forwarded.ErrorDescription);
    }
}
