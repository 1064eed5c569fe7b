using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Tests;

/// <summary>
/// Thousands of random steps — appropriations raised and lowered, instalments falling due, requested, approved,
/// released in either year, confirmed, rejected, withheld and resumed, contract amounts cut — against the domain
/// with an in-memory ledger; every refusal is a business rule, and afterwards the ledger still balances, no
/// guarded account is negative and no limit was passed.
/// </summary>
public sealed class Ledger_invariants
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_random_run_of_thousands_of_steps_keeps_the_ledger_whole(int seed)
    {
        var random = new Random(seed);
        var units = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var programs = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var contracts = Enumerable.Range(0, 6).Select(n => ContractAccount.Activated(
            Guid.NewGuid(), programs[n % 2], units[n % 2], Guid.NewGuid(), random.Next(1, 5_000_000) / 100m,
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), 30, Start)).ToList();
        var instalments = contracts.SelectMany(c => SchedulePlan.For(c.Amount, [])
            .Where(p => p.Amount > 0)
            .Select(p => (Instalment: Instalment.Plan(c.ContractId, p, 30), Contract: c))).ToList();
        var lines = new List<LedgerLine>();
        var agency = new Actor("agency", false);
        var purchasers = new[] { new Actor("purchaser-1", false), new Actor("purchaser-2", false) };
        var treasurers = new[] { new Actor("treasury-1", true), new Actor("treasury-2", true) };
        var refusals = 0;
        var steps = 0;

        for (var step = 0; step < 4000; step++)
        {
            var now = Start.AddHours(step);
            var year = random.Next(4) == 0 ? 2028 : 2027;
            var (instalment, contract) = instalments[random.Next(instalments.Count)];
            try
            {
                IReadOnlyList<LedgerMovement> moved = random.Next(12) switch
                {
                    0 => Appropriate(contracts[random.Next(contracts.Count)], year, random.Next(-300_000, 1_000_000) / 100m, lines, now),
                    1 => instalment.FallDue(DateOnly.FromDateTime(now.UtcDateTime)).Movements,
                    2 or 3 => instalment.Request(agency, now).Movements,
                    4 or 5 => instalment.Approve(purchasers[random.Next(2)], contract, Funding(lines, contract, 2027), now).Movements,
                    6 or 7 => instalment.Release(treasurers[random.Next(2)], contract, Funding(lines, contract, year), now).Movements,
                    8 => instalment.ConfirmPaid(treasurers[random.Next(2)], contract, now, DateOnly.FromDateTime(now.UtcDateTime)).Movements,
                    9 => instalment.Reject(random.Next(2) == 0 ? purchasers[0] : treasurers[0], "Not this time", contract, now).Movements,
                    10 => random.Next(2) == 0
                        ? instalment.Withhold("Fail", contract, now).Movements
                        : instalment.DecideWithholding(random.Next(2) == 0, "Decided", "purchaser-1", contract, DateOnly.FromDateTime(now.UtcDateTime)).Movements,
                    _ => Cut(contract, random, lines),
                };
                lines.AddRange(moved.SelectMany(m => m.Lines));
                steps++;
            }
            catch (Refusal)
            {
                refusals++;
            }
        }

        var balances = LedgerBalances.Of(lines);
        balances.Violations().Should().BeEmpty();
        balances.TotalDebits.Should().Be(balances.TotalCredits);
        foreach (var contract in contracts)
        {
            var totals = Totals(lines.Where(l => l.ContractId == contract.ContractId));
            totals.Engaged.Should().BeLessThanOrEqualTo(contract.Amount, "the contract limit holds at every approval");
            totals.Paid.Should().Be(instalments.Where(x => x.Contract == contract && x.Instalment.Status == InstalmentStatus.Paid).Sum(x => x.Instalment.Amount));
        }

        foreach (var budget in lines.GroupBy(l => (l.PurchasingUnitId, l.ProgramId, l.FiscalYear)))
        {
            var totals = Totals(budget);
            totals.Available.Should().BeGreaterThanOrEqualTo(0, "the appropriation limit holds");
            totals.Engaged.Should().BeLessThanOrEqualTo(totals.Appropriated);
        }

        lines.Where(l => l.Kind == MovementKind.Pay && l.Debit > 0).GroupBy(l => l.InstalmentId).Should().OnlyContain(g => g.Count() == 1, "an instalment is paid once");
        steps.Should().BeGreaterThan(500, "the run must exercise the flow, not only refusals");
        refusals.Should().BeGreaterThan(0);
        lines.Should().Contain(l => l.Kind == MovementKind.Pay).And.Contain(l => l.Kind == MovementKind.Uncommit);
    }

    private static MovementTotals Totals(IEnumerable<LedgerLine> lines) =>
        new(lines.Where(l => l.Debit > 0).GroupBy(l => l.Kind).Select(g => new KeyValuePair<MovementKind, decimal>(g.Key, g.Sum(l => l.Debit))));

    private static FundingPosition Funding(List<LedgerLine> lines, ContractAccount contract, int year) => new(
        contract.Amount,
        Totals(lines.Where(l => l.ContractId == contract.ContractId)).Engaged,
        year,
        Totals(lines.Where(l => l.PurchasingUnitId == contract.PurchasingUnitId && l.ProgramId == contract.ProgramId && l.FiscalYear == year)).Available);

    /// <summary>The appropriation endpoint's rule: a new total, never below what is engaged.</summary>
    private static IReadOnlyList<LedgerMovement> Appropriate(ContractAccount contract, int year, decimal change, List<LedgerLine> lines, DateTimeOffset now)
    {
        var (unit, program) = (contract.PurchasingUnitId, contract.ProgramId);
        var totals = Totals(lines.Where(l => l.PurchasingUnitId == unit && l.ProgramId == program && l.FiscalYear == year));
        var target = Math.Max(0, totals.Appropriated + change);
        if (target < totals.Engaged)
        {
            throw new RuleViolationException(DisbursementCodes.AppropriationBelowEngaged, "amount", year, target, totals.Engaged);
        }

        var delta = target - totals.Appropriated;
        var on = new LedgerDimensions(unit, program, year);
        return delta switch
        {
            > 0 => [LedgerMovement.Of(MovementKind.Appropriate, Accounts.Appropriation(unit, program, year), Accounts.Budget(unit, program, year), delta, on, "admin", now)],
            < 0 => [LedgerMovement.Of(MovementKind.Deappropriate, Accounts.Budget(unit, program, year), Accounts.Appropriation(unit, program, year), -delta, on, "admin", now)],
            _ => [],
        };
    }

    /// <summary>An amendment lowering the contract amount: what is engaged stays, later approvals meet the lower limit.</summary>
    private static IReadOnlyList<LedgerMovement> Cut(ContractAccount contract, Random random, List<LedgerLine> lines)
    {
        var engaged = Totals(lines.Where(l => l.ContractId == contract.ContractId)).Engaged;
        contract.Amend(Math.Max(engaged, decimal.Round(contract.Amount * (0.9m + (random.Next(10) / 100m)), 2)), contract.End);
        return [];
    }
}
