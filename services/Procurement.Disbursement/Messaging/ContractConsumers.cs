using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Contracting;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Messaging;

/// <summary>
/// An active contract gets its instalments (DOMAIN.md §9); the advance falls due at once. Every instalment is to be
/// paid within the contract's agreed payment term (30 days unless agreed otherwise, at most the table's maximum).
/// A successor was scheduled when it was signed (<see cref="ContractSignedConsumer"/>): its activation is only recorded,
/// nothing is scheduled twice.
/// </summary>
public sealed class ContractActivatedConsumer(DisbursementDb db, DisbursementRules rules, TimeProvider clock, ILogger<ContractActivatedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, ContractActivated>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractActivated message, ConsumeContext<ContractActivated> context)
    {
        var known = await Db.Contracts.FirstOrDefaultAsync(c => c.ContractId == message.ContractId, context.CancellationToken);
        if (known is not null)
        {
            known.RecordActivation(message.ActivatedAt);
            return;
        }

        var contract = ContractAccount.Activated(
            message.ContractId, message.ProgramId, message.PurchasingUnitId, message.AgencyId, message.Amount, message.Start, message.End,
            message.PaymentTermDays, message.ActivatedAt);
        Db.Schedule(contract, message.PaymentSchedule, rules, message.ActivatedAt.ShanghaiDate(), advancePayBy: null, Clock.GetUtcNow(), logger);
    }
}

/// <summary>
/// Cash before service (DOMAIN.md §2): a successor — a renewal, or a new award for a program already served — gets its
/// account and instalments when both parties sign, not when it starts, so that its advance falls due on the signing day
/// and is to be paid by the start date, or within the payment term when that comes first. Any other contract is
/// scheduled at activation as before; a contract Disbursement already knows (activated first, or a redelivery) changes nothing.
/// </summary>
public sealed class ContractSignedConsumer(DisbursementDb db, DisbursementRules rules, TimeProvider clock, ILogger<ContractSignedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, ContractSigned>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractSigned message, ConsumeContext<ContractSigned> context)
    {
        if (!message.Successor || await Db.Contracts.AnyAsync(c => c.ContractId == message.ContractId, context.CancellationToken))
        {
            return;
        }

        var contract = ContractAccount.Signed(
            message.ContractId, message.ProgramId, message.PurchasingUnitId, message.AgencyId, message.Amount, message.Start, message.End,
            message.PaymentTermDays, message.SignedAt);
        // Pay-by is the start date, but never before the signing day: a successor signed on or after its start is due at once.
        Db.Schedule(contract, message.PaymentSchedule, rules, message.SignedAt.ShanghaiDate(), advancePayBy: message.Start, Clock.GetUtcNow(), logger);
    }
}

/// <summary>
/// A contract's new terms. A bridge extension (过渡期延续) adds an instalment for the added amount, due at once and
/// to be paid on or before the extension's first day (the day after the previous end: cash before service, §2), or
/// within the contract's payment term when that comes first. A contract kept with a schedule problem gets none:
/// Disbursement schedules nothing it cannot pay.
/// </summary>
public sealed class ContractAmendedConsumer(DisbursementDb db, TimeProvider clock, ILogger<ContractAmendedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, ContractAmended>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractAmended message, ConsumeContext<ContractAmended> context)
    {
        var ct = context.CancellationToken;
        var contract = await Db.Contracts.FirstOrDefaultAsync(c => c.ContractId == message.ContractId, ct);
        if (contract is null)
        {
            logger.LogWarning("Contract {ContractId} was amended before Disbursement knew it was active; the amendment is ignored", message.ContractId);
            return;
        }

        var previousAmount = contract.Amount;
        var previousEnd = contract.Amend(message.Amount, message.End);
        var added = message.Amount - previousAmount;
        if (message.BridgeMonths is null || added <= 0 || contract.HasEnded || contract.ScheduleProblem is not null)
        {
            return;
        }

        var last = await Db.Instalments.Where(i => i.ContractId == contract.ContractId).MaxAsync(i => (int?)i.Sequence, ct) ?? 0;
        var instalment = Instalment.Plan(contract.ContractId, SchedulePlan.Bridge(last, added, message.Amount), contract.PaymentTermDays);
        Db.Instalments.Add(instalment);
        Db.Record(instalment, contract, instalment.FallDue(message.AmendedAt.ShanghaiDate(), payBy: previousEnd.AddDays(1)), null, Clock.GetUtcNow());
    }
}

/// <summary>
/// A contract completed or was terminated: what has not fallen due never will. A successor that ended before it was
/// ever active gave no service, so its advance (due since signing) is not owed either while no money is engaged for
/// it; one already approved, released or paid is left for people to settle.
/// </summary>
public sealed class ContractEndedConsumer(DisbursementDb db, TimeProvider clock, ILogger<ContractEndedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, ContractEnded>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractEnded message, ConsumeContext<ContractEnded> context)
    {
        var ct = context.CancellationToken;
        var contract = await Db.Contracts.FirstOrDefaultAsync(c => c.ContractId == message.ContractId, ct);
        if (contract is null || contract.HasEnded)
        {
            return;
        }

        contract.Ended(message.Outcome, message.EndedAt);
        var now = Clock.GetUtcNow();
        var served = contract.ActivatedAt is not null;
        var cancellable = served ? Instalment.CancellableOnceServed : Instalment.CancellableUnserved;
        foreach (var instalment in await Db.Instalments.Where(i => i.ContractId == contract.ContractId && cancellable.Contains(i.Status)).ToListAsync(ct))
        {
            Db.Record(instalment, contract, instalment.Cancel(message.Outcome, served), null, now);
        }
    }
}
