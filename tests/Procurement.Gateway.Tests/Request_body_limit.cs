using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

[Collection(BackendCollection.Name)]
public sealed class Request_body_limit(EchoBackend backend) : IAsyncLifetime
{
    private const int Limit = 1024;
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_body_over_the_limit_gets_413_problem_details_and_the_backend_sees_nothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var body = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/1/documents?m={marker}", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await Problem.ReadAsync(response);
        problem.Type.Should().Be("urn:procurement:problem:payload_too_large");
        problem.Status.Should().Be(413);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_body_at_the_limit_is_forwarded_whole()
    {
        using var body = new ByteArrayContent(new byte[Limit]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/tenders/1/documents", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.EchoAsync()).BodyLength.Should().Be(Limit);
    }

    [Fact]
    public async Task The_token_is_checked_before_the_size()
    {
        using var body = new ByteArrayContent(new byte[Limit * 2]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/tenders/1/documents", content: body);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

/// <summary>On Kestrel: a body of unknown length is cut by the server at the limit, and the caller's address is forwarded.</summary>
[Collection(BackendCollection.Name)]
public sealed class On_kestrel(EchoBackend backend) : IAsyncLifetime
{
    private const int Limit = 1024;
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, onKestrel: true);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_problem_details()
    {
        using var body = new ChunkedContent(Limit * 64);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/tenders/1/documents", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:payload_too_large");
    }

    [Fact]
    public async Task The_callers_address_is_forwarded_to_the_backend()
    {
        using var response = await _gateway.GetAsync("/api/tenders", _gateway.Token());

        var echo = await response.EchoAsync();
        echo.ForwardedFor.Should().Be("127.0.0.1");
        echo.ForwardedProto.Should().Be("http");
    }

    /// <summary>A body whose length is not known in advance, so it travels chunked.</summary>
    private sealed class ChunkedContent(int length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[256];
            for (var sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
