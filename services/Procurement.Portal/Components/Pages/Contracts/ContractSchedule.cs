using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>The payment schedule in yuan: each instalment its percent of the amount to the fen, the remainder on the last (DOMAIN.md §9).</summary>
public static class ContractSchedule
{
    public static IReadOnlyList<(ContractInstalment Instalment, decimal Amount)> Amounts(decimal amount, IEnumerable<ContractInstalment> schedule)
    {
        var instalments = schedule.ToList();
        var result = new List<(ContractInstalment, decimal)>();
        var left = amount;
        for (var i = 0; i < instalments.Count; i++)
        {
            var share = i == instalments.Count - 1 ? left : decimal.Round(amount * instalments[i].Percent / 100m, 2, MidpointRounding.AwayFromZero);
            left -= share;
            result.Add((instalments[i], share));
        }

        return result;
    }
}
