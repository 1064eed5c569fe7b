using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Continuity;

/// <summary>The numbers behind a renewal proposal that the screen states.</summary>
public static class RenewalReasons
{
    /// <summary>Months left under the cap of consecutive months with the same agency (never below zero).</summary>
    public static decimal MonthsLeft(ProposalView proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return Math.Max(0, proposal.CapMonths - proposal.ConsecutiveMonths);
    }
}
