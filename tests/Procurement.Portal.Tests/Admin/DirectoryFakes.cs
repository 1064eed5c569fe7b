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

    public Task<ICollection<OrganisationNameResponse>> ListOrganisationNamesAsync(IEnumerable<OrganisationKind>? kind, CancellationToken cancellationToken) =>
        Task.FromResult<ICollection<OrganisationNameResponse>>(
            [.. Organisations.Where(o => o.Active && (kind is null || !kind.Any() || kind.Contains(o.Kind))).Select(o => new OrganisationNameResponse { Id = o.Id, Name = o.Name, Kind = o.Kind })]);

    public Task<OrganisationResponse> GetOrganisationAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Organisations.Single(o => o.Id == id));

    public Task<OrganisationResponse> DeactivateOrganisationAsync(Guid id, CancellationToken cancellationToken) => Change(id, "deactivate", o => o.Active = false);

    public Task<OrganisationResponse> ReactivateOrganisationAsync(Guid id, CancellationToken cancellationToken) => Change(id, "reactivate", o => o.Active = true);

    public Task<OrganisationResponse> RenameOrganisationAsync(Guid id, RenameOrganisationRequest body, CancellationToken cancellationToken) =>
        Change(id, "rename:" + body.Name, o => o.Name = body.Name!);

    public Task<OrganisationResponse> SuspendAgencyAsync(Guid id, SuspendOrganisationRequest body, CancellationToken cancellationToken) =>
        Change(id, "suspend:" + body.Reason, o =>
        {
            o.Suspended = true;
            o.SuspendedAt = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
            o.SuspensionReason = body.Reason;
        });

    public Task<OrganisationResponse> ReinstateAgencyAsync(Guid id, CancellationToken cancellationToken) =>
        Change(id, "reinstate", o =>
        {
            o.Suspended = false;
            o.SuspendedAt = null;
            o.SuspensionReason = null;
        });

    public Task<OrganisationResponse> GetOwnOrganisationAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("IOrganisationsClient.GetOwnOrganisationAsync was not expected");

    public Task<AgencyRegistrationAccepted> RegisterAgencyAsync(AgencyRegistrationRequest body, CancellationToken cancellationToken) =>
        throw new NotSupportedException("IOrganisationsClient.RegisterAgencyAsync was not expected");

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

internal sealed class UsersFake : IUsersClient
{
    public List<UserResponse> Users { get; } = [];

    public List<Guid?> Listed { get; } = [];

    public List<InviteUserRequest> Invited { get; } = [];

    public List<(Guid Id, string What)> Changed { get; } = [];

    public List<UserChangeResponse> History { get; } = [];

    /// <summary>The refusal the next invitation or change gets.</summary>
    public ApiException? Refusal { get; set; }

    public UserResponse Add(string userName, string displayName, OrganisationKind kind, string organisation, bool joined = true, params string[] roles)
    {
        var user = new UserResponse
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, Email = userName + "@district.example",
            OrganisationId = Guid.NewGuid(), OrganisationName = organisation, OrganisationKind = kind, Roles = [.. roles],
            Joined = joined, Active = true, InvitedAt = joined ? null : new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero),
        };
        Users.Add(user);
        return user;
    }

    public Task<ICollection<UserResponse>> ListUsersAsync(Guid? organisationId, bool? active, CancellationToken cancellationToken)
    {
        Listed.Add(organisationId);
        return Task.FromResult<ICollection<UserResponse>>([.. Users.Where(u => organisationId is null || u.OrganisationId == organisationId)]);
    }

    public Task<UserResponse> InviteUserAsync(InviteUserRequest body, CancellationToken cancellationToken)
    {
        RefuseIfTold();
        Invited.Add(body);
        var user = Add(body.UserName ?? body.Email!, body.DisplayName!, OrganisationKind.PurchasingUnit, "", false, [.. body.Roles ?? []]);
        user.Email = body.Email;
        return Task.FromResult(user);
    }

    public Task<UserResponse> GetUserAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Users.Single(u => u.Id == id));

    public Task<UserResponse> DeactivateUserAsync(Guid id, DeactivateUserRequest? body, CancellationToken cancellationToken) =>
        Change(id, "deactivate:" + body?.Reason, u => u.Active = false);

    public Task<ICollection<UserChangeResponse>> GetUserHistoryAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<ICollection<UserChangeResponse>>(History);

    public Task<UserResponse> ResendInvitationAsync(Guid id, CancellationToken cancellationToken) => Change(id, "resend", _ => { });

    public async Task SendPasswordResetAsync(Guid id, CancellationToken cancellationToken) => await Change(id, "reset", _ => { });

    public Task<UserResponse> ReactivateUserAsync(Guid id, CancellationToken cancellationToken) => Change(id, "reactivate", u => u.Active = true);

    public Task<UserResponse> GrantRoleAsync(Guid id, GrantRoleRequest body, CancellationToken cancellationToken) =>
        Change(id, "grant:" + body.Role, u => u.Roles = [.. u.Roles, body.Role!]);

    public Task<UserResponse> RevokeRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        Change(id, "revoke:" + role, u => u.Roles = [.. u.Roles.Where(r => r != role)]);

    private Task<UserResponse> Change(Guid id, string what, Action<UserResponse> change)
    {
        RefuseIfTold();
        var user = Users.Single(u => u.Id == id);
        Changed.Add((id, what));
        change(user);
        return Task.FromResult(user);
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
