using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>The service domains a program (and so an expert) can have: the names Tendering's programs carry.</summary>
public static class ServiceDomains
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Elderly", "ChildrenAndYouth", "Family", "Disability", "CommunityCorrection", "DrugRehabilitation",
        "SocialAssistance", "Medical", "CommunityBuilding", "Other",
    ];
}

/// <summary>One job an expert held: the organisation (an agency's organisation id when it was one) and the dates.</summary>
/// <param name="OrganisationId">The employer's organisation id.</param>
/// <param name="OrganisationName">The employer's name.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day; null while the expert still works there.</param>
public sealed record Employment(Guid OrganisationId, string OrganisationName, DateOnly From, DateOnly? To)
{
    /// <summary>Whether this job overlaps the days from <paramref name="windowStart"/> to <paramref name="drawDay"/>.</summary>
    public bool Overlaps(DateOnly windowStart, DateOnly drawDay) => From <= drawDay && (To is null || To.Value >= windowStart);
}

/// <summary>An expert of the pool (评审专家), kept by admins; it belongs to one evaluator user.</summary>
public sealed class Expert
{
    private Expert()
    {
        Name = "";
        EvaluatorUserId = "";
        ServiceDomains = [];
        Employment = [];
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The evaluator user (token subject) who acts as this expert.</summary>
    public string EvaluatorUserId { get; private set; }

    public IReadOnlyList<string> ServiceDomains { get; private set; }

    public IReadOnlyList<Employment> Employment { get; private set; }

    public bool Available { get; private set; }

    public int Version { get; private set; }

    public static Expert Create(
        Guid id, string name, string evaluatorUserId, IReadOnlyList<string> domains, IReadOnlyList<Employment> employment, bool available)
    {
        var expert = new Expert { Id = id, Version = 1 };
        expert.Apply(name, evaluatorUserId, domains, employment, available);
        return expert;
    }

    public void Edit(string name, string evaluatorUserId, IReadOnlyList<string> domains, IReadOnlyList<Employment> employment, bool available, int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new ConflictException("concurrency");
        }

        Apply(name, evaluatorUserId, domains, employment, available);
        Version++;
    }

    private void Apply(string name, string evaluatorUserId, IReadOnlyList<string> domains, IReadOnlyList<Employment> employment, bool available)
    {
        foreach (var job in employment)
        {
            if (job.To is { } to && to < job.From)
            {
                throw new RuleViolationException(EvaluationCodes.EmploymentSpanReversed, "employment", job.OrganisationName, job.From, to);
            }
        }

        Name = name.Trim();
        EvaluatorUserId = evaluatorUserId.Trim();
        ServiceDomains = [.. domains.Distinct(StringComparer.Ordinal)];
        Employment = [.. employment];
        Available = available;
    }

    /// <summary>Whether the expert worked for any of <paramref name="organisations"/> within the rule's window before <paramref name="drawDay"/>.</summary>
    public bool WorkedForWithin(IReadOnlySet<Guid> organisations, DateOnly drawDay, EvaluationRules rules)
    {
        var windowStart = rules.ConflictWindowStart(drawDay);
        return Employment.Any(job => organisations.Contains(job.OrganisationId) && job.Overlaps(windowStart, drawDay));
    }
}

/// <summary>A conflict of interest an expert declared (利害关系申报): against an agency or a tender, with a reason.</summary>
public sealed class ConflictDeclaration
{
    private ConflictDeclaration()
    {
        Reason = "";
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public Guid? TenderId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public static ConflictDeclaration Declare(Guid expertId, Guid? agencyId, Guid? tenderId, string reason, DateTimeOffset at)
    {
        if ((agencyId is null) == (tenderId is null))
        {
            throw new RuleViolationException(EvaluationCodes.ConflictTargetRequired, agencyId is null ? "agencyId" : "tenderId");
        }

        return new ConflictDeclaration
        {
            Id = Guid.CreateVersion7(), ExpertId = expertId, AgencyId = agencyId, TenderId = tenderId, Reason = reason.Trim(), DeclaredAt = at,
        };
    }

    /// <summary>Whether this declaration concerns <paramref name="tenderId"/> or one of its bidding agencies.</summary>
    public bool Concerns(Guid tenderId, IReadOnlySet<Guid> biddingAgencies) =>
        TenderId == tenderId || (AgencyId is { } agency && biddingAgencies.Contains(agency));
}
