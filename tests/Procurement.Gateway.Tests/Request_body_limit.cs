using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

/// <summary>Each route its own cap: a command's JSON at <c>Edge:MaxRequestBodyBytes</c>, only tender documents at <c>Edge:MaxDocumentBodyBytes</c>.</summary>
[Collection(BackendCollection.Name)]
public sealed class Request_body_limit(EchoBackend backend) : IAsyncLifetime
{
    private const int Limit = 1024;
    private const int DocumentLimit = 4 * Limit;
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Edge:MaxDocumentBodyBytes"] = DocumentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public void The_defaults_are_one_MiB_for_a_command_and_21_MiB_for_a_document_of_20_MiB_and_its_framing()
    {
        var defaults = new Procurement.ServiceDefaults.Hosting.EdgeOptions();

        defaults.MaxRequestBodyBytes.Should().Be(1024 * 1024);
        defaults.MaxDocumentBodyBytes.Should().Be(21 * 1024 * 1024);
    }

    [Fact]
    public async Task A_command_over_the_limit_gets_413_in_the_callers_language_and_the_backend_sees_nothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var body = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, $"/api/bids?m={marker}", _gateway.Token(), body, language: "zh-CN");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await Problem.ReadAsync(response);
        problem.Type.Should().Be("urn:procurement:problem:payload_too_large");
        problem.Title.Should().Be("请求体过大。");
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_tender_document_larger_than_a_command_may_be_is_forwarded_whole()
    {
        using var body = new ByteArrayContent(new byte[DocumentLimit]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/{Guid.NewGuid()}/documents", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.EchoAsync()).BodyLength.Should().Be(DocumentLimit);
    }

    [Fact]
    public async Task A_tender_document_over_the_document_limit_gets_413()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var body = new ByteArrayContent(new byte[DocumentLimit + 1]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/{Guid.NewGuid()}/documents?m={marker}", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:payload_too_large");
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task Only_the_document_upload_gets_the_larger_cap_not_the_rest_of_the_tender()
    {
        using var body = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/{Guid.NewGuid()}/publish", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_command_at_the_limit_is_forwarded_whole()
    {
        using var body = new ByteArrayContent(new byte[Limit]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/bids", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.EchoAsync()).BodyLength.Should().Be(Limit);
    }

    [Fact]
    public async Task The_token_is_checked_before_the_size()
    {
        using var body = new ByteArrayContent(new byte[Limit * 2]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/bids", content: body);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

/// <summary>
/// On Kestrel: a body of unknown length is cut by the server at the route's limit, the request target is
/// checked before anything else, and the caller's address is forwarded.
/// </summary>
[Collection(BackendCollection.Name)]
public sealed class On_kestrel(EchoBackend backend) : IAsyncLifetime
{
    private const int Limit = 1024;
    private const int DocumentLimit = 64 * Limit;
    private const int TargetLimit = 1024;
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Edge:MaxDocumentBodyBytes"] = DocumentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Edge:MaxRequestTargetLength"] = TargetLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, onKestrel: true);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_chunked_command_over_the_limit_gets_413_problem_details()
    {
        using var body = new ChunkedContent(Limit * 8);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/bids", _gateway.Token(), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:payload_too_large");
    }

    [Fact]
    public async Task A_chunked_document_within_the_document_limit_is_forwarded_and_one_over_it_is_cut()
    {
        using var within = new ChunkedContent(Limit * 8);
        using var over = new ChunkedContent(DocumentLimit * 2);

        using var forwarded = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/{Guid.NewGuid()}/documents", _gateway.Token(), within);
        using var cut = await _gateway.SendAsync(HttpMethod.Post, $"/api/tenders/{Guid.NewGuid()}/documents", _gateway.Token(), over);

        forwarded.StatusCode.Should().Be(HttpStatusCode.OK);
        (await forwarded.EchoAsync()).BodyLength.Should().Be(Limit * 8);
        cut.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(cut)).Type.Should().Be("urn:procurement:problem:payload_too_large");
    }

    [Fact]
    public async Task A_uri_over_the_limit_gets_414_problem_details_in_the_callers_language()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"/api/tenders?m={marker}&q={new string('x', TargetLimit)}", _gateway.Token(), language: "zh-CN");

        response.StatusCode.Should().Be(HttpStatusCode.RequestUriTooLong);
        var problem = await Problem.ReadAsync(response);
        problem.Type.Should().Be("urn:procurement:problem:uri_too_long");
        problem.Title.Should().Be($"请求 URI 过长（最多 {TargetLimit} 个字符）。");
        backend.Saw(marker).Should().BeFalse();
    }

    /// <summary>
    /// Kestrel refuses a NUL in the path itself (a bare 400 from its URL decoder, before any middleware: its
    /// protocol errors cannot be given a body); what the edge can promise is that nothing goes through.
    /// </summary>
    [Fact]
    public async Task A_nul_in_the_path_is_refused_by_kestrel_and_never_forwarded()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"/api/tenders/{marker}%00", _gateway.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task The_callers_address_is_forwarded_to_the_backend()
    {
        using var response = await _gateway.GetAsync("/api/tenders", _gateway.Token());

        var echo = await response.EchoAsync();
        echo.ForwardedFor.Should().Be("127.0.0.1");
        echo.ForwardedProto.Should().Be("http");
    }
}
