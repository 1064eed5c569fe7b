using System.Globalization;
using Procurement.Contracts.Tendering;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Disbursement.Messaging;

/// <summary>
/// Opens a contract's account with its instalments (DOMAIN.md §9), whether at activation or, for a successor, at
/// signing: the plan of its schedule, the advance due on the day given. A schedule or a payment term that breaks §9 is
/// not guessed at (no clamping): the contract is kept, with the term as stated and the problem, for people to see,
/// and nothing is scheduled.
/// </summary>
internal static class ContractScheduling
{
    /// <param name="db">The consumer's unit of work; nothing is saved here.</param>
    /// <param name="contract">The new account, added to <paramref name="db"/>.</param>
    /// <param name="schedule">The schedule as the contract states it; empty means the table's default.</param>
    /// <param name="rules">Disbursement's numbers of §9 (the payment term).</param>
    /// <param name="advanceDueOn">The day the advance (the first instalment, when its condition is the start of service) falls due.</param>
    /// <param name="advancePayBy">The last day it may be paid when earlier than the payment term allows (never before it falls due).</param>
    /// <param name="now">When (UTC), for the events.</param>
    /// <param name="logger">Where a refused schedule is reported.</param>
    public static void Schedule(
        this DisbursementDb db, ContractAccount contract, IReadOnlyList<InstalmentTerms>? schedule, DisbursementRules rules,
        DateOnly advanceDueOn, DateOnly? advancePayBy, DateTimeOffset now, ILogger logger)
    {
        db.Contracts.Add(contract);
        IReadOnlyList<PlannedInstalment> plan;
        try
        {
            rules.PaymentTermDays(contract.PaymentTermDays);
            var lines = (schedule ?? []).Select(t => new ScheduleLine(t.Percent, SchedulePlan.ParseCondition(t.Condition))).ToList();
            plan = SchedulePlan.For(contract.Amount, lines);
        }
        catch (RuleViolationException refused)
        {
            var problem = ProblemMessages.Get(CultureInfo.InvariantCulture, refused.Code, [.. refused.Args]);
            contract.RefuseSchedule(problem);
            logger.LogWarning("Contract {ContractId} has a schedule Disbursement cannot pay; nothing is scheduled: {Problem}", contract.ContractId, problem);
            return;
        }

        foreach (var planned in plan)
        {
            var instalment = Instalment.Plan(contract.ContractId, planned, contract.PaymentTermDays);
            db.Instalments.Add(instalment);
            if (planned.Condition is PaymentCondition.Activation or PaymentCondition.BridgeStart && planned.Sequence == 1)
            {
                db.Record(instalment, contract, instalment.FallDue(advanceDueOn, advancePayBy), null, now);
            }
        }
    }
}
