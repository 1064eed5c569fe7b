using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.BidEvaluation.Data;

/// <summary>
/// Loading and saving the bid-evaluation entities, nothing more: what the stage changes decide is the domain's
/// (<see cref="EvaluationConclusion"/>), and the events they raise are raised by <see cref="EvaluationSteps"/>.
/// </summary>
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
    /// The past-performance basis of each bidding agency (by agency id): <see cref="PastPerformanceRules"/> says whose grades
    /// count and what they are worth; this reads the final grades this database holds (DOMAIN.md §8) for those agencies.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, PastPerformanceBasis>> PastPerformanceAsync(
        this EvaluationDb db, EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids, PastPerformanceRules rules, CancellationToken ct)
    {
        var agencies = PastPerformanceRules.AgenciesScored(tender, bids);
        if (agencies.Count == 0)
        {
            return rules.Bases(tender, agencies, []);
        }

        var grades = await db.Set<PerformanceEvaluation>().AsNoTracking()
            .Where(e => agencies.Contains(e.AgencyId) && e.Stage == PerformanceStage.Final)
            .Select(e => new { e.AgencyId, e.ContractId, e.Grade, e.Score, e.SubmittedAt })
            .ToListAsync(ct);
        return rules.Bases(tender, agencies, [.. grades.Select(g => (g.AgencyId, new RecordedGrade(g.ContractId, g.Grade, g.Score, g.SubmittedAt)))]);
    }
}
