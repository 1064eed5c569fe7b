using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

/// <summary>
/// Callers without a token have a window of their own per address, and sign-in attempts are counted per user
/// name at an address as well as per address: one person hammering a name neither locks the others behind
/// the same address out nor uses up the attempts of that name from elsewhere.
/// </summary>
[Collection(BackendCollection.Name)]
public sealed class Sign_in_and_anonymous_limits(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:RateLimit:PermitLimit"] = "300",
        ["Edge:RateLimit:AnonymousPermitLimit"] = "3",
        ["Edge:RateLimit:SignInPermitLimitPerUserName"] = "2",
        ["Edge:RateLimit:SignInPermitLimitPerAddress"] = "5",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Anonymous_reads_are_limited_per_address_more_tightly_than_signed_in_clients()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync("/.well-known/jwks");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await _gateway.GetAsync("/.well-known/jwks", language: "zh-CN");
        using var signedIn = await _gateway.GetAsync("/api/tenders", _gateway.Token());

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var problem = await Problem.ReadAsync(refused);
        problem.Type.Should().Be("urn:procurement:problem:too_many_requests");
        problem.Title.Should().StartWith("请求过于频繁");
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK, "a signed-in client is counted by its own, larger window");
    }

    [Fact]
    public async Task Hammering_one_user_name_stops_that_name_but_not_a_neighbour_behind_the_same_address()
    {
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await SignInAsync("/connect/token", "username", "treasury");
            attempt.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            using var refused = await SignInAsync($"/connect/token?m={marker}", "username", " Treasury ");
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the name is counted whatever its case and spaces");
            refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
            (await Problem.ReadAsync(refused)).Type.Should().Be("urn:procurement:problem:too_many_requests");
        }

        backend.Saw(marker).Should().BeFalse();
        using var neighbour = await SignInAsync("/account/login", "userName", "purchaser1");
        neighbour.StatusCode.Should().Be(HttpStatusCode.OK, "refused attempts at one name use up nothing of the address");
    }

    [Fact]
    public async Task The_address_has_a_ceiling_of_its_own_across_names()
    {
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await SignInAsync("/connect/token", "username", $"user{i}");
            attempt.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await SignInAsync("/connect/token", "username", "user-6");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_form_reaches_the_backend_whole_after_the_limiter_read_it()
    {
        using var attempt = await SignInAsync("/connect/token", "username", "auditor");

        attempt.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await attempt.EchoAsync();
        echo.Cluster.Should().Be("identity");
        echo.BodyLength.Should().Be(FormFor("username", "auditor").Length);
    }

    private Task<HttpResponseMessage> SignInAsync(string path, string field, string name) =>
        _gateway.SendAsync(HttpMethod.Post, path, content: new ByteArrayContent(FormFor(field, name))
        {
            Headers = { ContentType = new("application/x-www-form-urlencoded") },
        });

    private static byte[] FormFor(string field, string name) =>
        System.Text.Encoding.ASCII.GetBytes($"grant_type=password&client_id=procurement-cli&{field}={Uri.EscapeDataString(name)}&password=wrong");
}
