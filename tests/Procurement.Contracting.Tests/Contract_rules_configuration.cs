using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests;

public sealed class Contract_rules_configuration
{
    private static readonly Guid Agency = Guid.NewGuid();

    [Fact]
    public async Task A_deployment_sets_its_own_lead_time_and_bridge_maximum()
    {
        await using var api = await ContractingApi.StartAsync(new()
        {
            ["Contracting:Rules:RenewalLeadTimeDays"] = "120",
            ["Contracting:Rules:BridgeMaximumMonths"] = "2",
        });
        var award = ContractingApi.Award(Agency);
        var id = await api.ActiveAsync(award);

        var contract = await api.GetAsync(api.PurchaserClient(), $"/api/contracts/{id}");
        contract.GetProperty("renewalWindowOpens").GetString().Should().Be("2027-09-02", "120 days before 2027-12-31");
        contract.GetProperty("consecutiveCapEnd").GetString().Should().Be("2029-12-31", "the cap keeps its national default");

        var three = await api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/bridge-extensions", new { months = 3 });
        three.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var two = await api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/bridge-extensions", new { months = 2 });
        two.StatusCode.Should().Be(HttpStatusCode.OK, await two.Content.ReadAsStringAsync());
        (await two.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("end").GetString().Should().Be("2028-02-29");
    }

    [Fact]
    public async Task The_national_defaults_apply_when_nothing_is_configured()
    {
        await using var api = await ContractingApi.StartAsync();
        var id = await api.DraftedFromAsync(ContractingApi.Award(Agency));

        var contract = await api.GetAsync(api.Client(Roles.Auditor, Guid.NewGuid()), $"/api/contracts/{id}");

        contract.GetProperty("renewalWindowOpens").GetString().Should().Be("2027-10-02", "90 days before 2027-12-31");
    }
}
