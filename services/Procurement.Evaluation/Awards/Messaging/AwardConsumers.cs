using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.Awards.Messaging;

/// <summary>Keeps the award stage's copy of a published tender's terms (what <see cref="AwardConfirmed"/> carries).</summary>
public sealed class TenderTermsForAwardConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderTermsForAwardConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderPublished>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderPublished message, ConsumeContext<TenderPublished> context)
    {
        if (await Db.Set<TenderAwardTerms>().AnyAsync(t => t.TenderId == message.TenderId, context.CancellationToken))
        {
            return;
        }

        Db.Set<TenderAwardTerms>().Add(new TenderAwardTerms(
            message.TenderId, message.ProgramId, message.PurchasingUnitId, message.Title, message.ProcurementMethod,
            message.ServiceStart, message.ServiceEnd, Kpis(message.Kpis), Schedule(message.PaymentSchedule)));
    }

    internal static IReadOnlyList<KpiTerm> Kpis(IReadOnlyList<KpiTerms>? kpis) =>
        [.. (kpis ?? []).Select(k => new KpiTerm(k.Name, k.Unit, k.Target))];

    internal static IReadOnlyList<InstalmentTerm> Schedule(IReadOnlyList<InstalmentTerms>? schedule) =>
        [.. (schedule ?? []).Select(i => new InstalmentTerm(i.Percent, i.Condition))];
}

/// <summary>An amendment replaces the kept terms (service period, KPIs, payment schedule).</summary>
public sealed class TenderAmendedForAwardConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderAmendedForAwardConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderAmended>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderAmended message, ConsumeContext<TenderAmended> context)
    {
        var terms = await Db.Set<TenderAwardTerms>().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        terms?.Amend(message.ServiceStart, message.ServiceEnd,
            TenderTermsForAwardConsumer.Kpis(message.Kpis), TenderTermsForAwardConsumer.Schedule(message.PaymentSchedule));
    }
}

/// <summary>A cancelled tender's award, if not yet confirmed, falls with it.</summary>
public sealed class TenderCancelledForAwardConsumer(EvaluationDb db, TimeProvider clock, ILogger<TenderCancelledForAwardConsumer> logger)
    : IdempotentConsumer<EvaluationDb, TenderCancelled>(db, clock, logger)
{
    protected override async Task HandleAsync(TenderCancelled message, ConsumeContext<TenderCancelled> context)
    {
        var terms = await Db.Set<TenderAwardTerms>().FirstOrDefaultAsync(t => t.TenderId == message.TenderId, context.CancellationToken);
        terms?.Cancel();
        var award = await Db.Set<Award>().FirstOrDefaultAsync(a => a.TenderId == message.TenderId, context.CancellationToken);
        award?.Cancel();
    }
}
