using Procurement.Evaluation.Awards.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Performance.Domain;

/// <summary>One indicator of a contract's indicator system, with its weight in percent.</summary>
public sealed record PerformanceIndicator(string Name, string Unit, decimal Target, decimal Weight);

/// <summary>
/// An active contract as performance evaluation sees it (from <c>ContractActivated</c>): its parties, its
/// indicator system (from the KPIs, weights summing to 100) and the evaluators assigned per stage.
/// </summary>
public sealed class ContractUnderEvaluation
{
    /// <summary>A contract without KPIs still gets evaluated, against one indicator carrying the whole weight.</summary>
    public const string OverallIndicator = "Overall service delivery";

    private ContractUnderEvaluation()
    {
        Indicators = [];
        Assignments = [];
    }

    public Guid ContractId { get; private set; }

    public Guid? TenderId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public IReadOnlyList<PerformanceIndicator> Indicators { get; private set; }

    /// <summary>The evaluator organisation assigned to each stage.</summary>
    public IReadOnlyList<EvaluatorAssignment> Assignments { get; private set; }

    public DateTimeOffset ActivatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? Outcome { get; private set; }

    public int Version { get; private set; }

    public static ContractUnderEvaluation Attach(
        Guid contractId, Guid? tenderId, Guid programId, Guid purchasingUnitId, Guid agencyId, DateOnly start, DateOnly end,
        IReadOnlyList<KpiTerm> kpis, DateTimeOffset activatedAt, PerformanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(rules);
        IReadOnlyList<KpiTerm> measured = kpis.Count > 0 ? kpis : [new KpiTerm(OverallIndicator, "score", rules.MaximumScore)];
        var weights = rules.EqualWeights(measured.Count);
        return new ContractUnderEvaluation
        {
            ContractId = contractId,
            TenderId = tenderId,
            ProgramId = programId,
            PurchasingUnitId = purchasingUnitId,
            AgencyId = agencyId,
            Start = start,
            End = end,
            Indicators = [.. measured.Select((k, i) => new PerformanceIndicator(k.Name, k.Unit, k.Target, weights[i]))],
            ActivatedAt = activatedAt,
        };
    }

    public bool HasEnded => EndedAt is not null;

    public bool IsParty(Guid organisationId) => organisationId == PurchasingUnitId || organisationId == AgencyId;

    public bool IsAssignedEvaluator(Guid organisationId) => Assignments.Any(a => a.EvaluatorOrganisationId == organisationId);

    /// <summary>The purchaser sets new weights, one per indicator by name, while no evaluation has been submitted.</summary>
    public void Reweigh(IReadOnlyList<(string Name, decimal Weight)> weights, bool anyEvaluationSubmitted, PerformanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rules);
        EnsureNotEnded();
        if (anyEvaluationSubmitted)
        {
            throw new ConflictException(PerformanceCodes.IndicatorWeightsLocked);
        }

        var names = weights.Select(w => w.Name).ToList();
        if (names.Count != Indicators.Count || names.Distinct(StringComparer.Ordinal).Count() != names.Count
            || !Indicators.All(i => names.Contains(i.Name, StringComparer.Ordinal)))
        {
            throw new RuleViolationException(PerformanceCodes.IndicatorsDoNotMatch, "indicators", string.Join(", ", Indicators.Select(i => i.Name)));
        }

        rules.CheckWeights([.. weights.Select(w => w.Weight)]);
        var byName = weights.ToDictionary(w => w.Name, w => w.Weight, StringComparer.Ordinal);
        Indicators = [.. Indicators.Select(i => i with { Weight = byName[i.Name] })];
        Version++;
    }

    /// <summary>The purchaser assigns (or re-assigns, until that stage is evaluated) a third-party evaluator to a stage.</summary>
    public void Assign(PerformanceStage stage, Guid evaluatorOrganisationId, string assignedBy, bool stageEvaluated, DateTimeOffset now)
    {
        EnsureNotEnded();
        if (stageEvaluated)
        {
            throw new ConflictException(PerformanceCodes.StageAlreadyEvaluated, stage.ToString(), PerformanceTexts.Chinese(stage));
        }

        Assignments = [.. Assignments.Where(a => a.Stage != stage), new EvaluatorAssignment(stage, evaluatorOrganisationId, assignedBy, now)];
        Version++;
    }

    public EvaluatorAssignment? AssignmentFor(PerformanceStage stage) => Assignments.FirstOrDefault(a => a.Stage == stage);

    /// <summary>The contract completed or was terminated: no more evaluations or changes.</summary>
    public void Close(string outcome, DateTimeOffset endedAt)
    {
        if (HasEnded)
        {
            return;
        }

        Outcome = outcome;
        EndedAt = endedAt;
        Version++;
    }

    public void EnsureNotEnded()
    {
        if (HasEnded)
        {
            throw new ConflictException(PerformanceCodes.ContractEnded, Outcome);
        }
    }
}

/// <summary>The evaluator organisation the purchaser assigned to one stage.</summary>
public sealed record EvaluatorAssignment(PerformanceStage Stage, Guid EvaluatorOrganisationId, string AssignedBy, DateTimeOffset AssignedAt);
