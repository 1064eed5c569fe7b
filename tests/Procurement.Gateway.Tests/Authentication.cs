using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

[Collection(BackendCollection.Name)]
public sealed class Authentication(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/api/tenders")]
    [InlineData("/api/bids/1")]
    [InlineData("/api/disbursements/1/instalments")]
    public async Task A_request_to_the_api_without_a_token_gets_401_problem_details_and_the_backend_sees_nothing(string path)
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"{path}?m={marker}");

        await ShouldBeUnauthorized(response);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_token_signed_by_another_key_gets_401()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"/api/tenders?m={marker}", Tokens.SignedByAnotherKey(_gateway.Services));

        await ShouldBeUnauthorized(response);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"/api/contracts?m={marker}", Tokens.Expired(_gateway.Services));

        await ShouldBeUnauthorized(response);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_malformed_token_gets_401()
    {
        using var response = await _gateway.GetAsync("/api/contracts", "not.a.token");

        await ShouldBeUnauthorized(response);
    }

    [Fact]
    public async Task A_valid_token_of_any_role_gets_through()
    {
        foreach (var role in new[] { "purchaser", "agency", "evaluator", "treasury", "auditor", "admin" })
        {
            using var response = await _gateway.GetAsync("/api/contracts", _gateway.Token(role));
            response.StatusCode.Should().Be(HttpStatusCode.OK, role);
        }
    }

    private static async Task ShouldBeUnauthorized(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        var problem = await Problem.ReadAsync(response);
        problem.Type.Should().Be("urn:procurement:problem:unauthorized");
        problem.Status.Should().Be(401);
    }
}
