using Microsoft.Extensions.Options;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>The continuity numbers a deployment may set (<c>Contracting:Continuity:*</c>) and the default it shares with the lifecycle.</summary>
public sealed class Continuity_configuration
{
    private static readonly Guid Agency = Guid.NewGuid();

    [Fact]
    public async Task The_default_lead_time_is_the_lifecycles_configured_one()
    {
        await using var api = await ContractingApi.StartAsync(new() { ["Contracting:Rules:RenewalLeadTimeDays"] = "120" });
        var id = await api.DraftedFromAsync(ContractingApi.Award(Agency));

        var renewal = await api.GetAsync(api.PurchaserClient(), $"/api/continuity/contracts/{id}/renewal");

        // 2027-12-31 − 120 days = 2027-09-02, the day the lifecycle's window opens too.
        (renewal.GetProperty("leadTimeDays").GetInt32(), renewal.GetProperty("defaultLeadTimeDays").GetInt32(), renewal.GetProperty("renewalPoint").GetString())
            .Should().Be((120, 120, "2027-09-02"));
    }

    [Fact]
    public async Task A_deployment_sets_its_own_percentile_and_margin()
    {
        await using var api = await ContractingApi.StartAsync(new()
        {
            ["Contracting:Continuity:LeadTimePercentile"] = "100",
            ["Contracting:Continuity:LeadTimeMarginDays"] = "0",
        });
        // Published 2026-08-17, signed 2026-11-25: 100 days; the 100th percentile of one value is 100; + 0 → 100 days.
        var award = ContractingApi.Award(Agency);
        await api.PublishAsync(new TenderPublished(
            award.TenderId, award.ProgramId, award.PurchasingUnitId, "Home care", 500_000.00m, ContractingApi.Now, award.ServiceStart, award.ServiceEnd,
            new DateTimeOffset(2026, 8, 17, 2, 0, 0, TimeSpan.Zero), award.ProcurementMethod, new StaffingTerms(3, 1, 1), null, null, [], [], [], null,
            new ProcurementRulesTerms(3, 5, true)));
        var id = await api.ActiveAsync(award);

        var renewal = await api.GetAsync(api.PurchaserClient(), $"/api/continuity/contracts/{id}/renewal");

        (renewal.GetProperty("percentile").GetInt32(), renewal.GetProperty("marginDays").GetInt32(), renewal.GetProperty("leadTimeDays").GetInt32())
            .Should().Be((100, 0, 100));
    }

    [Fact]
    public async Task A_deployment_sets_its_own_bridge_proposal_day()
    {
        await using var api = await ContractingApi.StartAsync(new() { ["Contracting:Continuity:BridgeProposalDaysBeforeEnd"] = "45" });
        var id = await api.ActiveAsync(ContractingApi.Award(Agency));

        // 2027-12-31 − 45 days = 11-16: nothing on 11-15, the proposal on 11-16.
        (await api.AlertsOnAsync(new DateOnly(2027, 11, 15))).BridgesProposed.Should().Be(0);
        (await api.AlertsOnAsync(new DateOnly(2027, 11, 16))).BridgesProposed.Should().Be(1);
        (await api.GetAsync(api.PurchaserClient(), $"/api/continuity/contracts/{id}/bridge-proposal")).GetProperty("status").GetString().Should().Be("Proposed");
    }

    [Theory]
    [InlineData("Contracting:Continuity:LeadTimePercentile", "0")]
    [InlineData("Contracting:Continuity:LeadTimePercentile", "101")]
    [InlineData("Contracting:Continuity:LeadTimeMarginDays", "-1")]
    [InlineData("Contracting:Continuity:BridgeProposalDaysBeforeEnd", "0")]
    [InlineData("Contracting:Continuity:DefaultSigningDays", "-1")]
    [InlineData("Contracting:Continuity:RenewalCheckInterval", "00:00:00")]
    [InlineData("Contracting:Continuity:RenewalCheckInterval", "50.00:00:00")]
    public async Task Numbers_outside_their_range_stop_the_service_at_start(string key, string value)
    {
        var start = () => ContractingApi.StartAsync(new() { [key] = value });

        await start.Should().ThrowAsync<OptionsValidationException>();
    }
}
