using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Procurement.ServiceDefaults.Hosting;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>Issue 16 item 17: the interactive API page over a host's OpenAPI document, in Development only.</summary>
public sealed class The_api_page
{
    private static async Task<HttpStatusCode> StatusInAsync(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.MapApiReference();
        await app.StartAsync();
        using var response = await app.GetTestClient().GetAsync(new Uri(ApiReference.Path + "/", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task Is_served_in_development() => (await StatusInAsync(Environments.Development)).Should().Be(HttpStatusCode.OK);

    [Fact]
    public async Task Is_not_served_in_production() => (await StatusInAsync(Environments.Production)).Should().Be(HttpStatusCode.NotFound);
}
