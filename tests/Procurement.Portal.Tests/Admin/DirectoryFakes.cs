using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Admin;

// Fakes of the generated clients the directory screens call: they keep what they were asked and answer from their lists;
// a member a test does not expect refuses to be called.

internal sealed class OrganisationsFake : IOrganisationsClient
{
    public List<OrganisationResponse> Organisations { get; } = [];

    public List<(OrganisationKind? Kind, bool? Active)> Listed { get; } = [];

    public List<CreateOrganisationRequest> Created { get; } = [];

    public List<(Guid Id, string What)> Changed { get; } = [];

    public List<OrganisationChangeResponse> History { get; } = [];

    /// <summary>The refusal the next create, rename or state change gets.</summary>
    public ApiException? Refusal { get; set; }

    public OrganisationResponse Add(string name, OrganisationKind kind, bool active = true)
    {
        var organisation = new OrganisationResponse { Id = Guid.NewGuid(), Name = name, Kind = kind, Active = active };
        Organisations.Add(organisation);
        return organisation;
    }

    public Task<OrganisationResponse> CreateOrganisationAsync(CreateOrganisationRequest body, CancellationToken cancellationToken)
    {
        RefuseIfTold();
        Created.Add(body);
        return Task.FromResult(Add(body.Name!, body.Kind!.Value));
    }

    public Task<ICollection<OrganisationResponse>> ListOrganisationsAsync(OrganisationKind? kind, bool? active, CancellationToken cancellationToken)
    {
        Listed.Add((kind, active));
        return Task.FromResult<ICollection<OrganisationResponse>>([.. Organisations.Where(o => kind is null || o.Kind == kind)]);
    }

    public Task<OrganisationResponse> GetOrganisationAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Organisations.Single(o => o.Id == id));

    public Task<OrganisationResponse> DeactivateOrganisationAsync(Guid id, CancellationToken cancellationToken) => Change(id, "deactivate", o => o.Active = false);

    public Task<OrganisationResponse> ReactivateOrganisationAsync(Guid id, CancellationToken cancellationToken) => Change(id, "reactivate", o => o.Active = true);

    public Task<OrganisationResponse> RenameOrganisationAsync(Guid id, RenameOrganisationRequest body, CancellationToken cancellationToken) =>
        Change(id, "rename:" + body.Name, o => o.Name = body.Name!);

    public Task<ICollection<OrganisationChangeResponse>> GetOrganisationHistoryAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<ICollection<OrganisationChangeResponse>>(History);

    private Task<OrganisationResponse> Change(Guid id, string what, Action<OrganisationResponse> change)
    {
        RefuseIfTold();
        var organisation = Organisations.Single(o => o.Id == id);
        Changed.Add((id, what));
        change(organisation);
        return Task.FromResult(organisation);
    }

    private void RefuseIfTold()
    {
        if (Refusal is { } refusal)
        {
            Refusal = null;
            throw refusal;
        }
    }
}

internal sealed class SecurityEventsFake : IIdentityClient
{
    public List<(DateTimeOffset? From, DateTimeOffset? To, string? UserName, string? Kind, int? Page, int? PageSize)> Asked { get; } = [];

    public List<SecurityEventResponse> Events { get; } = [];

    public Task<SecurityEventPage> ListSecurityEventsAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? userName, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        Asked.Add((from, to, userName, kind, page, pageSize));
        var number = page ?? 1;
        var size = pageSize ?? 50;
        return Task.FromResult(new SecurityEventPage
        {
            Items = [.. Events.Skip((number - 1) * size).Take(size)],
            Page = number,
            PageSize = size,
            Total = Events.Count,
        });
    }
}
