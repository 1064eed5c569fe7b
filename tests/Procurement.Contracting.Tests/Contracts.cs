using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Contracting.Tests;

/// <summary>Contracts for domain tests: 2026-11-25 10:00 in Shanghai, a purchasing unit and an agency.</summary>
internal static class Contracts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly Guid Purchaser = Guid.NewGuid();
    public static readonly Guid Agency = Guid.NewGuid();
    public static readonly Guid Program = Guid.NewGuid();
    public static readonly ContractRules Rules = ContractRules.Default;

    public static readonly IReadOnlyList<ContractKpi> Kpis = [new("Service hours", "hours", 2400m), new("Satisfaction", "%", 90m)];

    public static readonly IReadOnlyList<ContractInstalment> Schedule =
        [new(30m, "Activation"), new(40m, "MidTermPassed"), new(30m, "FinalPassed")];

    public static Contract Drafted(DateOnly start, DateOnly end, decimal amount = 120_000.00m, Guid? agency = null, Guid? predecessor = null) =>
        Contract.Draft(
            new ContractDraft(Program, Purchaser, agency ?? Agency, "Sunshine Social Work Service Centre", Guid.NewGuid(), amount, start, end, Kpis, Schedule,
                Guid.NewGuid(), Guid.NewGuid(), predecessor),
            Now);

    /// <summary>Drafted and signed by both parties, not yet active.</summary>
    public static Contract Signed(DateOnly start, DateOnly end, decimal amount = 120_000.00m)
    {
        var contract = Drafted(start, end, amount);
        contract.Sign(ContractParty.Purchaser, Guid.NewGuid(), Rules, Now);
        contract.Sign(ContractParty.Agency, Guid.NewGuid(), Rules, Now);
        return contract;
    }

    /// <summary>Active since today, for a year.</summary>
    public static Contract Active(DateOnly? start = null, DateOnly? end = null, decimal amount = 120_000.00m)
    {
        var from = start ?? Today;
        var contract = Signed(from, end ?? from.AddYears(1).AddDays(-1), amount);
        contract.Activate(Rules, At(from));
        return contract;
    }

    /// <summary>10:00 in Shanghai on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    public static ConflictException Refused(Action action) =>
        action.Should().Throw<ConflictException>().Which;

    public static RuleViolationException Broken(Action action) =>
        action.Should().Throw<RuleViolationException>().Which;
}
