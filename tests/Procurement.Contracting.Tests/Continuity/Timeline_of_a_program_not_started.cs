using System.Net;
using System.Text.Json;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The timeline endpoint without <c>from</c>/<c>to</c> for a program that starts after today (the test clock's today is
/// 2026-11-25): it answered 400 ("to" before "from") when the default ran to today; it now shows the program ahead.
/// </summary>
public sealed class Timeline_of_a_program_not_started : IAsyncLifetime
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Is_shown_from_its_first_day_to_the_end_of_its_last_contract_all_projected()
    {
        var program = await ProgramAsync();
        var contract = await _api.DraftedFromAsync(ContractingApi.Award(Guid.NewGuid(), Jan1, new DateOnly(2027, 6, 30), 240_000.00m, program));

        var timeline = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/programs/{program}/timeline");

        timeline.GetProperty("from").GetString().Should().Be("2027-01-01");
        timeline.GetProperty("to").GetString().Should().Be("2027-06-30");
        timeline.GetProperty("gapDays").GetInt32().Should().Be(0, "no day up to today is in the window");
        // Drafted, not signed: every day ahead would be a gap if nothing changes.
        timeline.GetProperty("projectedGapDays").GetInt32().Should().Be(181);
        var segments = timeline.GetProperty("segments").EnumerateArray().ToList();
        segments.Sum(s => s.GetProperty("days").GetInt32()).Should().Be(181);
        segments.Should().OnlyContain(s => s.GetProperty("contractId").GetGuid() == contract
            && s.GetProperty("funding").GetString() == "NotActive" && s.GetProperty("projected").GetBoolean());
    }

    [Fact]
    public async Task Without_contracts_is_shown_a_year_on_as_uncovered()
    {
        var program = await ProgramAsync();

        var answer = await _api.PurchaserClient().GetAsync($"/api/continuity/programs/{program}/timeline");

        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var timeline = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        timeline.GetProperty("from").GetString().Should().Be("2027-01-01");
        timeline.GetProperty("to").GetString().Should().Be("2027-12-31");
        var segment = timeline.GetProperty("segments").EnumerateArray().Should().ContainSingle().Subject;
        (segment.GetProperty("funding").GetString(), segment.GetProperty("days").GetInt32()).Should().Be(("Uncovered", 365));
    }

    private async Task<Guid> ProgramAsync()
    {
        var program = Guid.NewGuid();
        await _api.PublishAsync(new ServiceProgramCreated(
            program, ContractingApi.Purchaser, "Home care, Street Y", "Street Y", "ElderlyCare", Jan1, null, ContractingApi.Now));
        return program;
    }
}
