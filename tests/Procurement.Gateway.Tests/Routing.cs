using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

[Collection(BackendCollection.Name)]
public sealed class Routing(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/api/programs/0193a1b2/tenders", "tendering")]
    [InlineData("/api/tenders/0193a1b2/amendments?page=2", "tendering")]
    [InlineData("/api/agencies/0193a1b2/staff", "bidding")]
    [InlineData("/api/bids/0193a1b2", "bidding")]
    [InlineData("/api/evaluations/0193a1b2/scores", "evaluation")]
    [InlineData("/api/experts/draw", "evaluation")]
    [InlineData("/api/contracts/0193a1b2/sign", "contracting")]
    [InlineData("/api/continuity/gaps", "contracting")]
    [InlineData("/api/disbursements/0193a1b2/instalments", "disbursement")]
    [InlineData("/api/identity/organisations/0193a1b2/history", "identity")]
    public async Task Every_public_api_prefix_is_routed_to_the_cluster_that_owns_it(string path, string cluster)
    {
        using var response = await _gateway.GetAsync(path, _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(cluster);
        echo.Path.Should().Be(path, "the path and query are forwarded as they came");
    }

    [Theory]
    [InlineData("/api/public/tenders?region=Futian", "tendering")]
    [InlineData("/api/public/tenders/0193a1b2", "tendering")]
    [InlineData("/api/public/openings/0193a1b2", "bidding")]
    [InlineData("/api/public/results/0193a1b2", "evaluation")]
    [InlineData("/api/public/audit-roots?from=2026-12-01", "tendering")]
    [InlineData("/api/public/contracts?purchaser=0193a1b2", "contracting")]
    [InlineData("/api/public/contracts/0193a1b2/verification", "contracting")]
    [InlineData("/api/public/audit-roots/2026-12-05", "tendering")]
    [InlineData("/api/public/ocds/releases?from=2026-12-01", "tendering")]
    [InlineData("/api/public/ocds/bulk/2026", "tendering")]
    public async Task The_public_announcements_are_routed_without_a_token(string path, string cluster)
    {
        using var response = await _gateway.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "DOMAIN.md §11: announcements are read without signing in");
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(cluster);
        echo.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("/api/audit/chains/identity", "identity")]
    [InlineData("/api/audit/chains/tendering", "tendering")]
    [InlineData("/api/audit/chains/bidding/entries?after=10&take=50", "bidding")]
    [InlineData("/api/audit/chains/evaluation", "evaluation")]
    [InlineData("/api/audit/chains/contracting/entries", "contracting")]
    [InlineData("/api/audit/chains/disbursement", "disbursement")]
    public async Task An_auditor_reaches_each_services_audit_chains_under_its_name(string path, string cluster)
    {
        using var response = await _gateway.GetAsync(path, _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(cluster, "issue 18 item 3: each service keeps and verifies its own chain");
        echo.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("/api/operations/bidding/dead-letters/0193a1b2/replay", "bidding", "/api/operations/dead-letters/0193a1b2/replay")]
    [InlineData("/api/operations/contracting/dead-letters/", "contracting", "/api/operations/dead-letters")]
    [InlineData("/api/operations/disbursement/dead-letters/x", "disbursement", "/api/operations/dead-letters/x")]
    public async Task An_operator_reaches_each_services_dead_letters_under_its_name(string path, string cluster, string forwarded)
    {
        using var response = await _gateway.GetAsync(path, _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(cluster);
        echo.Path.Should().Be(forwarded, "each service keeps its own dead letters at the same path");
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=web")]
    [InlineData("/account/login")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task The_identity_paths_are_routed_to_identity_without_a_token_under_the_address_the_browser_used(string path)
    {
        using var response = await _gateway.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be("identity");
        echo.Path.Should().Be(path);
        echo.Host.Should().Be("localhost", "the discovery document names the authorize and login endpoints at the public address, not Identity's own");
    }

    [Theory]
    [InlineData("/api/tenders", "tendering")]
    [InlineData("/api/tenders/", "tendering")]
    [InlineData("/api/tenders?status=published", "tendering")]
    [InlineData("/api/disbursements", "disbursement")]
    [InlineData("/api/identity/organisations?kind=PurchasingUnit", "identity")]
    public async Task The_bare_prefix_is_routed_too(string path, string cluster)
    {
        using var response = await _gateway.GetAsync(path, _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(cluster);
        echo.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("/api/tendersX")]
    [InlineData("/api/unknown/1")]
    [InlineData("/api")]
    [InlineData("/health/unknown")]
    [InlineData("/openapi/v2/unknown")]
    public async Task A_platform_path_no_route_claims_gets_404_problem_details_and_reaches_no_backend_not_even_the_portal(string path)
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"{path}?m={marker}", _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:not_found");
        backend.Saw(marker).Should().BeFalse();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tenders/0193a1b2?tab=bids")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/AntDesign/css/ant-design-blazor.css")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("/signin-oidc?code=abc&state=xyz&iss=http%3A%2F%2Flocalhost%2F")]
    [InlineData("/signout-callback-oidc?state=xyz")]
    [InlineData("/signin?returnUrl=%2Ftenders")]
    [InlineData("/culture/en?returnUrl=%2F")]
    [InlineData("/files/tenders/0193a1b2-0000-7000-8000-000000000001/documents/0193a1b2-0000-7000-8000-000000000002")]
    [InlineData("/internal/outbox")]
    [InlineData("/apiary")]
    public async Task Every_other_path_is_the_portals_and_reaches_it_without_a_token_under_the_address_the_browser_used(string path)
    {
        using var response = await _gateway.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the portal signs people in itself: the gateway lets anonymous requests through");
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be("portal");
        echo.Path.Should().Be(path);
        echo.Host.Should().Be("localhost", "the portal builds its sign-in redirect URI from the host the browser used, not its own address");
    }

    [Fact]
    public async Task A_portal_page_with_a_token_still_reaches_the_portal_and_an_api_path_without_one_does_not()
    {
        using var page = await _gateway.GetAsync("/programs", _gateway.Token());
        using var api = await _gateway.GetAsync("/api/programs");

        (await page.EchoAsync()).Cluster.Should().Be("portal");
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the catch-all route to the portal takes nothing away from the API's routes");
    }

    [Fact]
    public async Task The_token_endpoint_is_proxied_without_a_token()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "purchaser@example.cn",
            ["password"] = "secret",
        });

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/connect/token", content: form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be("identity");
        echo.Method.Should().Be("POST");
        echo.Path.Should().Be("/connect/token");
        echo.Authorization.Should().BeNull();
        echo.BodyLength.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_callers_token_is_forwarded_unchanged_with_the_forwarded_headers()
    {
        var token = _gateway.Token();

        using var response = await _gateway.GetAsync("/api/bids/mine", token);

        var echo = await response.EchoAsync();
        echo.Authorization.Should().Be($"Bearer {token}", "each service validates the token again");
        echo.ForwardedProto.Should().Be("http");
        echo.ForwardedHost.Should().Be("localhost");
    }

    [Fact]
    public async Task The_gateway_answers_its_own_health_without_a_token_or_a_backend()
    {
        using var live = await _gateway.GetAsync("/health/live");
        using var ready = await _gateway.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
