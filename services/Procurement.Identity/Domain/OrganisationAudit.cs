namespace Procurement.Identity.Domain;

/// <summary>What happened to an organisation.</summary>
public enum OrganisationChange
{
    Created,
    Renamed,
    Deactivated,
    Reactivated,

    /// <summary>An agency registered itself (awaiting its e-mail confirmation).</summary>
    Registered,

    /// <summary>The agency's contact confirmed the e-mail: the agency is active.</summary>
    RegistrationConfirmed,

    Suspended,
    Reinstated,

    // Changes to one of the organisation's users (OrganisationAudit.UserId names the user).
    UserInvited,
    UserJoined,
    RoleGranted,
    RoleRevoked,
    UserDeactivated,
    UserReactivated,
}

/// <summary>
/// One change to an organisation: what changed from what to what, who did it and when. Rows are only ever
/// added; <c>GET /api/identity/organisations/{id}/history</c> reads them.
/// </summary>
public sealed class OrganisationAudit
{
    public const int ValueMaxLength = 400;
    public const int ActorNameMaxLength = 256;

    public OrganisationAudit(
        Guid id, Guid organisationId, OrganisationChange change, string? oldValue, string? newValue,
        string? actorId, string actorName, DateTimeOffset at)
    {
        Id = id;
        OrganisationId = organisationId;
        Change = change;
        OldValue = Clip(oldValue);
        NewValue = Clip(newValue);
        ActorId = actorId;
        ActorName = actorName.Length > ActorNameMaxLength ? actorName[..ActorNameMaxLength] : actorName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The user the change concerns, for changes to a user of the organisation; null for the organisation's own.</summary>
    public Guid? UserId { get; set; }

    public OrganisationChange Change { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    /// <summary>The user id (<c>sub</c>) of who made the change; null for the command line.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }

    private static string? Clip(string? value) => value is { Length: > ValueMaxLength } ? value[..ValueMaxLength] : value;
}
