using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Procurement.Testing;

namespace Procurement.Gateway.Tests.Support;

/// <summary>The real gateway (its appsettings.json route table) with every cluster pointed at the echo backend.</summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly RunningHost _host;

    private GatewayUnderTest(RunningHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Where the gateway listens (a loopback Kestrel address when started <c>onKestrel</c>).</summary>
    public Uri BaseAddress => _host.BaseAddress;

    public Guid OrganisationId { get; } = Guid.CreateVersion7();

    public static async Task<GatewayUnderTest> StartAsync(
        EchoBackend backend, Dictionary<string, string?>? values = null, bool onKestrel = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        var settings = new TestSettings
        {
            UseKestrel = onKestrel,
            DataDirectory = backend.DataDirectory,
            KeepDataDirectory = true,
            Values = new Dictionary<string, string?>(backend.ClusterAddresses.Concat(values ?? [])),
            // The route table is the gateway's own appsettings.json, copied next to the tests; read it
            // whatever the working directory, below every other source so that the test values win.
            Configure = builder =>
            {
                builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
                {
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                    Path = "appsettings.json",
                    Optional = false,
                });
                configure?.Invoke(builder);
            },
        };
        var app = GatewayHost.Build(TestHosts.CreateBuilder(settings));
        await app.StartAsync();
        return new GatewayUnderTest(new RunningHost(app, settings));
    }

    /// <summary>A token Identity could have issued: the gateway's own keys, a fresh subject each time.</summary>
    public string Token(string role = "purchaser") => TestTokens.For(Services, role, OrganisationId);

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token = null, HttpContent? content = null,
        string? language = null, string? correlationId = null, string? accept = null)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlationId);
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null, string? language = null) =>
        SendAsync(HttpMethod.Get, path, token, language: language);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>The RFC 7807 answer, read back.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var json = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<Problem>(json, JsonSerializerOptions.Web)!;
    }
}
