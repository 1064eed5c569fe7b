namespace Procurement.Contracting.Domain;

/// <summary>
/// The run of consecutive contracts of one program with one agency that ends in a contract: its predecessors,
/// followed back while each is the same agency's and ended the day before its successor started. The three-year
/// cap (财政部令第102号) counts from the first day of that run.
/// </summary>
public static class ContractChain
{
    /// <summary>The first day of the consecutive run that <paramref name="contract"/> belongs to.</summary>
    public static DateOnly ConsecutiveSince(Contract contract, Func<Guid, Contract?> find)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(find);
        var since = contract.Start;
        var current = contract;
        var seen = new HashSet<Guid> { contract.Id };
        while (current.PredecessorId is { } predecessorId && seen.Add(predecessorId) && find(predecessorId) is { } predecessor
               && predecessor.AgencyId == contract.AgencyId && predecessor.End.AddDays(1) == current.Start)
        {
            since = predecessor.Start;
            current = predecessor;
        }

        return since;
    }
}
