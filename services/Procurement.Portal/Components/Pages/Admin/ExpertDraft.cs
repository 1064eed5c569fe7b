using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Admin;

/// <summary>One job on the expert form: the employer (an agency of the directory) and the dates.</summary>
public sealed class EmploymentDraft
{
    public Guid? OrganisationId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>
/// The expert being added or edited on the admin's expert pool page, and the request it becomes (the API's
/// <c>ExpertRequest</c>: name, evaluator account, service domains, employment, availability, and the version read).
/// </summary>
public sealed class ExpertDraft
{
    /// <summary>The service domains an expert may cover: the programs' (Evaluation accepts the same names).</summary>
    public static IReadOnlyList<string> Domains { get; } = Enum.GetNames<ServiceDomain>();

    public Guid? Id { get; private init; }

    public int? Version { get; private init; }

    public string? Name { get; set; }

    public string? EvaluatorUserId { get; set; }

    public HashSet<string> ServiceDomains { get; } = new(StringComparer.Ordinal);

    public List<EmploymentDraft> Employment { get; } = [];

    public bool Available { get; set; } = true;

    public static ExpertDraft New() => new();

    public static ExpertDraft Of(ExpertResponse expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var draft = new ExpertDraft
        {
            Id = expert.Id, Version = expert.Version, Name = expert.Name, EvaluatorUserId = expert.EvaluatorUserId, Available = expert.Available,
        };
        draft.ServiceDomains.UnionWith(expert.ServiceDomains);
        draft.Employment.AddRange(expert.Employment.Select(e => new EmploymentDraft { OrganisationId = e.OrganisationId, From = e.From, To = e.To }));
        return draft;
    }

    public void Toggle(string domain, bool on)
    {
        if (on)
        {
            ServiceDomains.Add(domain);
        }
        else
        {
            ServiceDomains.Remove(domain);
        }
    }

    /// <summary>The request, naming each employer from the directory (an employer no longer listed keeps its recorded name).</summary>
    public ExpertRequest Request(IReadOnlyDictionary<Guid, string> employers, ExpertResponse? recorded = null) => new()
    {
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        EvaluatorUserId = string.IsNullOrWhiteSpace(EvaluatorUserId) ? null : EvaluatorUserId.Trim(),
        ServiceDomains = [.. Domains.Where(ServiceDomains.Contains)],
        Employment = [.. Employment.Select(e => new EmploymentBody
        {
            OrganisationId = e.OrganisationId,
            OrganisationName = e.OrganisationId is { } id
                ? employers.GetValueOrDefault(id) ?? recorded?.Employment.FirstOrDefault(r => r.OrganisationId == id)?.OrganisationName
                : null,
            From = e.From,
            To = e.To,
        })],
        Available = Available,
        Version = Version,
    };

    /// <summary>The same expert with only its availability changed (deactivate / reactivate).</summary>
    public static ExpertRequest WithAvailability(ExpertResponse expert, bool available)
    {
        var request = Of(expert).Request(new Dictionary<Guid, string>(), expert);
        request.Available = available;
        return request;
    }
}
