using System.Net;
using Microsoft.Extensions.Logging;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

[Collection(BackendCollection.Name)]
public sealed class Correlation(EchoBackend backend) : IAsyncLifetime
{
    private const string Header = "X-Correlation-Id";
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_correlation_id_is_created_when_absent_returned_and_forwarded()
    {
        using var response = await _gateway.GetAsync("/api/tenders/1", _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var returned = response.Headers.GetValues(Header).Should().ContainSingle().Subject;
        returned.Should().MatchRegex("^[A-Za-z0-9]{32}$", "a trace id or a Guid without dashes");
        (await response.EchoAsync()).CorrelationId.Should().Be(returned);
    }

    [Fact]
    public async Task A_correlation_id_sent_by_the_caller_is_kept_returned_and_forwarded()
    {
        const string sent = "order-2026.11_25-abc";

        using var response = await _gateway.SendAsync(HttpMethod.Get, "/api/bids/1", _gateway.Token(), correlationId: sent);

        response.Headers.GetValues(Header).Should().Equal(sent);
        (await response.EchoAsync()).CorrelationId.Should().Be(sent);
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("<script>")]
    [InlineData("a-value-that-is-much-too-long-to-be-an-id-0123456789-0123456789-0123456789")]
    public async Task An_unsafe_correlation_id_is_replaced(string sent)
    {
        using var response = await _gateway.SendAsync(HttpMethod.Get, "/api/bids/1", _gateway.Token(), correlationId: sent);

        var returned = response.Headers.GetValues(Header).Should().ContainSingle().Subject;
        returned.Should().NotBe(sent);
        (await response.EchoAsync()).CorrelationId.Should().Be(returned);
    }

    [Fact]
    public async Task The_log_entries_of_a_request_carry_its_correlation_id()
    {
        var logs = new LogCapture();
        await using var gateway = await GatewayUnderTest.StartAsync(backend, configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        });

        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/contracts/1", gateway.Token(), correlationId: "trace-me-1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // The host's own "request starting/finished" and host filtering run before any middleware of the app.
        var ofTheRequest = logs.Entries
            .Where(e => e.Scopes.Any(s => s?.ToString()?.Contains("RequestPath:/api/contracts/1", StringComparison.Ordinal) == true))
            .Where(e => e.Category is not ("Microsoft.AspNetCore.Hosting.Diagnostics" or "Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware"))
            .ToList();
        ofTheRequest.Should().Contain(e => e.Category.StartsWith("Yarp", StringComparison.Ordinal), "the proxy logs the forwarding");
        ofTheRequest.Should().OnlyContain(e => e.Scopes.Any(s => s!.ToString() == "CorrelationId:trace-me-1"));
    }

    [Fact]
    public async Task The_gateways_own_refusals_carry_the_correlation_id()
    {
        using var response = await _gateway.SendAsync(HttpMethod.Get, "/api/bids/1", correlationId: "refused-1");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues(Header).Should().Equal("refused-1");
    }
}
