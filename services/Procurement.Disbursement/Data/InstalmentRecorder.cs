using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Domain;

namespace Procurement.Disbursement.Data;

/// <summary>
/// Saves what a step of an instalment changed, in the unit of work of the status change itself: the ledger lines
/// of its movements and its integration events (every status change, and the due and paid events).
/// </summary>
public static class InstalmentRecorder
{
    public static void Record(this DisbursementDb db, Instalment instalment, ContractAccount contract, InstalmentChange change, string? actorId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(change);
        db.Book(change.Movements);
        if (change.From == change.To)
        {
            return;
        }

        db.Raise(new InstalmentStatusChanged(
            instalment.Id, instalment.ContractId, change.From.ToString(), change.To.ToString(),
            Guid.TryParse(actorId, out var actor) ? actor : null, change.Reason, at));
        if (change.To == InstalmentStatus.Due && instalment.DueOn is { } dueOn && instalment.PayBy is { } payBy)
        {
            db.Raise(new InstalmentDue(
                instalment.Id, contract.ContractId, contract.ProgramId, instalment.Sequence, instalment.Amount,
                instalment.Condition.ToString(), dueOn, payBy, at));
        }

        if (change.To == InstalmentStatus.Paid && instalment.PaidOn is { } paidOn)
        {
            db.Raise(new InstalmentPaid(
                instalment.Id, contract.ContractId, contract.ProgramId, contract.AgencyId, contract.PurchasingUnitId, instalment.Amount,
                paidOn, instalment.DaysFromDue(paidOn) ?? 0, instalment.IsLate(paidOn), at));
        }
    }
}
