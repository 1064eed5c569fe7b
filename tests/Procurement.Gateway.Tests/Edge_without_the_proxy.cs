using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Gateway.Tests.Support;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Gateway.Tests;

/// <summary>
/// The edge as the Standalone host uses it: the same protection in front of endpoints mapped in-process,
/// which declare no rate-limit policy of their own and read bodies themselves.
/// </summary>
public sealed class Edge_without_the_proxy : IAsyncLifetime
{
    private const int Limit = 1024;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = new TestSettings
        {
            UseKestrel = true,
            Values =
            {
                ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Edge:RateLimit:PermitLimit"] = "3",
                ["Edge:RateLimit:AnonymousPermitLimit"] = "3",
            },
        };
        var builder = TestHosts.CreateBuilder(settings);
        builder.AddServiceDefaults("edge-test");
        builder.AddEdgeProtection();
        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseEdgeProtection();
        app.MapPost("/api/documents", async (HttpRequest request) =>
        {
            var length = 0L;
            var buffer = new byte[4096];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }

            return Results.Ok(length);
        });
        app.MapPost("/api/notes", (Note note) => Results.Ok(note.Text.Length));
        app.MapGet("/api/ping/{caller}", (string caller) => Results.Ok(caller));
        app.MapDefaultEndpoints();
        await app.StartAsync();
        _host = new RunningHost(app, settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Endpoints_without_a_policy_of_their_own_are_limited_per_client_too()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri($"/api/ping/{i}", UriKind.Relative));
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync(new Uri("/api/ping/4", UriKind.Relative));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (await Problem.ReadAsync(refused)).Type.Should().Be("urn:procurement:problem:too_many_requests");
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_refused_before_the_endpoint_reads_it()
    {
        using var client = _host.CreateClient();
        using var body = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:payload_too_large");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_read_by_the_endpoint_gets_413_problem_details()
    {
        using var client = _host.CreateClient();
        using var body = new ChunkedContent(Limit * 8);

        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await Problem.ReadAsync(response);
        problem.Type.Should().Be("urn:procurement:problem:payload_too_large");
        problem.Title.Should().Be("The request body is too large.");
    }

    [Fact]
    public async Task A_chunked_json_body_over_the_limit_gets_413_problem_details()
    {
        using var client = _host.CreateClient();
        using var body = JsonContent.Create(new Note(new string('x', Limit * 4)));
        body.Headers.ContentLength = null;
        using var chunked = new ChunkedCopy(body);
        chunked.Headers.ContentType = body.Headers.ContentType;

        using var response = await client.PostAsync(new Uri("/api/notes", UriKind.Relative), chunked);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(response)).Type.Should().Be("urn:procurement:problem:payload_too_large");
    }

    private sealed record Note(string Text);

    private sealed class ChunkedCopy(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
