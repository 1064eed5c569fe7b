using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Evaluation.Awards.Domain;

namespace Procurement.Simulation;

/// <summary>
/// The procurement of a contract's successor, planned step by step when renewal work starts: each step its minimum
/// (<see cref="ProcurementSteps"/>) plus a drawn delay.
/// <list type="bullet">
/// <item>New tender: preparation and publication, bidding, evaluation, the award notice and its challenge window
/// (<see cref="ChallengeWindow"/>: 7 working days), the award (the successor is drafted), signing.</item>
/// <item>Direct renewal: negotiation (then the lifecycle's <c>Renew</c> drafts the successor), signing.</item>
/// </list>
/// </summary>
public sealed class SuccessorProcurement
{
    private SuccessorProcurement(RenewalPath path, DateOnly? publishOn, DateOnly draftOn, DateOnly signOn)
    {
        Path = path;
        PublishOn = publishOn;
        DraftOn = draftOn;
        SignOn = signOn;
    }

    public RenewalPath Path { get; }

    /// <summary>The tender's publication; null for a direct renewal.</summary>
    public DateOnly? PublishOn { get; }

    /// <summary>The successor is drafted: the award, or the direct renewal.</summary>
    public DateOnly DraftOn { get; }

    /// <summary>Both parties sign the successor.</summary>
    public DateOnly SignOn { get; }

    public Contract? Successor { get; set; }

    public static SuccessorProcurement Plan(RenewalPath path, DateOnly startedOn, Draws draws, SimulationWorld world)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(world);
        var steps = world.Steps;
        int Delay() => world.Options.ProcurementDelay.Days(draws, world.ProcurementCap);

        if (path == RenewalPath.DirectRenewal)
        {
            var renewed = startedOn.AddDays(steps.NegotiationDays + Delay());
            return new SuccessorProcurement(path, null, renewed, renewed.AddDays(steps.SigningDays + Delay()));
        }

        var published = startedOn.AddDays(steps.PreparationDays + Delay());
        var bidsClosed = published.AddDays(steps.BiddingDays + Delay());
        var evaluated = bidsClosed.AddDays(steps.EvaluationDays + Delay());
        var challengeEnds = ChallengeWindow.Open(SimulationCalendar.Noon(evaluated), world.Calendar, world.AwardRules).LastDay;
        var awarded = challengeEnds.AddDays(1 + Delay());
        return new SuccessorProcurement(path, published, awarded, awarded.AddDays(steps.SigningDays + Delay()));
    }
}
