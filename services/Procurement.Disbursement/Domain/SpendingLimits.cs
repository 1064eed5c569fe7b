using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Domain;

/// <summary>
/// What the ledger says about the money an approval would commit, read just before it: the contract's amount and
/// what is already engaged on it (committed, released or paid), and the appropriation still available to the
/// purchaser for the contract's program in the fiscal year.
/// </summary>
public sealed record FundingPosition(decimal ContractAmount, decimal ContractEngaged, int FiscalYear, decimal AppropriationAvailable);

/// <summary>
/// The two limits of DOMAIN.md §9: never more than the contract amount in total, never more than the purchaser's
/// appropriation for the program and fiscal year. A refusal names the limit and the excess, to the fen.
/// </summary>
public static class SpendingLimits
{
    public static void Check(FundingPosition position, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(position);
        var contractExcess = position.ContractEngaged + amount - position.ContractAmount;
        if (contractExcess > 0)
        {
            throw Refusal(DisbursementCodes.ContractLimitExceeded, "contract", contractExcess,
                amount, position.ContractAmount, position.ContractEngaged, contractExcess);
        }

        var appropriationExcess = amount - position.AppropriationAvailable;
        if (appropriationExcess > 0)
        {
            throw Refusal(DisbursementCodes.AppropriationLimitExceeded, "appropriation", appropriationExcess,
                amount, position.FiscalYear, position.AppropriationAvailable, appropriationExcess);
        }
    }

    private static RuleViolationException Refusal(string code, string limit, decimal excess, params object?[] args)
    {
        var refusal = new RuleViolationException(code, null, args);
        refusal.Extensions["limit"] = limit;
        refusal.Extensions["excess"] = excess;
        return refusal;
    }
}
