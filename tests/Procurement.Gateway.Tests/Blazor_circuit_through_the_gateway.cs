using System.Net.WebSockets;
using System.Text;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

/// <summary>
/// The portal's interactive pages live on a WebSocket at <c>/_blazor</c>: through the gateway on Kestrel, as in the
/// distributed mode, the upgrade reaches the portal and messages go both ways, without a token.
/// </summary>
[Collection(BackendCollection.Name)]
public sealed class Blazor_circuit_through_the_gateway(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend, onKestrel: true);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task The_circuits_websocket_is_proxied_to_the_portal_both_ways()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        var address = new UriBuilder(_gateway.BaseAddress) { Scheme = "ws", Path = "/_blazor", Query = "id=circuit-1" }.Uri;

        await socket.ConnectAsync(address, timeout.Token);
        var first = await ReceiveTextAsync(socket, timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, timeout.Token);
        var echoed = await ReceiveTextAsync(socket, timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        first.Should().Be("portal", "the upgrade went to the portal's cluster");
        echoed.Should().Be("{\"protocol\":\"blazorpack\",\"version\":1}\u001e");
        backend.Received.Should().Contain(e => e.Method == "WEBSOCKET" && e.Path == "/_blazor?id=circuit-1" && e.Cluster == "portal");
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return text.ToString();
    }
}
