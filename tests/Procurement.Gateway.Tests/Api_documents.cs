using System.Net;
using Procurement.Gateway.Tests.Support;

namespace Procurement.Gateway.Tests;

/// <summary>Issue 16 item 17: every service's OpenAPI document through the gateway, and the interactive API page in Development.</summary>
[Collection(BackendCollection.Name)]
public sealed class Api_documents(EchoBackend backend) : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("identity")]
    [InlineData("tendering")]
    [InlineData("bidding")]
    [InlineData("evaluation")]
    [InlineData("contracting")]
    [InlineData("disbursement")]
    public async Task Each_services_document_is_its_own_v1_document_and_needs_no_token(string service)
    {
        using var response = await _gateway.GetAsync($"/openapi/{service}.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await response.EchoAsync();
        echo.Cluster.Should().Be(service);
        echo.Path.Should().Be("/openapi/v1.json");
    }

    [Fact]
    public async Task A_document_of_no_service_is_a_404_problem_that_reaches_no_backend()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await _gateway.GetAsync($"/openapi/payroll.json?m={marker}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        backend.Saw(marker).Should().BeFalse();
    }

    [Fact]
    public async Task The_api_page_in_development_lists_every_services_document()
    {
        using var response = await _gateway.GetAsync("/scalar/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await response.Content.ReadAsStringAsync();
        foreach (var service in new[] { "identity", "tendering", "bidding", "evaluation", "contracting", "disbursement" })
        {
            page.Should().Contain($"\"url\":\"openapi/{service}.json\"", "Scalar resolves the document from the application root");
        }
    }
}
