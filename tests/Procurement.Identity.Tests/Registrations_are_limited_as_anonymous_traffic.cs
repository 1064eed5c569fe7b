using System.Net;
using System.Net.Http.Json;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Identity behind the edge, as the embedded host runs it: the anonymous registration (API and page) falls under the
/// window of callers without a token, per address (<c>Edge:RateLimit:AnonymousPermitLimit</c>).
/// </summary>
public sealed class Registrations_are_limited_as_anonymous_traffic : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = IdentityHosts.DevelopmentSettings();
        _host = await TestHosts.StartAsync(new TestSettings
        {
            DataDirectory = settings.DataDirectory,
            Values = { ["Edge:RateLimit:AnonymousPermitLimit"] = "3" },
            Configure = builder => builder.AddEdgeProtection(),
            ConfigureApp = app => app.UseEdgeProtection(),
        }, "identity", IdentityModule.Module);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_fourth_anonymous_attempt_in_the_window_is_refused_with_429()
    {
        using var client = _host.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync(AgencyRegistrationEndpoints.ApiPath, new { name = "x" });
            answers.Add(response.StatusCode);
        }

        using var refused = await client.GetAsync(AgencyRegistrationEndpoints.PagePath);

        answers.Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}
