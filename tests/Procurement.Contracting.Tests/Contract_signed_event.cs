using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Procurement.Contracts.Contracting;

namespace Procurement.Contracting.Tests;

/// <summary>
/// Issue 7 item 3: the second signature raises <see cref="ContractSigned"/> with the terms signed, telling Disbursement
/// whether the contract follows an earlier one of its program (a successor is paid before it starts, DOMAIN.md §2).
/// </summary>
public sealed class Contract_signed_event : IAsyncLifetime
{
    private static readonly Guid AgencyA = Guid.NewGuid();
    private static readonly Guid AgencyB = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>The purchaser signs, an hour later the agency: answers the one <see cref="ContractSigned"/> published for the contract.</summary>
    private async Task<ContractSigned> SignBothAsync(Guid contractId, Guid agency)
    {
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{contractId}/sign", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _api.Clock.Advance(TimeSpan.FromHours(1));
        var secondAt = _api.Clock.GetUtcNow();
        (await _api.AgencyClient(agency).PostAsync($"/api/contracts/{contractId}/sign", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _api.PublishedAsync<ContractSigned>(m => m.ContractId == contractId)).Should().BeTrue();
        var signed = _api.Harness.Published.Select<ContractSigned>(m => m.Context.Message.ContractId == contractId)
            .Should().ContainSingle("the first signature publishes none").Subject.Context.Message;
        signed.SignedAt.Should().Be(secondAt, "it is the second signature that makes the contract signed");
        return signed;
    }

    [Fact]
    public async Task The_second_signature_of_a_programs_first_contract_publishes_its_signed_terms_as_no_successor()
    {
        var award = ContractingApi.Award(AgencyA);
        var id = await _api.DraftedFromAsync(award);

        var signed = await SignBothAsync(id, AgencyA);

        (signed.TenderId, signed.ProgramId, signed.PurchasingUnitId, signed.AgencyId, signed.Amount, signed.Start, signed.End)
            .Should().Be((award.TenderId, award.ProgramId, award.PurchasingUnitId, AgencyA, 480_000.00m, award.ServiceStart, award.ServiceEnd));
        signed.PaymentSchedule.Select(t => (t.Percent, t.Condition)).Should().Equal((30m, "Activation"), (40m, "MidTermPassed"), (30m, "FinalPassed"));
        (signed.PaymentTermDays, signed.PredecessorId, signed.Successor).Should().Be((30, (Guid?)null, false));
    }

    [Fact]
    public async Task A_renewals_successor_is_signed_as_a_successor_with_its_predecessor()
    {
        var predecessor = await _api.ActiveAsync(ContractingApi.Award(AgencyA));
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 2));
        var renewed = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{predecessor}/renew", new { end = "2028-12-31", amount = 480_000.00m });
        renewed.StatusCode.Should().Be(HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
        var successor = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var signed = await SignBothAsync(successor, AgencyA);

        (signed.Successor, signed.PredecessorId, signed.TenderId, signed.Start).Should().Be((true, predecessor, (Guid?)null, new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public async Task A_tender_awarded_contract_of_a_program_already_served_is_signed_as_a_successor()
    {
        var program = Guid.NewGuid();
        await _api.ActiveAsync(ContractingApi.Award(AgencyA, program: program));
        var next = await _api.DraftedFromAsync(ContractingApi.Award(AgencyB, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), program: program));

        var signed = await SignBothAsync(next, AgencyB);

        (signed.Successor, signed.PredecessorId).Should().Be((true, (Guid?)null), "the program was served by another agency's contract before");
    }

    [Fact]
    public async Task A_program_whose_only_earlier_contract_was_withdrawn_before_its_start_was_never_served()
    {
        var program = Guid.NewGuid();
        var withdrawn = await _api.DraftedFromAsync(ContractingApi.Award(AgencyA, program: program));
        await SignBothAsync(withdrawn, AgencyA);
        (await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{withdrawn}/terminate", new { reason = "Agency withdrew before the start" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var next = await _api.DraftedFromAsync(ContractingApi.Award(AgencyB, new DateOnly(2027, 2, 1), new DateOnly(2027, 12, 31), program: program));

        var signed = await SignBothAsync(next, AgencyB);

        signed.Successor.Should().BeFalse();
    }
}
