using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

public sealed class The_method_rules_api : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Agency)]
    [InlineData(Roles.Evaluator)]
    public async Task Any_user_reads_the_numbers_of_each_method(string role)
    {
        var response = await _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, Guid.NewGuid())).GetAsync("/api/tenders/method-rules");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var methods = body.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("method").GetString()!);
        methods.Keys.Should().BeEquivalentTo("PublicTender", "CompetitiveConsultation", "SingleSource");
        var consultation = methods["CompetitiveConsultation"];
        consultation.GetProperty("minimumBiddingDays").GetInt32().Should().Be(10);
        consultation.GetProperty("amendmentMarginDays").GetInt32().Should().Be(5);
        consultation.GetProperty("minimumValidBids").GetInt32().Should().Be(3);
        consultation.GetProperty("regionalMinimumValidBids").GetInt32().Should().Be(2);
        consultation.GetProperty("priceMinimumPoints").GetDecimal().Should().Be(10m);
        consultation.GetProperty("priceMaximumPoints").GetDecimal().Should().Be(30m);
        methods["PublicTender"].GetProperty("minimumBiddingDays").GetInt32().Should().Be(20);
        methods["PublicTender"].GetProperty("priceMaximumPoints").ValueKind.Should().Be(JsonValueKind.Null, "the law caps no public tender's price weight");
        methods["SingleSource"].GetProperty("priceMinimumPoints").ValueKind.Should().Be(JsonValueKind.Null, "single source is not scored");
        body.GetProperty("minimumAdvancePercent").GetDecimal().Should().Be(10m);
        body.GetProperty("bidSecurityMaximumShare").GetDecimal().Should().Be(0.02m);
    }

    [Fact]
    public async Task Nobody_signed_out_reads_them() =>
        (await _host.CreateClient().GetAsync("/api/tenders/method-rules")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
}
