using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracts.Evaluation;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Contracting.Messaging;

/// <summary>Drafts the contract of a confirmed award (DOMAIN.md §7): its amount, period, KPIs, payment schedule, parties and bid, with the default payment term.</summary>
public sealed class AwardConfirmedConsumer(ContractingDb db, ContractRules rules, TimeProvider clock, ILogger<AwardConfirmedConsumer> logger)
    : IdempotentConsumer<ContractingDb, AwardConfirmed>(db, clock, logger)
{
    protected override async Task HandleAsync(AwardConfirmed message, ConsumeContext<AwardConfirmed> context)
    {
        if (await Db.Contracts.AnyAsync(c => c.AwardId == message.AwardId, context.CancellationToken))
        {
            return;
        }

        var contract = Contract.Draft(
            new ContractDraft(
                message.ProgramId, message.PurchasingUnitId, message.AgencyId, message.AgencyName, message.BidId, message.Amount,
                message.ServiceStart, message.ServiceEnd,
                [.. (message.Kpis ?? []).Select(k => new ContractKpi(k.Name, k.Unit, k.Target))],
                [.. (message.PaymentSchedule ?? []).Select(i => new ContractInstalment(i.Percent, i.Condition))],
                message.TenderId, message.AwardId, PredecessorId: null, PaymentTermDays: rules.DefaultPaymentTermDays),
            Clock.GetUtcNow());
        Db.Contracts.Add(contract);
        Db.RaiseChanges(contract);
    }
}
