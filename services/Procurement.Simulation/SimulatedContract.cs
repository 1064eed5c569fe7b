using Procurement.Contracting.Domain;

namespace Procurement.Simulation;

/// <summary>A program's gap days: days no active contract funded, and days funded but with cash below the accrued cost minus the advance.</summary>
public sealed record ProgramGaps(int NotActiveDays, int CashDays)
{
    public int Days => NotActiveDays + CashDays;
}

/// <summary>One contract of a simulated program, with what the simulator tracks beside the domain object.</summary>
public sealed class SimulatedContract(int ordinal, Contract contract, ContractPayments payments, PerformanceGrade grade, DateOnly consecutiveSince)
{
    /// <summary>The program's k-th contract (0 for the first): its draws are keyed by it, and the timeline reads contracts in this order.</summary>
    public int Ordinal { get; } = ordinal;

    public Contract Contract { get; } = contract;

    public ContractPayments Payments { get; } = payments;

    /// <summary>The grade its mid-term and final evaluations give (drawn once per contract).</summary>
    public PerformanceGrade Grade { get; } = grade;

    /// <summary>The first day of its consecutive run with its agency when it was signed (<see cref="ContractChain.ConsecutiveSince"/>).</summary>
    public DateOnly ConsecutiveSince { get; } = consecutiveSince;

    public DateOnly? MidTermOn { get; set; }

    public bool MidTermDone { get; set; }

    public bool FinalDone { get; set; }

    /// <summary>The end of the last period a bridge was looked at for: the platform proposes once per contract and period.</summary>
    public DateOnly? BridgeTriedFor { get; set; }
}
