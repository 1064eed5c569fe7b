using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.BidEvaluation.Domain;
using EvaluationStage = Procurement.Evaluation.BidEvaluation.Domain.EvaluationStage;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Evaluation.BidEvaluation.Data;

/// <summary>Loading and saving the bid-evaluation entities, and the events the stage changes raise.</summary>
internal static class EvaluationStore
{
    public static DbSet<Expert> Experts(this EvaluationDb db) => db.Set<Expert>();

    public static DbSet<ConflictDeclaration> ExpertConflicts(this EvaluationDb db) => db.Set<ConflictDeclaration>();

    public static DbSet<ProgramDomain> ProgramDomains(this EvaluationDb db) => db.Set<ProgramDomain>();

    public static DbSet<EvaluatedTender> EvaluatedTenders(this EvaluationDb db) => db.Set<EvaluatedTender>();

    public static DbSet<EvaluatedBid> EvaluatedBids(this EvaluationDb db) => db.Set<EvaluatedBid>();

    public static DbSet<Panel> Panels(this EvaluationDb db) => db.Set<Panel>();

    public static DbSet<ScoreSheet> ScoreSheets(this EvaluationDb db) => db.Set<ScoreSheet>();

    public static async Task<EvaluatedTender> TenderAsync(this EvaluationDb db, Guid tenderId, CancellationToken ct) =>
        await db.EvaluatedTenders().FirstOrDefaultAsync(t => t.TenderId == tenderId, ct)
        ?? throw new NotFoundException(ProblemMessages.Get("evaluation"), tenderId);

    public static Task<List<EvaluatedBid>> BidsAsync(this EvaluationDb db, Guid tenderId, CancellationToken ct) =>
        db.EvaluatedBids().Where(b => b.TenderId == tenderId).OrderBy(b => b.Price).ThenBy(b => b.BidId).ToListAsync(ct);

    public static Task<Panel?> PanelAsync(this EvaluationDb db, Guid tenderId, CancellationToken ct) =>
        db.Panels().FirstOrDefaultAsync(p => p.TenderId == tenderId, ct);

    public static async Task<Panel> RequirePanelAsync(this EvaluationDb db, Guid tenderId, CancellationToken ct) =>
        await db.PanelAsync(tenderId, ct) ?? throw new ConflictException(EvaluationCodes.PanelNotDrawn);

    public static Task<List<ScoreSheet>> SheetsAsync(this EvaluationDb db, Guid tenderId, CancellationToken ct) =>
        db.ScoreSheets().Where(s => s.TenderId == tenderId).ToListAsync(ct);

    /// <summary>
    /// The basis of the past-performance score of each bidding agency (by agency id), from the final performance grades this
    /// database holds (DOMAIN.md §8); empty when the scheme has no past-performance criterion or the bids are not opened.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, PastPerformanceBasis>> PastPerformanceAsync(
        this EvaluationDb db, EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids, PastPerformanceRules rules, CancellationToken ct)
    {
        if (!tender.PastPerformanceCriteria.Any() || tender.GradeCutoff is not { } cutoff || bids.Count == 0)
        {
            return new Dictionary<Guid, PastPerformanceBasis>();
        }

        var agencies = bids.Select(b => b.AgencyId).Distinct().ToList();
        var grades = await db.Set<PerformanceEvaluation>().AsNoTracking()
            .Where(e => agencies.Contains(e.AgencyId) && e.Stage == Awards.Domain.PerformanceStage.Final)
            .Select(e => new { e.AgencyId, e.ContractId, e.Grade, e.Score, e.SubmittedAt })
            .ToListAsync(ct);
        return agencies.ToDictionary(
            a => a,
            a => rules.Basis(a, grades.Where(g => g.AgencyId == a).Select(g => new RecordedGrade(g.ContractId, g.Grade, g.Score, g.SubmittedAt)), cutoff));
    }

    /// <summary>Saves; a lost race (a concurrency token or the one-panel / one-sheet index) answers 409.</summary>
    public static async Task SaveOrConflictAsync(this EvaluationDb db, CancellationToken ct, Func<ConflictException>? duplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency");
        }
        catch (DbUpdateException) when (duplicate is not null)
        {
            throw duplicate();
        }
    }

    public static void RaiseFailed(this EvaluationDb db, EvaluatedTender tender, TenderFailure failure, DateTimeOffset at) =>
        db.Raise(new TenderFailed(tender.TenderId, failure.ValidBids, failure.MinimumValidBids, failure.Reason, at));

    /// <summary>When every bid has its verdict, concludes the review (raising <c>TenderFailed</c> when too few passed).</summary>
    public static void ConcludeComplianceWhenDone(this EvaluationDb db, EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids, DateTimeOffset at)
    {
        if (tender.Stage != EvaluationStage.ComplianceReview || bids.Any(b => b.Compliance == ComplianceVerdict.Pending))
        {
            return;
        }

        if (tender.ConcludeCompliance(bids.Count(b => b.IsValid), at) is { } failure)
        {
            db.RaiseFailed(tender, failure, at);
        }
    }

    /// <summary>When every sheet is in and accepted, ranks the bids, completes the evaluation and raises <c>EvaluationCompleted</c>.</summary>
    public static void CompleteWhenScored(
        this EvaluationDb db, EvaluatedTender tender, Panel panel, IReadOnlyList<EvaluatedBid> bids, IEnumerable<ScoreSheet> sheets,
        IReadOnlyDictionary<Guid, PastPerformanceBasis> pastPerformance, DateTimeOffset at)
    {
        if (tender.Stage != EvaluationStage.Scoring
            || EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, pastPerformance) is not { Count: > 0 } ranking)
        {
            return;
        }

        tender.Complete(at);
        var winner = ranking[0];
        db.Raise(new EvaluationCompleted(
            tender.TenderId,
            tender.PurchasingUnitId,
            [.. ranking.Select(r => new RankedBid(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))],
            winner.BidId,
            winner.AgencyId,
            [.. bids.Where(b => b.Compliance == ComplianceVerdict.Failed).Select(b => new InvalidBid(b.BidId, b.AgencyId, b.ComplianceReasons))],
            at));
    }
}
