using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// Issue 16 item 7 over HTTP: a program created today (the test clock's 2026-11-25) whose first contract starts in 30 days
/// shows no gap day on the dashboard and opens no funding gap; once that contract was due and is still not signed, every
/// day from its start counts.
/// </summary>
public sealed class Gap_days_of_a_program_created_today : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateOnly FirstContractStart = Today.AddDays(30);
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Count_nothing_before_its_first_contract_was_due_and_every_day_after_it()
    {
        var program = Guid.NewGuid();
        await _api.PublishAsync(new ServiceProgramCreated(
            program, ContractingApi.Purchaser, "Home care, Street Z", "Street Z", "ElderlyCare", Today, null, ContractingApi.Now));
        var award = ContractingApi.Award(Guid.NewGuid(), FirstContractStart, FirstContractStart.AddYears(1).AddDays(-1), program: program);
        await _api.DraftedFromAsync(award);

        var dashboard = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        dashboard.GetProperty("gapDays").GetInt32().Should().Be(0);
        var shown = dashboard.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetGuid() == program);
        shown.GetProperty("gapDays").GetInt32().Should().Be(0);
        (await GapWatchOnAsync(Today.AddDays(29))).Should().Be(0, "no day before 12-25 was due to be covered");
        _api.Harness.Published.Select<FundingGapOpened>().Should().NotContain(m => m.Context.Message.ProgramId == program);

        // 2027-01-04, the contract still unsigned: 12-25..12-31 (7 days of 2026) and 01-01..01-04 (4 of 2027) are gap days.
        _api.Clock.SetUtcNow(new DateTimeOffset(new DateTime(2027, 1, 4, 2, 0, 0, DateTimeKind.Utc)));
        var later = (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard"))
            .GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetGuid() == program);
        later.GetProperty("gapDays").GetInt32().Should().Be(11);
        later.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("gapDays").GetInt32()))
            .Should().Equal((2026, 7), (2027, 4));
        (await GapWatchOnAsync(new DateOnly(2027, 1, 4))).Should().Be(1);
        (await _api.PublishedAsync<FundingGapOpened>(m => m.ProgramId == program && m.FirstDay == FirstContractStart && m.Cause == "NotActive"))
            .Should().BeTrue();
    }

    private async Task<int> GapWatchOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > _api.Clock.GetUtcNow())
        {
            _api.Clock.SetUtcNow(at);
        }

        return await _api.Host.Services.GetRequiredService<FundingGapClock>().RunOnceAsync(CancellationToken.None);
    }
}
