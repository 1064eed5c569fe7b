using Procurement.Contracting.Domain;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracting.Data;

/// <summary>
/// Raises a contract's integration events from the activities it recorded, into the same unit of work: one
/// <see cref="ContractStateChanged"/> per trigger fired (those that keep the state included), plus the event that
/// carries the particulars of the trigger (drafted, activated, amended, renewed, ended); and, for the triggers in
/// <see cref="ContractNotification.Notified"/>, one notice in each party's inbox. Every trigger is saved through here.
/// </summary>
public static class ContractOutbox
{
    public static void RaiseChanges(this ContractingDb db, Contract contract)
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

    private static ContractDrafted Drafted(Contract contract, DateTimeOffset at) => new(
        contract.Id, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.BidId,
        contract.Versions[0].Amount, contract.Versions[0].Start, contract.Versions[0].End, Kpis(contract.Versions[0].Kpis),
        Schedule(contract.Versions[0].PaymentSchedule), contract.PredecessorId, at);

    private static List<KpiTerms> Kpis(IReadOnlyList<ContractKpi> kpis) => [.. kpis.Select(k => new KpiTerms(k.Name, k.Unit, k.Target))];

    private static List<InstalmentTerms> Schedule(IReadOnlyList<ContractInstalment> schedule) =>
        [.. schedule.Select(i => new InstalmentTerms(i.Percent, i.Condition))];
}
