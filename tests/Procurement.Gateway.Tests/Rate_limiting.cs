using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

[Collection(BackendCollection.Name)]
public sealed class Rate_limiting(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:RateLimit:PermitLimit"] = "3",
        ["Edge:RateLimit:AnonymousPermitLimit"] = "3",
        ["Edge:RateLimit:WindowSeconds"] = "60",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task The_fourth_request_of_a_client_in_the_window_gets_429_while_another_client_gets_through()
    {
        var client = _gateway.Token();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync($"/api/tenders/{i}", client);
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var marker = Guid.NewGuid().ToString("N");
        using var refused = await _gateway.GetAsync($"/api/bids?m={marker}", client);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1))
            .And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
        var problem = await Problem.ReadAsync(refused);
        problem.Type.Should().Be("urn:procurement:problem:too_many_requests");
        problem.Status.Should().Be(429);
        backend.Saw(marker).Should().BeFalse();

        using var other = await _gateway.GetAsync("/api/tenders/1", _gateway.Token());
        other.StatusCode.Should().Be(HttpStatusCode.OK, "another subject is another client");
    }

    [Fact]
    public async Task A_machine_client_is_counted_by_its_client_id_and_subject()
    {
        var first = Tokens.ForClient(_gateway.Services, "treasury-batch", "svc-1");
        var sameClientNewToken = Tokens.ForClient(_gateway.Services, "treasury-batch", "svc-1");
        var otherClient = Tokens.ForClient(_gateway.Services, "audit-export", "svc-1");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync("/api/disbursements", first);
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await _gateway.GetAsync("/api/disbursements", sameClientNewToken);
        using var other = await _gateway.GetAsync("/api/disbursements", otherClient);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a new token does not make a new client");
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_callers_are_counted_by_address_on_the_identity_routes()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync("/.well-known/openid-configuration");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await _gateway.GetAsync("/.well-known/openid-configuration");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_caller_that_accepts_no_json_still_gets_429_with_retry_after()
    {
        var client = _gateway.Token();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync("/api/experts", client);
        }

        using var refused = await _gateway.SendAsync(HttpMethod.Get, "/api/experts", client, accept: "text/html");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_portal_page_load_with_its_assets_and_circuit_fits_in_the_anonymous_window_of_three()
    {
        string[] assets =
        [
            "/_framework/blazor.web.js", "/_content/AntDesign/js/ant-design-blazor.js", "/_content/AntDesign/css/ant-design-blazor.css",
            "/_framework/blazor.server.js", "/_content/AntDesign/less/default.css", "/_framework/dotnet.js",
        ];

        using var page = await _gateway.GetAsync("/tenders");
        var responses = new List<HttpResponseMessage> { page };
        foreach (var asset in assets)
        {
            responses.Add(await _gateway.GetAsync(asset));
        }

        responses.Add(await _gateway.SendAsync(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1"));
        responses.Add(await _gateway.GetAsync("/_framework/blazor.web.js"));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "static assets are not counted, the page and the circuit are two of three");
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Portal_pages_are_still_counted_against_the_anonymous_window()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await _gateway.GetAsync($"/tenders/{i}");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await _gateway.GetAsync("/tenders/4");
        using var asset = await _gateway.GetAsync("/_framework/blazor.web.js");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a page costs the portal a render: an anonymous flood of them is stopped");
        asset.StatusCode.Should().Be(HttpStatusCode.OK, "assets are never limited");
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        for (var i = 0; i < 6; i++)
        {
            using var live = await _gateway.GetAsync("/health/live");
            live.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
