using Procurement.ServiceDefaults.Problems;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>DOMAIN.md §3: in a fixed-price tender every bid's price equals the budget ceiling, to the fen.</summary>
public static class FixedPriceRule
{
    public static void Check(decimal bidPrice, decimal budgetCeiling)
    {
        if (bidPrice != budgetCeiling)
        {
            throw new RuleViolationException(RuleCodes.FixedPriceNotCeiling, "price", bidPrice, budgetCeiling);
        }
    }
}
