using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Gateway.Tests.Support;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Gateway.Tests;

/// <summary>
/// A distributed service has no edge of its own (no rate limiter, no proxy) but the same request limits from
/// its service defaults: a body cap per endpoint, larger only where a document is uploaded, and a cap on the
/// items of every collection in a JSON body — on Kestrel and on the test server alike.
/// </summary>
public abstract class A_service_reached_without_the_gateway(bool onKestrel) : IAsyncLifetime
{
    private const int Limit = 1024;
    private const int DocumentLimit = 4 * Limit;
    private const int MaxItems = 3;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = new TestSettings
        {
            UseKestrel = onKestrel,
            Values =
            {
                ["Edge:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Edge:MaxDocumentBodyBytes"] = DocumentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Edge:MaxCollectionItems"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var builder = TestHosts.CreateBuilder(settings);
        builder.AddServiceDefaults("service-test");
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapPost("/api/documents", ReadAllAsync).AcceptsDocumentUpload();
        app.MapPost("/api/commands", ReadAllAsync);
        app.MapPost("/api/bids", (Bid bid) => Results.Ok(bid.Staff.Count));
        await app.StartAsync();
        _host = new RunningHost(app, settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_command_over_the_limit_gets_413_and_a_document_of_the_same_size_is_read()
    {
        using var client = _host.CreateClient();

        using var command = await client.PostAsync(new Uri("/api/commands", UriKind.Relative), new ByteArrayContent(new byte[Limit + 1]));
        using var document = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new ByteArrayContent(new byte[Limit + 1]));

        command.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(command)).Type.Should().Be("urn:procurement:problem:payload_too_large");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.Content.ReadFromJsonAsync<long>()).Should().Be(Limit + 1);
    }

    [Fact]
    public async Task Chunked_bodies_are_cut_at_the_cap_of_their_endpoint()
    {
        using var client = _host.CreateClient();

        using var command = await client.PostAsync(new Uri("/api/commands", UriKind.Relative), new ChunkedContent(Limit * 2));
        using var document = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new ChunkedContent(Limit * 2));
        using var bigDocument = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new ChunkedContent(DocumentLimit * 2));

        command.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Problem.ReadAsync(command)).Type.Should().Be("urn:procurement:problem:payload_too_large");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        bigDocument.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_collection_at_the_cap_is_accepted()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/bids", UriKind.Relative),
            new Bid([new("a", [1, 2, 3]), new("b", []), new("c", [])]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_collection_over_the_cap_gets_400_naming_the_field_and_the_cap()
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/bids", UriKind.Relative))
        {
            Content = JsonContent.Create(new Bid([new("a", []), new("b", []), new("c", []), new("d", [])])),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.SendAsync(request);

        await ShouldNameAsync(response, "staff", "staff 最多可包含 3 项。");
    }

    [Fact]
    public async Task A_nested_collection_over_the_cap_is_named_by_its_path()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/bids", UriKind.Relative),
            new Bid([new("a", []), new("b", [1, 2, 3, 4])]));

        await ShouldNameAsync(response, "staff[1].hours", "staff[1].hours may hold at most 3 items.");
    }

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field, string message)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("type").GetString().Should().Be("urn:procurement:problem:validation");
        var violation = json.RootElement.GetProperty("violations")[0];
        violation.GetProperty("field").GetString().Should().Be(field);
        violation.GetProperty("rule").GetString().Should().Be("too_many_items");
        violation.GetProperty("message").GetString().Should().Be(message);
    }

    private static async Task<IResult> ReadAllAsync(HttpRequest request)
    {
        var length = 0L;
        var buffer = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        return Results.Ok(length);
    }

    public sealed record Bid(IReadOnlyList<StaffLine> Staff);

    public sealed record StaffLine(string Name, int[] Hours);
}

public sealed class A_service_on_kestrel_reached_without_the_gateway() : A_service_reached_without_the_gateway(onKestrel: true);

public sealed class A_service_on_the_test_server_reached_without_the_gateway() : A_service_reached_without_the_gateway(onKestrel: false);
