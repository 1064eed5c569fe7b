using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracting.Domain;
using Procurement.Contracts.Contracting;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests;

/// <summary>The payment term the parties agree (DOMAIN.md §9: paid within 30 days; a contract may agree up to 60).</summary>
public sealed class Contract_payment_term
{
    [Fact]
    public void A_draft_carries_the_default_term_of_30_days()
    {
        Drafted(Today, Today.AddYears(1)).PaymentTermDays.Should().Be(30);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public void A_term_from_1_to_60_days_is_agreed_as_a_new_version_of_the_draft(int days)
    {
        var contract = Drafted(Today, Today.AddYears(1));

        contract.SetPaymentTerm(days, Guid.NewGuid(), Contracts.Rules, Now);

        contract.PaymentTermDays.Should().Be(days);
        contract.State.Should().Be(ContractState.Draft);
        contract.TermsVersion.Should().Be(2);
        contract.Versions[0].PaymentTermDays.Should().Be(30);
        contract.Versions[1].PaymentTermDays.Should().Be(days);
        contract.Versions[1].ReasonCode.Should().Be(AmendmentReasons.PaymentTerm);
        contract.Activities[^1].Trigger.Should().Be(ContractTrigger.SetPaymentTerm);
        contract.Activities[^1].Party.Should().Be(ContractParty.Purchaser);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_term_outside_1_to_60_days_is_refused(int days)
    {
        var contract = Drafted(Today, Today.AddYears(1));

        var broken = Broken(() => contract.SetPaymentTerm(days, null, Contracts.Rules, Now));

        broken.Code.Should().Be(ContractCodes.PaymentTermOutOfRange);
        contract.PaymentTermDays.Should().Be(30);
        contract.TermsVersion.Should().Be(1);
    }

    [Fact]
    public void The_maximum_comes_from_the_rules()
    {
        var contract = Drafted(Today, Today.AddYears(1));
        var rules = Contracts.Rules with { MaximumPaymentTermDays = 45 };

        Broken(() => contract.SetPaymentTerm(46, null, rules, Now));
        contract.SetPaymentTerm(45, null, rules, Now);

        contract.PaymentTermDays.Should().Be(45);
    }

    [Fact]
    public void After_the_first_signature_the_term_is_what_was_signed()
    {
        var contract = Drafted(Today, Today.AddYears(1));
        contract.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, Now);

        var refusal = Refused(() => contract.SetPaymentTerm(45, null, Contracts.Rules, Now));

        refusal.Extensions["state"].Should().Be("PendingSignature");
        contract.PaymentTermDays.Should().Be(30);
    }

    [Fact]
    public void A_renewals_successor_copies_its_predecessors_term()
    {
        var contract = Drafted(Today, Today.AddYears(1).AddDays(-1));
        contract.SetPaymentTerm(45, null, Contracts.Rules, Now);
        contract.Sign(ContractParty.Purchaser, null, Contracts.Rules, Now);
        contract.Sign(ContractParty.Agency, null, Contracts.Rules, Now);
        contract.Activate(Contracts.Rules, Now);
        var windowOpens = At(Contracts.Rules.RenewalWindowOpens(contract.End));
        contract.EnterRenewalWindow(Contracts.Rules, windowOpens);

        var successor = contract.Renew(contract.End.AddYears(1), 120_000.00m, Today, null, Contracts.Rules, windowOpens);

        successor.PaymentTermDays.Should().Be(45);
        successor.Versions[0].PaymentTermDays.Should().Be(45);
    }
}

public sealed class Contract_payment_term_api : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_purchaser_agrees_60_days_in_draft_and_ContractActivated_carries_them()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.DraftedFromAsync(award);

        var set = await _api.PurchaserClient().PutAsJsonAsync($"/api/contracts/{id}/payment-term", new { days = 60 });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentTermDays").GetInt32().Should().Be(60);
        (await _api.GetAsync(_api.AgencyClient(Agency), $"/api/contracts/{id}")).GetProperty("paymentTermDays").GetInt32().Should().Be(60);
        var versions = await _api.GetAsync(_api.AgencyClient(Agency), $"/api/contracts/{id}/versions");
        versions.EnumerateArray().Select(v => v.GetProperty("paymentTermDays").GetInt32()).Should().Equal(30, 60);
        // The agency does not set the term.
        (await _api.AgencyClient(Agency).PutAsJsonAsync($"/api/contracts/{id}/payment-term", new { days = 45 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        await _api.RunClockOnAsync(award.ServiceStart);

        (await _api.PublishedAsync<ContractActivated>(m => m.ContractId == id && m.PaymentTermDays == 60)).Should().BeTrue();
        var history = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}/history");
        history.EnumerateArray().Select(a => a.GetProperty("trigger").ValueKind == JsonValueKind.Null ? "Drafted" : a.GetProperty("trigger").GetString())
            .Should().Equal("Drafted", "SetPaymentTerm", "Sign", "Sign", "Activate");
    }

    [Fact]
    public async Task An_untouched_contract_activates_with_30_days()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.ActiveAsync(award);

        (await _api.PublishedAsync<ContractActivated>(m => m.ContractId == id && m.PaymentTermDays == 30)).Should().BeTrue();
    }

    [Theory]
    [InlineData(61, "en", "days: the payment term must be from 1 to 60 days, not 61.")]
    [InlineData(0, "zh-CN", "days（付款期限）须为 1 至 60 天，不能为 0 天。")]
    public async Task A_term_outside_1_to_60_days_answers_422_in_the_callers_language(int days, string language, string detail)
    {
        var id = await _api.DraftedFromAsync(ContractingApi.Award(Agency));

        var refused = await _api.PurchaserClient(language).PutAsJsonAsync($"/api/contracts/{id}/payment-term", new { days });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:contract_payment_term_out_of_range");
        problem.GetProperty("detail").GetString().Should().Be(detail);
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("paymentTermDays").GetInt32().Should().Be(30);
    }

    [Fact]
    public async Task After_the_first_signature_the_term_answers_409()
    {
        var id = await _api.DraftedFromAsync(ContractingApi.Award(Agency));
        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();

        var refused = await _api.PurchaserClient().PutAsJsonAsync($"/api/contracts/{id}/payment-term", new { days = 45 });

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:contract_trigger_not_allowed");
        problem.GetProperty("state").GetString().Should().Be("PendingSignature");
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{id}")).GetProperty("paymentTermDays").GetInt32().Should().Be(30);
    }

    [Fact]
    public async Task A_renewals_successor_copies_the_agreed_term_and_activates_with_it()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.DraftedFromAsync(award);
        (await _api.PurchaserClient().PutAsJsonAsync($"/api/contracts/{id}/payment-term", new { days = 45 })).EnsureSuccessStatusCode();
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        await _api.RunClockOnAsync(award.ServiceStart);
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 2));

        var renewed = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/renew", new { end = "2028-12-31", amount = 480_000.00m });

        renewed.StatusCode.Should().Be(HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
        var successor = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        successor.GetProperty("paymentTermDays").GetInt32().Should().Be(45);
        var successorId = successor.GetProperty("id").GetGuid();
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{successorId}/sign", null)).EnsureSuccessStatusCode();
        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{successorId}/sign", null)).EnsureSuccessStatusCode();
        await _api.RunClockOnAsync(new DateOnly(2028, 1, 1));
        (await _api.PublishedAsync<ContractActivated>(m => m.ContractId == successorId && m.PaymentTermDays == 45 && m.PredecessorId == id)).Should().BeTrue();
    }
}
