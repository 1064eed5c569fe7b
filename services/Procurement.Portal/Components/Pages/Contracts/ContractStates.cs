using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>How a contract state is shown: its text key (<c>State_Active</c> in ContractText) and its tag colour.</summary>
public static class ContractStates
{
    public static string Key(ContractState state) => "State_" + state;

    public static string Key(string state) => "State_" + state;

    /// <summary>AntDesign preset colours: waiting blue, running green, paused orange, ending gold, over grey or red.</summary>
    public static string Colour(ContractState state) => state switch
    {
        ContractState.Draft => "default",
        ContractState.PendingSignature => "blue",
        ContractState.Active => "green",
        ContractState.Suspended => "orange",
        ContractState.Expiring => "gold",
        ContractState.Completed => "cyan",
        ContractState.Renewed => "purple",
        ContractState.Terminated => "red",
        _ => "default",
    };

    /// <summary>States in which the contract still runs (its end is still to come).</summary>
    public static bool Running(ContractState state) => state is ContractState.Active or ContractState.Suspended or ContractState.Expiring;
}

/// <summary>
/// The filters of the contract list. The API filters only by program and tender; the page loads the caller's contracts
/// once and filters state, program and "ending within N days" itself from the listed fields.
/// </summary>
public sealed class ContractListFilter
{
    public ContractState? State { get; set; }

    public Guid? ProgramId { get; set; }

    /// <summary>Running contracts whose last day is at most this many days from today (null: any).</summary>
    public int? EndingWithinDays { get; set; }

    /// <summary>Days from today to the last day of the contract (negative once it has ended).</summary>
    public static int DaysToEnd(ContractSummary contract, DateOnly today) => contract.End.DayNumber - today.DayNumber;

    public IReadOnlyList<ContractSummary> Apply(IEnumerable<ContractSummary> contracts, DateOnly today) =>
    [
        .. contracts
            .Where(c => State is null || c.State == State)
            .Where(c => ProgramId is null || c.ProgramId == ProgramId)
            .Where(c => EndingWithinDays is not { } days || (ContractStates.Running(c.State) && DaysToEnd(c, today) is var left && left >= 0 && left <= days))
            .OrderBy(c => c.End),
    ];
}
