using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The purchaser confirms the renewal decision (DOMAIN.md §2, issue 7 item 2) over HTTP. Award contracts: 480,000.00 over
/// 2027 (40,000.00 a month); without history the lead time is 90 days, so the renewal point is 2027-10-02.
/// </summary>
public sealed class Renewal_decision_api : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_good_performer_is_renewed_directly_for_the_signed_terms_length_and_monthly_rate()
    {
        var (award, contract) = await GradedAsync("Good");
        await RenewalPointAsync();

        var confirmed = await ConfirmAsync(contract, new { });

        confirmed.StatusCode.Should().Be(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var decision = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        (decision.GetProperty("proposedPath").GetString(), decision.GetProperty("path").GetString(), decision.GetProperty("successorStart").GetString(),
                decision.GetProperty("successorEnd").GetString(), decision.GetProperty("amount").GetRawText())
            .Should().Be(("DirectRenewal", "DirectRenewal", "2028-01-01", "2028-12-31", "480000.00"));
        var successor = decision.GetProperty("successorId").GetGuid();
        (await _api.PublishedAsync<ContractRenewed>(m => m.ContractId == contract && m.SuccessorId == successor && m.SuccessorStart == new DateOnly(2028, 1, 1)))
            .Should().BeTrue();
        var drafted = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{successor}");
        (drafted.GetProperty("state").GetString(), drafted.GetProperty("predecessorId").GetGuid(), drafted.GetProperty("agencyId").GetGuid())
            .Should().Be(("Draft", contract, award.AgencyId));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("state").GetString().Should().Be("Renewed");
        var renewal = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal");
        renewal.GetProperty("decision").GetProperty("successorId").GetGuid().Should().Be(successor);
        _api.Harness.Published.Select<RenewalTenderRequested>().Any(m => m.Context.Message.ContractId == contract).Should().BeFalse();

        var again = await ConfirmAsync(contract, new { path = "NewTender" }, "zh-CN");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        (problem.GetProperty("detail").GetString(), problem.GetProperty("path").GetString()).Should().Be(("续签决定已确认：直接续签。", "DirectRenewal"));
    }

    [Fact]
    public async Task A_failing_performer_goes_to_a_new_tender_that_Tendering_drafts_from_the_last_one()
    {
        var (award, contract) = await GradedAsync("Fail");
        await TenderPublishedAsync(award);
        await RenewalPointAsync();
        (await _api.PublishedAsync<RenewalDue>(m => m.ContractId == contract && m.ProposedPath == "NewTender")).Should().BeTrue();

        var confirmed = await ConfirmAsync(contract, new { });

        confirmed.StatusCode.Should().Be(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        (await _api.PublishedAsync<RenewalTenderRequested>(m => m.ContractId == contract && m.ProgramId == award.ProgramId && m.LastTenderId == award.TenderId
            && m.ServiceStart == new DateOnly(2028, 1, 1) && m.ServiceEnd == new DateOnly(2028, 12, 31) && m.PurchasingUnitId == ContractingApi.Purchaser))
            .Should().BeTrue();
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("state").GetString().Should().Be("Expiring");

        var tender = Guid.NewGuid();
        await _api.PublishAsync(new RenewalTenderDrafted(contract, tender, award.ProgramId, award.TenderId, _api.Clock.GetUtcNow()));
        var decision = (await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal")).GetProperty("decision");
        (decision.GetProperty("path").GetString(), decision.GetProperty("tenderId").GetGuid(), decision.GetProperty("successorId").ValueKind)
            .Should().Be(("NewTender", tender, JsonValueKind.Null));
    }

    [Fact]
    public async Task A_direct_renewal_is_refused_to_a_failing_performer_naming_the_rule_in_both_languages()
    {
        var (_, contract) = await GradedAsync("Fail");
        await RenewalPointAsync();

        var refused = await ConfirmAsync(contract, new { path = "DirectRenewal" }, "zh-CN");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be(
            "path：直接续签须最近一次绩效等级为 Good 或以上，且与该机构连续服务少于 36 个月；本合同：最近一次绩效等级低于要求。请改为确认重新招标（NewTender）。");
        problem.GetProperty("obstacles").EnumerateArray().Select(o => o.GetString()).Should().Equal("GradeBelowMinimum");
        var english = await (await ConfirmAsync(contract, new { path = "DirectRenewal" })).Content.ReadFromJsonAsync<JsonElement>();
        english.GetProperty("detail").GetString().Should().Contain("here: the latest grade is below the minimum");
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal")).GetProperty("decision").ValueKind
            .Should().Be(JsonValueKind.Null, "nothing was decided");
    }

    [Fact]
    public async Task Before_the_renewal_point_nothing_is_decided_and_only_the_contracts_purchaser_may_confirm()
    {
        var (award, contract) = await GradedAsync("Excellent");

        var early = await ConfirmAsync(contract, new { });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be(
            "The renewal decision is taken from the renewal point, 2027-10-02; the contract is Active and no RenewalDue was raised yet.");

        await RenewalPointAsync();
        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).PostAsJsonAsync(Path(contract), new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(award.AgencyId).PostAsJsonAsync(Path(contract), new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var badPath = await ConfirmAsync(contract, new { path = "Extend" });
        badPath.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPath.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("path")[0].GetString()
            .Should().Be("path must be one of: DirectRenewal, NewTender.");
        var badAmount = await ConfirmAsync(contract, new { path = "DirectRenewal", amount = 1.001m });
        badAmount.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var chosen = await ConfirmAsync(contract, new { path = "DirectRenewal", end = "2028-06-30", amount = 250_000.00m });
        chosen.StatusCode.Should().Be(HttpStatusCode.Created);
        var decision = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        (decision.GetProperty("successorEnd").GetString(), decision.GetProperty("amount").GetRawText()).Should().Be(("2028-06-30", "250000.00"));
    }

    [Fact]
    public async Task A_purchaser_may_prefer_a_new_tender_to_a_proposed_direct_renewal()
    {
        var (_, contract) = await GradedAsync("Good");
        await RenewalPointAsync();

        var confirmed = await ConfirmAsync(contract, new { path = "NewTender", end = "2029-12-31" });

        confirmed.StatusCode.Should().Be(HttpStatusCode.Created);
        var decision = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        (decision.GetProperty("proposedPath").GetString(), decision.GetProperty("path").GetString()).Should().Be(("DirectRenewal", "NewTender"));
        (await _api.PublishedAsync<RenewalTenderRequested>(m => m.ContractId == contract && m.LastTenderId == null && m.ServiceEnd == new DateOnly(2029, 12, 31)))
            .Should().BeTrue("no TenderPublished was heard of, so Tendering takes the program's latest tender");

        // Tendering found nothing to pre-fill from: the purchaser reads why on the decision.
        await _api.PublishAsync(new RenewalTenderNotDrafted(contract, decision.GetProperty("programId").GetGuid(), "NothingToPrefillFrom", _api.Clock.GetUtcNow()));
        var shown = (await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal")).GetProperty("decision");
        (shown.GetProperty("tenderNotDraftedReason").GetString(), shown.GetProperty("tenderId").ValueKind).Should().Be(("NothingToPrefillFrom", JsonValueKind.Null));
    }

    private async Task<(AwardConfirmed Award, Guid Contract)> GradedAsync(string grade)
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        await _api.PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), contract, award.ProgramId, award.AgencyId, "MidTerm", grade switch { "Fail" => 52m, "Good" => 84m, _ => 93m }, grade, grade != "Fail",
            new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero)));
        return (award, contract);
    }

    /// <summary>10:00 in Shanghai on 2027-10-02, the renewal point, and the renewal clock's pass.</summary>
    private async Task RenewalPointAsync()
    {
        var at = new DateTimeOffset(2027, 10, 2, 2, 0, 0, TimeSpan.Zero);
        if (at > _api.Clock.GetUtcNow())
        {
            _api.Clock.SetUtcNow(at);
        }

        await _api.Host.Services.GetRequiredService<RenewalDueClock>().RunOnceAsync(CancellationToken.None);
    }

    private Task TenderPublishedAsync(AwardConfirmed award) =>
        _api.PublishAsync(new TenderPublished(
            award.TenderId, award.ProgramId, award.PurchasingUnitId, "Home care, Street X", 500_000.00m, ContractingApi.Now.AddDays(-40),
            award.ServiceStart, award.ServiceEnd, ContractingApi.Now.AddDays(-60), award.ProcurementMethod, new StaffingTerms(3, 1, 1), null, null, [], [], [], null,
            new ProcurementRulesTerms(3, 5, true)));

    private Task<HttpResponseMessage> ConfirmAsync(Guid contract, object body, string? language = null) =>
        _api.PurchaserClient(language).PostAsJsonAsync(Path(contract), body);

    private static string Path(Guid contract) => $"/api/continuity/contracts/{contract}/renewal/confirm";
}
