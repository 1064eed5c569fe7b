using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests;

public sealed class Contracts_api : IAsyncLifetime
{
    private static readonly Guid AgencyA = Guid.NewGuid();
    private static readonly Guid AgencyB = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_confirmed_award_drafts_the_contract_with_its_terms()
    {
        var award = ContractingApi.Award(AgencyA);

        var id = await _api.DraftedFromAsync(award);

        var contract = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}");
        contract.GetProperty("state").GetString().Should().Be("Draft");
        contract.GetProperty("amount").GetRawText().Should().Be("480000.00");
        contract.GetProperty("start").GetString().Should().Be("2027-01-01");
        contract.GetProperty("end").GetString().Should().Be("2027-12-31");
        contract.GetProperty("bidId").GetGuid().Should().Be(award.BidId);
        contract.GetProperty("tenderId").GetGuid().Should().Be(award.TenderId);
        contract.GetProperty("kpis").GetArrayLength().Should().Be(2);
        contract.GetProperty("paymentSchedule").GetArrayLength().Should().Be(3);
        contract.GetProperty("monthlyRate").GetRawText().Should().Be("40000.00");
        contract.GetProperty("paymentTermDays").GetInt32().Should().Be(30);
        contract.GetProperty("renewalWindowOpens").GetString().Should().Be("2027-10-02");
        contract.GetProperty("consecutiveCapEnd").GetString().Should().Be("2029-12-31");
        contract.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo("Sign", "Terminate", "SetPaymentTerm");
        (await _api.PublishedAsync<ContractDrafted>(m => m.ContractId == id)).Should().BeTrue();

        // A redelivered award (a new message id, the same award) drafts nothing more.
        await _api.PublishAsync(award);
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts?tenderId={award.TenderId}")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Each_party_sees_only_its_own_contracts_and_auditors_see_all()
    {
        var program = Guid.NewGuid();
        var a = await _api.DraftedFromAsync(ContractingApi.Award(AgencyA, program: program));
        var b = await _api.DraftedFromAsync(ContractingApi.Award(AgencyB));

        Ids(await _api.GetAsync(_api.AgencyClient(AgencyA), "/api/contracts")).Should().Equal(a);
        Ids(await _api.GetAsync(_api.AgencyClient(AgencyB), "/api/contracts")).Should().Equal(b);
        Ids(await _api.GetAsync(_api.PurchaserClient(), "/api/contracts")).Should().BeEquivalentTo([a, b]);
        Ids(await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts?programId={program}")).Should().Equal(a);
        Ids(await _api.GetAsync(_api.AuditorClient(), "/api/contracts")).Should().BeEquivalentTo([a, b]);
        Ids(await _api.GetAsync(_api.Client(Roles.Purchaser, Guid.NewGuid()), "/api/contracts")).Should().BeEmpty();

        (await _api.AgencyClient(AgencyA).GetAsync($"/api/contracts/{b}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(AgencyA).GetAsync($"/api/contracts/{b}/versions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(AgencyA).GetAsync($"/api/contracts/{b}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(AgencyA).PostAsync($"/api/contracts/{b}/sign", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AuditorClient().GetAsync($"/api/contracts/{b}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync(_api.AuditorClient(), $"/api/contracts/{b}")).GetProperty("permittedTriggers").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Both_parties_sign_and_the_clock_activates_the_contract_on_its_start_date()
    {
        var award = ContractingApi.Award(AgencyA);
        var id = await _api.DraftedFromAsync(award);

        var signed = await _api.AgencyClient(AgencyA).PostAsync($"/api/contracts/{id}/sign", null);
        signed.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = (await signed.Content.ReadFromJsonAsync<JsonElement>());
        view.GetProperty("state").GetString().Should().Be("PendingSignature");
        view.GetProperty("permittedTriggers").GetArrayLength().Should().Be(0, "the agency has signed and fires nothing else");
        view.GetProperty("signatures").GetProperty("agency").GetProperty("signedAt").ValueKind.Should().NotBe(JsonValueKind.Null);

        var again = await _api.AgencyClient(AgencyA).PostAsync($"/api/contracts/{id}/sign", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refusal = await again.Content.ReadFromJsonAsync<JsonElement>();
        refusal.GetProperty("type").GetString().Should().Be("urn:procurement:problem:contract_already_signed");
        refusal.GetProperty("allowedTriggers").GetArrayLength().Should().Be(0);

        // A purchaser-role user of the agency's organisation does not sign for the purchasing unit.
        (await _api.Client(Roles.Purchaser, AgencyA).PostAsync($"/api/contracts/{id}/sign", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/sign", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        await _api.RunClockOnAsync(new DateOnly(2026, 12, 31));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("state").GetString().Should().Be("PendingSignature", "the start date has not come");

        await _api.RunClockOnAsync(new DateOnly(2027, 1, 1));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("state").GetString().Should().Be("Active");

        (await _api.PublishedAsync<ContractActivated>(m => m.ContractId == id && m.BidId == award.BidId)).Should().BeTrue();
        (await _api.PublishedAsync<ContractStateChanged>(m => m.ContractId == id && m.Trigger == "Activate"
            && m.ActorId == null)).Should().BeTrue();
        (await _api.PublishedAsync<ContractStateChanged>(m => m.ContractId == id && m.Trigger == "Sign"
            && m.From == "PendingSignature" && m.To == "PendingSignature")).Should().BeTrue("a signature that keeps the state is a transition too");

        var history = await _api.GetAsync(_api.AgencyClient(AgencyA), $"/api/contracts/{id}/history");
        history.EnumerateArray().Select(a => a.GetProperty("trigger").ValueKind == JsonValueKind.Null ? "Drafted" : a.GetProperty("trigger").GetString())
            .Should().Equal("Drafted", "Sign", "Sign", "Activate");
    }

    [Fact]
    public async Task A_trigger_that_is_not_allowed_answers_409_with_the_allowed_ones_in_the_callers_language()
    {
        var id = await _api.DraftedFromAsync(ContractingApi.Award(AgencyA));

        var english = await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/complete", null);
        english.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await english.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:contract_trigger_not_allowed");
        problem.GetProperty("allowedTriggers").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo("Sign", "Terminate", "SetPaymentTerm");
        problem.GetProperty("state").GetString().Should().Be("Draft");
        problem.GetProperty("detail").GetString().Should().Be("Complete is not allowed while the contract is Draft. Allowed now: Sign, Terminate, SetPaymentTerm.");

        var chinese = await _api.PurchaserClient("zh-CN").PostAsJsonAsync($"/api/contracts/{id}/suspend", new { reason = "检查" });
        chinese.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await chinese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be("合同当前状态为 Draft，不允许执行 Suspend。当前允许的操作：Sign, Terminate, SetPaymentTerm。");
    }

    [Fact]
    public async Task A_guard_that_is_not_met_is_named_in_the_409()
    {
        var id = await _api.ActiveAsync(ContractingApi.Award(AgencyA));

        var refused = await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/complete", null);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("unmetGuards").EnumerateArray().Select(g => g.GetString()).Should().Equal("a passing final performance evaluation");
        problem.GetProperty("allowedTriggers").EnumerateArray().Select(t => t.GetString())
            .Should().BeEquivalentTo("Amend", "ExtendBridge", "Suspend", "Terminate");

        await _api.PublishAsync(new PerformanceEvaluated(Guid.NewGuid(), id, Guid.NewGuid(), AgencyA, "Final", 86.5m, "Good", true, ContractingApi.Now));
        var completed = await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/complete", null);
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        (await _api.PublishedAsync<ContractEnded>(m => m.ContractId == id && m.Outcome == "Completed")).Should().BeTrue();
    }

    [Fact]
    public async Task Amendments_and_bridge_extensions_are_versions_both_parties_read()
    {
        var id = await _api.ActiveAsync(ContractingApi.Award(AgencyA));
        var purchaser = _api.PurchaserClient();

        var amended = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/amendments",
            new { reasonCode = "amountChange", text = "Two more caseworkers from March", amount = 504_000.00m });
        amended.StatusCode.Should().Be(HttpStatusCode.OK, await amended.Content.ReadAsStringAsync());
        var bridged = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/bridge-extensions", new { months = 3, text = "Appropriation late" });
        bridged.StatusCode.Should().Be(HttpStatusCode.OK, await bridged.Content.ReadAsStringAsync());
        var view = await bridged.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("end").GetString().Should().Be("2028-03-31");
        view.GetProperty("amount").GetRawText().Should().Be("630000.00", "504000 / 12 = 42000 a month, three months more");

        var versions = await _api.GetAsync(_api.AgencyClient(AgencyA), $"/api/contracts/{id}/versions");
        versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()).Should().Equal(1, 2, 3);
        versions.EnumerateArray().Select(v => v.GetProperty("current").GetBoolean()).Should().Equal(false, false, true);
        versions[0].GetProperty("amount").GetRawText().Should().Be("480000.00");
        versions[1].GetProperty("reasonCode").GetString().Should().Be("amountChange");
        versions[2].GetProperty("reasonCode").GetString().Should().Be("durationExtension");
        versions[2].GetProperty("bridgeMonths").GetInt32().Should().Be(3);
        (await _api.PublishedAsync<ContractAmended>(m => m.ContractId == id && m.BridgeMonths == 3
            && m.Version == 3)).Should().BeTrue();

        var tooLong = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/bridge-extensions", new { months = 4 });
        tooLong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var badCode = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/amendments", new { reasonCode = "whim", text = "x", amount = 1m });
        badCode.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var beforeStart = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/amendments", new { reasonCode = "other", text = "x", end = "2026-12-31" });
        beforeStart.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await _api.AgencyClient(AgencyA).PostAsJsonAsync($"/api/contracts/{id}/amendments", new { reasonCode = "other", text = "x", amount = 1m }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the purchaser records amendments");
    }

    [Fact]
    public async Task A_termination_carries_its_reason_the_amount_paid_and_the_bid_to_release()
    {
        var award = ContractingApi.Award(AgencyA);
        var id = await _api.ActiveAsync(award);
        var purchaser = _api.PurchaserClient();

        (await purchaser.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { amountPaid = 0m })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var terminated = await purchaser.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "Agency deregistered", amountPaid = 144_000.00m });

        terminated.StatusCode.Should().Be(HttpStatusCode.OK, await terminated.Content.ReadAsStringAsync());
        (await _api.PublishedAsync<ContractEnded>(m => m.ContractId == id && m.Outcome == "Terminated"
            && m.BidId == award.BidId && m.AmountPaid == 144_000.00m && m.Reason == "Agency deregistered")).Should().BeTrue();
        var history = await _api.GetAsync(_api.AgencyClient(AgencyA), $"/api/contracts/{id}/history");
        history[history.GetArrayLength() - 1].GetProperty("reason").GetString().Should().Be("Agency deregistered");
    }

    [Fact]
    public async Task A_renewal_drafts_the_successor_from_the_day_after_the_end()
    {
        var award = ContractingApi.Award(AgencyA);
        var id = await _api.ActiveAsync(award);
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 1));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("state").GetString().Should().Be("Active", "the window opens on 2027-10-02");
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 2));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("state").GetString().Should().Be("Expiring");

        var tooLong = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/renew", new { end = "2030-01-01", amount = 960_000.00m });
        tooLong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()
            .Should().Be("urn:procurement:problem:contract_consecutive_cap_exceeded");
        var renewed = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/renew", new { end = "2029-12-31", amount = 960_000.00m });

        renewed.StatusCode.Should().Be(HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
        var successor = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        successor.GetProperty("start").GetString().Should().Be("2028-01-01");
        successor.GetProperty("predecessorId").GetGuid().Should().Be(id);
        successor.GetProperty("bidId").GetGuid().Should().Be(award.BidId);
        successor.GetProperty("state").GetString().Should().Be("Draft");
        var successorId = successor.GetProperty("id").GetGuid();
        var predecessor = await _api.GetAsync(_api.AgencyClient(AgencyA), $"/api/contracts/{id}");
        predecessor.GetProperty("state").GetString().Should().Be("Renewed");
        predecessor.GetProperty("successorId").GetGuid().Should().Be(successorId);
        (await _api.PublishedAsync<ContractRenewed>(m => m.SuccessorId == successorId
            && m.SuccessorStart == new DateOnly(2028, 1, 1))).Should().BeTrue();
        (await _api.PublishedAsync<ContractDrafted>(m => m.ContractId == successorId && m.PredecessorId == id)).Should().BeTrue();
        Ids(await _api.GetAsync(_api.AgencyClient(AgencyA), "/api/contracts")).Should().BeEquivalentTo([id, successorId]);
    }

    [Fact]
    public async Task The_lifecycle_diagram_is_served_as_the_machine_draws_it()
    {
        var diagram = await _api.AuditorClient().GetFromJsonAsync<string>("/api/contracts/lifecycle");

        diagram.Should().Be(Procurement.Contracting.Domain.Contract.LifecycleDiagram());
    }

    private static Guid[] Ids(JsonElement list) => [.. list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
