using Procurement.Portal.Client;

namespace Procurement.Portal.Api;

/// <summary>
/// The names of the platform's organisations for one circuit (a scoped service): read once from Identity's directory
/// (<c>GET /api/identity/organisations/names</c>, any signed-in person) and then answered from memory, so that a page
/// shows a purchasing unit, an agency, an evaluation organisation or a treasury office by its name where the API
/// answers an id. An id the directory does not know (a deactivated organisation, or a directory that could not be
/// read) is shown by its first eight characters.
/// </summary>
public sealed partial class OrganisationNames(IOrganisationsClient organisations, ILogger<OrganisationNames> logger)
{
    /// <summary>The kinds a performance evaluation is assigned to: evaluation organisations and the expert pool.</summary>
    public static readonly IReadOnlyList<OrganisationKind> EvaluatorKinds = [OrganisationKind.EvaluationOrganisation, OrganisationKind.ExpertPool];

    private IReadOnlyDictionary<Guid, OrganisationNameResponse> _directory = new Dictionary<Guid, OrganisationNameResponse>();
    private Task? _loading;

    /// <summary>Whether the directory was read (false until then, and after a refused read).</summary>
    public bool Loaded { get; private set; }

    /// <summary>
    /// Reads the directory the first time it is asked for in this circuit; later calls (from any page) wait for that one
    /// read. A refused read is logged and tried again on the next call: until then every id is shown short.
    /// </summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) =>
        (_loading ??= ReadAsync()).WaitAsync(cancellationToken);

    /// <summary>The organisation's name; its short id when the directory does not know it.</summary>
    public string Of(Guid id) => Known(id) ?? Short(id);

    /// <summary>The organisation's name; null when the directory does not know it.</summary>
    public string? Known(Guid id) => _directory.TryGetValue(id, out var organisation) ? organisation.Name : null;

    /// <summary>The active organisations of the given kinds, by name.</summary>
    public IReadOnlyList<OrganisationNameResponse> OfKinds(IEnumerable<OrganisationKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var wanted = kinds.ToHashSet();
        return [.. _directory.Values.Where(o => wanted.Contains(o.Kind)).OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A contract as a person names it: its program's name and its agency's (“示范区养老服务 · 阳光社工”). Who may not
    /// read the program (the agency: programs are the purchasing unit's) reads the purchasing unit's name in its place.
    /// </summary>
    public string Contract(string? programName, Guid purchasingUnitId, Guid agencyId) =>
        $"{(string.IsNullOrWhiteSpace(programName) ? Of(purchasingUnitId) : programName)} · {Of(agencyId)}";

    /// <summary>An instalment's contract, named by <see cref="Contract(string?, Guid, Guid)"/> from the programs the caller reads.</summary>
    public string Contract(InstalmentResponse instalment, IReadOnlyDictionary<Guid, string> programNames)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        ArgumentNullException.ThrowIfNull(programNames);
        return Contract(programNames.GetValueOrDefault(instalment.ProgramId), instalment.PurchasingUnitId, instalment.AgencyId);
    }

    /// <summary>The first eight characters of an id: what is shown only when no name is known.</summary>
    public static string Short(Guid id) => id.ToString("N")[..8];

    private async Task ReadAsync()
    {
        try
        {
            var names = await organisations.ListOrganisationNamesAsync(null, CancellationToken.None);
            _directory = names.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
            Loaded = true;
        }
        catch (ApiException e)
        {
            LogDirectoryRefused(logger, e.StatusCode);
            _loading = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The directory of organisation names answered {Status}: organisations are shown by their short ids.")]
    private static partial void LogDirectoryRefused(ILogger logger, int status);
}
