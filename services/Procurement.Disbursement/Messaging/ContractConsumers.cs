using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Contracting;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Messaging;

/// <summary>
/// An active contract gets its instalments (DOMAIN.md §9); the advance falls due at once. Every instalment is to be
/// paid within the contract's agreed payment term (30 days unless agreed otherwise, at most the table's maximum).
/// A schedule or a payment term that breaks §9 is not guessed at (no clamping): the contract is kept, with the term
/// as stated and the problem, for people to see, and nothing is scheduled.
/// </summary>
public sealed class ContractActivatedConsumer(DisbursementDb db, DisbursementRules rules, TimeProvider clock, ILogger<ContractActivatedConsumer> logger)
    : IdempotentConsumer<DisbursementDb, ContractActivated>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractActivated message, ConsumeContext<ContractActivated> context)
    {
        if (await Db.Contracts.AnyAsync(c => c.ContractId == message.ContractId, context.CancellationToken))
        {
            return;
        }

        var contract = ContractAccount.Activated(
            message.ContractId, message.ProgramId, message.PurchasingUnitId, message.AgencyId, message.Amount, message.Start, message.End,
            message.PaymentTermDays, message.ActivatedAt);
        Db.Contracts.Add(contract);
        IReadOnlyList<PlannedInstalment> plan;
        try
        {
            rules.PaymentTermDays(message.PaymentTermDays);
            var shares = (message.PaymentSchedule ?? []).Select(t => new ScheduledShare(t.Percent, SchedulePlan.ParseCondition(t.Condition))).ToList();
            plan = SchedulePlan.For(message.Amount, shares, rules);
        }
        catch (RuleViolationException refused)
        {
            var problem = ProblemMessages.Get(CultureInfo.InvariantCulture, refused.Code, [.. refused.Args]);
            contract.RefuseSchedule(problem);
            logger.LogWarning("Contract {ContractId} was activated with a schedule Disbursement cannot pay: {Problem}", message.ContractId, problem);
            return;
        }

        var now = Clock.GetUtcNow();
        foreach (var planned in plan)
        {
            var instalment = Instalment.Plan(contract.ContractId, planned, contract.PaymentTermDays);
            Db.Instalments.Add(instalment);
            if (planned.Condition is PaymentCondition.Activation or PaymentCondition.BridgeStart && planned.Sequence == 1)
            {
                Db.Record(instalment, contract, instalment.FallDue(message.ActivatedAt.ShanghaiDate()), null, now);
            }
        }
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
        var percent = Math.Min(DisbursementRules.WholePercent, decimal.Round(added * DisbursementRules.WholePercent / message.Amount, 2, MidpointRounding.AwayFromZero));
        var instalment = Instalment.Plan(contract.ContractId, new PlannedInstalment(last + 1, percent, PaymentCondition.BridgeStart, added), contract.PaymentTermDays);
        Db.Instalments.Add(instalment);
        Db.Record(instalment, contract, instalment.FallDue(message.AmendedAt.ShanghaiDate(), payBy: previousEnd.AddDays(1)), null, Clock.GetUtcNow());
    }
}

/// <summary>A contract completed or was terminated: what has not fallen due never will.</summary>
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
        foreach (var instalment in await Db.Instalments.Where(i => i.ContractId == contract.ContractId && i.Status == InstalmentStatus.Scheduled).ToListAsync(ct))
        {
            Db.Record(instalment, contract, instalment.Cancel(message.Outcome), null, now);
        }
    }
}
