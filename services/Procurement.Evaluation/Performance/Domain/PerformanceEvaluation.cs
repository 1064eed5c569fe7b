using Procurement.Contracts.Evaluation;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.Performance.Domain;

/// <summary>One indicator's score in a submitted evaluation, with the weight it counted at.</summary>
public sealed record IndicatorScore(string Indicator, decimal Weight, decimal Score, string Comment);

/// <summary>A submitted performance evaluation (绩效评估) of one stage of a contract.</summary>
public sealed class PerformanceEvaluation : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private PerformanceEvaluation()
    {
        EvaluatorUserId = string.Empty;
        Scores = [];
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public PerformanceStage Stage { get; private set; }

    public Guid EvaluatorOrganisationId { get; private set; }

    public string EvaluatorUserId { get; private set; }

    public IReadOnlyList<IndicatorScore> Scores { get; private set; }

    public decimal Score { get; private set; }

    public PerformanceGrade Grade { get; private set; }

    public bool Passed { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>
    /// The assigned evaluator of <paramref name="stage"/> scores every indicator once (0–100, with a comment); the
    /// weighted score and its grade follow from <paramref name="rules"/>.
    /// </summary>
    public static PerformanceEvaluation Submit(
        ContractUnderEvaluation contract, PerformanceStage stage, Guid evaluatorOrganisationId, string evaluatorUserId,
        IReadOnlyList<(string Indicator, decimal Score, string Comment)> scores, bool stageEvaluated, PerformanceRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(rules);
        contract.EnsureNotEnded();
        if (contract.AssignmentFor(stage)?.EvaluatorOrganisationId != evaluatorOrganisationId)
        {
            throw new NotPermittedException(PerformanceCodes.EvaluatorNotAssigned, stage.ToString(), PerformanceTexts.Chinese(stage));
        }

        if (stageEvaluated)
        {
            throw new ConflictException(PerformanceCodes.StageAlreadyEvaluated, stage.ToString(), PerformanceTexts.Chinese(stage));
        }

        var names = scores.Select(s => s.Indicator).ToList();
        if (names.Count != contract.Indicators.Count || names.Distinct(StringComparer.Ordinal).Count() != names.Count
            || !contract.Indicators.All(i => names.Contains(i.Name, StringComparer.Ordinal)))
        {
            throw new RuleViolationException(
                PerformanceCodes.ScoresDoNotMatchIndicators, "scores", string.Join(", ", contract.Indicators.Select(i => i.Name)));
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (!rules.IsScoreInRange(scores[i].Score))
            {
                throw new RuleViolationException(PerformanceCodes.ScoreOutOfRange, $"scores[{i}].score", scores[i].Indicator, scores[i].Score, rules.MaximumScore);
            }
        }

        var byName = scores.ToDictionary(s => s.Indicator, StringComparer.Ordinal);
        var counted = contract.Indicators
            .Select(i => new IndicatorScore(i.Name, i.Weight, byName[i.Name].Score, byName[i.Name].Comment.Trim()))
            .ToList();
        var score = rules.WeightedScore(counted.Select(s => (s.Score, s.Weight)));
        var band = rules.GradeFor(score);
        var evaluation = new PerformanceEvaluation
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.ContractId,
            ProgramId = contract.ProgramId,
            AgencyId = contract.AgencyId,
            Stage = stage,
            EvaluatorOrganisationId = evaluatorOrganisationId,
            EvaluatorUserId = evaluatorUserId,
            Scores = counted,
            Score = score,
            Grade = band.Grade,
            Passed = band.Passed,
            SubmittedAt = now,
        };
        evaluation._events.Record(new PerformanceEvaluated(
            evaluation.Id, evaluation.ContractId, evaluation.ProgramId, evaluation.AgencyId, stage.ToString(),
            score, band.Grade.ToString(), band.Passed, now, evaluation.EvaluatorOrganisationId));
        return evaluation;
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;
}
