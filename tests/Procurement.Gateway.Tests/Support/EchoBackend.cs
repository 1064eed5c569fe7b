using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Procurement.Testing;

namespace Procurement.Gateway.Tests.Support;

/// <summary>What the fake backend received, as it reports it back.</summary>
public sealed record Echo(
    string Cluster,
    string Method,
    string Path,
    string? Authorization,
    string? CorrelationId,
    string? ForwardedFor,
    string? ForwardedProto,
    string? ForwardedHost,
    long BodyLength,
    string? Host = null);

/// <summary>
/// One fake backend on loopback Kestrel with one port per cluster: it answers with what it received and
/// which cluster's port it came in on, and keeps a record, so a test can tell what the gateway let through.
/// </summary>
public sealed class EchoBackend : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Clusters =
        ["identity", "tendering", "bidding", "evaluation", "contracting", "disbursement", "portal"];

    /// <summary>What a backend answers in its own X-Correlation-Id; the gateway's value must win.</summary>
    public const string BackendCorrelationId = "set-by-the-backend";

    private readonly Dictionary<int, string> _clusterByPort = Clusters.ToDictionary(_ => TestHosts.FreePort(), c => c);
    private WebApplication? _app;

    public ConcurrentQueue<Echo> Received { get; } = new();

    /// <summary>
    /// The data folder every gateway of the run shares: its development token keys are created once
    /// (an RSA key per gateway would cost more than the tests themselves).
    /// </summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "procurement-tests", "gateway-" + Guid.NewGuid().ToString("N"));

    /// <summary>The configuration that points every gateway cluster at this backend.</summary>
    public Dictionary<string, string?> ClusterAddresses => _clusterByPort.ToDictionary(
        p => $"ReverseProxy:Clusters:{p.Value}:Destinations:primary:Address",
        p => (string?)$"http://127.0.0.1:{p.Key}/");

    /// <summary>Whether any request whose path contains the marker reached the backend.</summary>
    public bool Saw(string marker) => Received.Any(e => e.Path.Contains(marker, StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls([.. _clusterByPort.Keys.Select(port => $"http://127.0.0.1:{port}")]);
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(async context =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                await EchoOverWebSocketAsync(context);
                return;
            }

            var buffer = new byte[16 * 1024];
            long length = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }

            var headers = context.Request.Headers;
            var echo = new Echo(
                _clusterByPort[context.Connection.LocalPort],
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                NullIfEmpty(headers.Authorization),
                NullIfEmpty(headers["X-Correlation-Id"]),
                NullIfEmpty(headers["X-Forwarded-For"]),
                NullIfEmpty(headers["X-Forwarded-Proto"]),
                NullIfEmpty(headers["X-Forwarded-Host"]),
                length,
                context.Request.Host.Value);
            Received.Enqueue(echo);
            context.Response.Headers["X-Correlation-Id"] = BackendCorrelationId;
            await context.Response.WriteAsJsonAsync(echo);
        });
        await _app.StartAsync();
    }

    /// <summary>A WebSocket (Blazor's circuit): the cluster's name first, then every text message back as it came.</summary>
    private async Task EchoOverWebSocketAsync(HttpContext context)
    {
        Received.Enqueue(new Echo(_clusterByPort[context.Connection.LocalPort], "WEBSOCKET", context.Request.Path + context.Request.QueryString,
            null, null, null, null, null, 0, context.Request.Host.Value));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(_clusterByPort[context.Connection.LocalPort]), WebSocketMessageType.Text, true, context.RequestAborted);
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values.ToString();
}

[CollectionDefinition(Name)]
public sealed class BackendCollection : ICollectionFixture<EchoBackend>
{
    public const string Name = "gateway in front of an echo backend";
}

public static class EchoExtensions
{
    public static async Task<Echo> EchoAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Echo>())!;
}
