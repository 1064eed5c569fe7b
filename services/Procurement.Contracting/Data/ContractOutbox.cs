using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Domain;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracting.Data;

/// <summary>
/// Raises a contract's integration events from the activities it recorded, into the same unit of work: one
/// <see cref="ContractStateChanged"/> per trigger fired (those that keep the state included), plus the event that
/// carries the particulars of the trigger (drafted, signed by both, activated, amended, renewed, ended); and, for the
/// triggers in <see cref="ContractNotification.Notified"/>, one notice in each party's inbox. Every trigger is saved through here.
/// </summary>
public static class ContractOutbox
{
    /// <param name="db">The unit of work the events are saved in.</param>
    /// <param name="contract">The contract whose unpublished activities are raised.</param>
    /// <param name="successor">
    /// Whether the contract follows an earlier one of its program (<see cref="FollowsAnotherAsync"/>): needed, and only
    /// read, when the activities include the second signature, which raises <see cref="ContractSigned"/>.
    /// </param>
    /// <param name="maxExtentDate">
    /// The last day of the three-year cap for the contract's consecutive run (<see cref="ContractStore.ConsecutiveSinceAsync"/>),
    /// carried by <see cref="ContractSigned"/> for the open data's <c>contractPeriod.maxExtentDate</c>; read, like
    /// <paramref name="successor"/>, only with the second signature.
    /// </param>
    public static void RaiseChanges(this ContractingDb db, Contract contract, bool? successor = null, DateOnly? maxExtentDate = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        foreach (var activity in contract.TakeUnpublished())
        {
            if (activity.Trigger is not { } trigger)
            {
                db.Raise(Drafted(contract, activity.OccurredAt));
                continue;
            }

            db.Raise(new ContractStateChanged(
                contract.Id, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, trigger.ToString(),
                activity.From.ToString(), activity.To.ToString(), activity.Reason, activity.ActorId, activity.OccurredAt));
            db.Notifications.AddRange(ContractNotification.ForBothParties(contract, trigger, activity.Reason, activity.OccurredAt));
            switch (trigger)
            {
                case ContractTrigger.Sign when CompletesSignatures(contract, activity):
                    db.Raise(new ContractSigned(
                        contract.Id, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.Amount,
                        contract.Start, contract.End, Schedule(contract.PaymentSchedule), contract.PaymentTermDays, contract.PredecessorId,
                        successor ?? throw new InvalidOperationException(
                            $"Contract {contract.Id} was signed by both parties: whether it follows another contract of its program must be given."),
                        activity.OccurredAt, contract.AwardId, maxExtentDate, contract.AgencyName));
                    break;
                case ContractTrigger.Activate:
                    db.Raise(new ContractActivated(
                        contract.Id, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.BidId,
                        contract.Amount, contract.Start, contract.End, Kpis(contract.Kpis), Schedule(contract.PaymentSchedule),
                        contract.PredecessorId, activity.OccurredAt, contract.PaymentTermDays));
                    break;
                case ContractTrigger.Amend or ContractTrigger.ExtendBridge:
                    var version = contract.Versions.Single(v => v.Number == activity.TermsVersion);
                    db.Raise(new ContractAmended(
                        contract.Id, version.Number, version.ReasonCode!, version.Text ?? "", version.Amount, version.End, version.BridgeMonths,
                        activity.OccurredAt));
                    break;
                case ContractTrigger.Renew:
                    db.Raise(new ContractRenewed(contract.Id, contract.SuccessorId!.Value, contract.ProgramId, contract.End.AddDays(1), activity.OccurredAt));
                    break;
                case ContractTrigger.Terminate:
                    db.Raise(new ContractEnded(
                        contract.Id, contract.ProgramId, contract.AgencyId, contract.BidId, nameof(ContractState.Terminated), contract.TerminationReason,
                        contract.AmountPaid, activity.OccurredAt));
                    break;
                case ContractTrigger.Complete:
                    db.Raise(new ContractEnded(
                        contract.Id, contract.ProgramId, contract.AgencyId, contract.BidId, nameof(ContractState.Completed), null, null, activity.OccurredAt));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Whether the contract follows an earlier one of its program (DOMAIN.md §2): it renews a predecessor, or the program was
    /// already served — another of its contracts, signed by both parties and not terminated before it was ever active,
    /// starts before this one. A draft never signed, or a contract withdrawn before its start, served nobody.
    /// </summary>
    public static async Task<bool> FollowsAnotherAsync(this ContractingDb db, Contract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        return contract.PredecessorId is not null
            || await db.Contracts.AsNoTracking().AnyAsync(
                c => c.ProgramId == contract.ProgramId && c.Id != contract.Id && c.Start < contract.Start
                    && c.PurchaserSignedAt != null && c.AgencySignedAt != null
                    && (c.State != ContractState.Terminated || c.ActivatedAt != null),
                cancellationToken);
    }

    /// <summary>The signature that made the contract signed by both: the last one recorded, once both are there.</summary>
    private static bool CompletesSignatures(Contract contract, ContractActivity activity) =>
        contract.BothSigned && activity.Sequence == contract.Activities.Last(a => a.Trigger == ContractTrigger.Sign).Sequence;

    private static ContractDrafted Drafted(Contract contract, DateTimeOffset at) => new(
        contract.Id, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.BidId,
        contract.Versions[0].Amount, contract.Versions[0].Start, contract.Versions[0].End, Kpis(contract.Versions[0].Kpis),
        Schedule(contract.Versions[0].PaymentSchedule), contract.PredecessorId, at);

    private static List<KpiTerms> Kpis(IReadOnlyList<ContractKpi> kpis) => [.. kpis.Select(k => new KpiTerms(k.Name, k.Unit, k.Target))];

    private static List<InstalmentTerms> Schedule(IReadOnlyList<ContractInstalment> schedule) =>
        [.. schedule.Select(i => new InstalmentTerms(i.Percent, i.Condition))];
}
