using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14 item 5: every sign-in, failure and lockout goes to the security log — when, what, the user's id when the
/// name is known, the name typed (normalised), the address, the user agent and the client — and an auditor or the
/// administrator reads it at <c>GET /api/identity/security-events</c>, newest first, filtered and paged.
/// </summary>
public sealed class The_security_log_records_every_sign_in_for_auditors : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private RunningHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(configure: builder =>
            builder.Services.AddSingleton<TimeProvider>(_clock)));
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("SecurityLogTest/1.0");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_a_failure_and_a_lockout_are_logged_with_who_where_and_which_client()
    {
        await TokenClient.PasswordAsync(_client, "agency1", DemoDirectory.Password);
        for (var i = 0; i < 5; i++)
        {
            await TokenClient.PasswordAsync(_client, " Agency2 ", "Wrong123$");
        }

        await TokenClient.PasswordAsync(_client, "agency2", DemoDirectory.Password);
        await TokenClient.PasswordAsync(_client, "nobody-here", "Wrong123$");

        var page = await ReadAsync(await AuditorTokenAsync(), "?pageSize=200");
        var agency2 = page.Items.Where(e => e.UserName == "AGENCY2").ToList();
        var signedIn = page.Items.Single(e => e.UserName == "AGENCY1" && e.Kind == nameof(SecurityEventKind.SignedIn));
        var unknown = page.Items.Single(e => e.UserName == "NOBODY-HERE");

        signedIn.UserId.Should().Be(DemoDirectory.UserNamed("agency1").Id);
        signedIn.ClientId.Should().Be(IdentityModule.CliClientId);
        signedIn.UserAgent.Should().Be("SecurityLogTest/1.0");
        agency2.Select(e => e.Kind).Should().Equal(
            nameof(SecurityEventKind.RefusedWhileLockedOut),
            nameof(SecurityEventKind.LockedOut),
            nameof(SecurityEventKind.SignInFailed), nameof(SecurityEventKind.SignInFailed), nameof(SecurityEventKind.SignInFailed),
            nameof(SecurityEventKind.SignInFailed), nameof(SecurityEventKind.SignInFailed));
        agency2.Should().AllSatisfy(e => e.UserId.Should().Be(DemoDirectory.UserNamed("agency2").Id));
        unknown.Kind.Should().Be(nameof(SecurityEventKind.SignInFailed));
        unknown.UserId.Should().BeNull("the name is unknown, and the log says only what was typed");
    }

    [Fact]
    public async Task The_log_is_newest_first_and_filtered_by_time_name_and_kind()
    {
        await TokenClient.PasswordAsync(_client, "evaluator1", "Wrong123$");
        var start = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await TokenClient.PasswordAsync(_client, "evaluator1", DemoDirectory.Password);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await TokenClient.PasswordAsync(_client, "evaluator2", DemoDirectory.Password);
        var end = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var token = await AuditorTokenAsync();

        var byName = await ReadAsync(token, "?userName=Evaluator1");
        var byKind = await ReadAsync(token, "?kind=signinfailed");
        var byTime = await ReadAsync(token, $"?from={Uri.EscapeDataString(start.AddSeconds(1).ToString("O"))}&to={Uri.EscapeDataString(end.ToString("O"))}");

        byName.Items.Select(e => e.Kind).Should().Equal(nameof(SecurityEventKind.SignedIn), nameof(SecurityEventKind.SignInFailed));
        byKind.Items.Should().ContainSingle().Which.UserName.Should().Be("EVALUATOR1");
        byTime.Items.Select(e => e.UserName).Should().Equal("EVALUATOR2", "EVALUATOR1");
        byTime.Items.Should().BeInDescendingOrder(e => e.At);
    }

    [Fact]
    public async Task Pages_hold_page_size_rows_and_the_total()
    {
        for (var i = 0; i < 5; i++)
        {
            await TokenClient.PasswordAsync(_client, $"guess{i}", "Wrong123$");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var token = await AuditorTokenAsync();
        var first = await ReadAsync(token, "?kind=SignInFailed&pageSize=2");
        var third = await ReadAsync(token, "?kind=SignInFailed&pageSize=2&page=3");

        first.Total.Should().Be(5);
        first.Items.Select(e => e.UserName).Should().Equal("GUESS4", "GUESS3");
        third.Items.Select(e => e.UserName).Should().Equal("GUESS0");
    }

    [Fact]
    public async Task The_administrator_reads_it_too()
    {
        var admin = await TokenClient.PasswordAsync(_client, "admin", DemoDirectory.Password);

        using var response = await GetAsync(admin.AccessToken, "");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("purchaser")]
    [InlineData("treasury")]
    [InlineData("agency1")]
    public async Task Other_roles_are_refused_with_403_problem_details(string userName)
    {
        var token = await TokenClient.PasswordAsync(_client, userName, DemoDirectory.Password);

        using var response = await GetAsync(token.AccessToken, "");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        using var response = await GetAsync(null, "");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("?kind=Nonsense", "kind")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task Bad_filters_are_refused_naming_the_field(string query, string field)
    {
        using var response = await GetAsync(await AuditorTokenAsync(), query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"{field}\"");
    }

    [Fact]
    public async Task The_endpoint_is_in_the_openapi_document()
    {
        var endpoints = _host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

        endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Should().Contain(e => e.RoutePattern.RawText == SecurityLogEndpoints.Path
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName == "ListSecurityEvents"
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>() != null);
    }

    private async Task<string> AuditorTokenAsync()
    {
        var answer = await TokenClient.PasswordAsync(_client, "auditor", DemoDirectory.Password);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.ErrorDescription);
        return answer.AccessToken!;
    }

    private async Task<HttpResponseMessage> GetAsync(string? token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SecurityLogEndpoints.Path + query, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private async Task<SecurityEventPage> ReadAsync(string token, string query)
    {
        using var response = await GetAsync(token, query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SecurityEventPage>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}
