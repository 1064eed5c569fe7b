using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;

namespace Procurement.Disbursement.Tests;

/// <summary>Real parallel HTTP calls over Kestrel against SQLite: money moves once, whoever wins.</summary>
public sealed class Concurrency_and_idempotency : IAsyncLifetime
{
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync(kestrel: true);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<Guid> ApprovedAdvanceAsync()
    {
        await _api.SetAppropriationAsync(1_000_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", Guid.NewGuid().ToString())).EnsureSuccessStatusCode();
        (await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/approve")).EnsureSuccessStatusCode();
        return advance;
    }

    private async Task<(int Lines, decimal Released)> ReleasesAsync(Guid instalmentId)
    {
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<DisbursementDb>().LedgerLines.AsNoTracking()
            .Where(l => l.InstalmentId == instalmentId && l.Kind == MovementKind.Release).ToListAsync();
        return (lines.Count, lines.Sum(l => l.Debit));
    }

    [Fact]
    public async Task Two_treasury_officers_releasing_the_same_instalment_at_once_pay_it_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var advance = await ApprovedAdvanceAsync();
            var officers = new[] { _api.Client(Person.New("treasury", Guid.NewGuid())), _api.Client(Person.New("treasury", Guid.NewGuid())) };

            var answers = await Task.WhenAll(officers.Select((client, n) =>
                DisbursementHost.PostAsync(client, $"/api/disbursements/instalments/{advance}/release", $"race-{round}-{n}")));

            answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            (await ReleasesAsync(advance)).Should().Be((2, 30_000.00m));
        }
    }

    [Fact]
    public async Task The_same_release_key_sent_twice_at_once_pays_once_and_both_get_the_first_answer()
    {
        var advance = await ApprovedAdvanceAsync();
        var treasury = _api.Client(_api.Treasurer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            DisbursementHost.PostAsync(treasury, $"/api/disbursements/instalments/{advance}/release", "same-key")));

        answers.Select(a => a.StatusCode).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        bodies[1].Should().Be(bodies[0]);
        (await ReleasesAsync(advance)).Should().Be((2, 30_000.00m));
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_of_an_appropriation_cannot_both_pass()
    {
        await _api.SetAppropriationAsync(30_000.00m);
        var first = _api.Activation();
        var second = _api.Activation();
        await _api.PublishAsync(first);
        await _api.PublishAsync(second);
        var instalments = new[] { await _api.InstalmentIdAsync(first.ContractId, 1), await _api.InstalmentIdAsync(second.ContractId, 1) };
        foreach (var id in instalments)
        {
            (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{id}/request", Guid.NewGuid().ToString())).EnsureSuccessStatusCode();
        }

        var answers = await Task.WhenAll(instalments.Select(id =>
            DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{id}/approve")));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Single(a => a.StatusCode != HttpStatusCode.OK).StatusCode.Should().BeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var totals = await scope.ServiceProvider.GetRequiredService<DisbursementDb>().TotalsForBudgetAsync(_api.Unit, _api.Program, 2027, CancellationToken.None);
        totals.Available.Should().Be(0m);
    }
}
