using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

/// <summary>The gateway's refusals are in the caller's language: Chinese for zh-CN, English otherwise.</summary>
[Collection(BackendCollection.Name)]
public sealed class Language(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, new()
    {
        ["Edge:RateLimit:PermitLimit"] = "1",
        ["Edge:MaxRequestBodyBytes"] = "16",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("zh-CN", "请先登录：请求未携带有效的访问令牌。")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "请先登录：请求未携带有效的访问令牌。")]
    [InlineData("en", "Sign in first: the request carries no valid access token.")]
    [InlineData(null, "Sign in first: the request carries no valid access token.")]
    [InlineData("fr-FR", "Sign in first: the request carries no valid access token.")]
    public async Task A_missing_token_is_explained_in_the_callers_language(string? language, string title)
    {
        using var response = await _gateway.GetAsync("/api/tenders", language: language);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Problem.ReadAsync(response)).Title.Should().Be(title);
    }

    [Theory]
    [InlineData("zh-CN", "请求过于频繁，请在 Retry-After 指示的时间后重试。")]
    [InlineData("en-US", "Too many requests; try again after the time in Retry-After.")]
    public async Task Too_many_requests_is_explained_in_the_callers_language(string language, string title)
    {
        var token = _gateway.Token();
        using var first = await _gateway.GetAsync("/api/tenders", token, language);

        using var second = await _gateway.GetAsync("/api/tenders", token, language);

        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Problem.ReadAsync(second)).Title.Should().Be(title);
    }

    [Theory]
    [InlineData("zh-CN", "请求体过大。")]
    [InlineData("en", "The request body is too large.")]
    public async Task A_body_too_large_is_explained_in_the_callers_language(string language, string title)
    {
        using var body = new ByteArrayContent(new byte[17]);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/api/bids", _gateway.Token(), body, language);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Title.Should().Be(title);
    }
}
