using Microsoft.AspNetCore.Identity;
using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Identity.Domain;

/// <summary>A person who signs in. Every person belongs to exactly one organisation (DOMAIN.md §1).</summary>
public sealed class ProcurementUser : IdentityUser<Guid>, IRecordsEvents
{
    public const int DisplayNameMaxLength = 100;

    private readonly PendingEvents _events = new();

    public ProcurementUser()
    {
        Id = Guid.CreateVersion7();
    }

    public ProcurementUser(Guid id, string userName, string displayName, Guid organisationId)
        : base(userName)
    {
        if (id == Guid.Empty || organisationId == Guid.Empty)
        {
            throw new ArgumentException("A user needs an id and an organisation.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > DisplayNameMaxLength)
        {
            throw new ArgumentException($"A user needs a display name of at most {DisplayNameMaxLength} characters.", nameof(displayName));
        }

        Id = id;
        DisplayName = displayName;
        OrganisationId = organisationId;
    }

    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>When the user was deactivated; null while active. A deactivated user cannot sign in, and every token they held was ended.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    /// <summary>
    /// An evaluator of the expert pool <paramref name="organisationId"/> accepted the invitation: they join the pool with the
    /// service domains kept since the invitation, and record <see cref="ExpertJoinedPool"/>.
    /// </summary>
    public void JoinExpertPool(Guid organisationId, IReadOnlyList<string> serviceDomains, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serviceDomains);
        if (organisationId != OrganisationId)
        {
            throw new ArgumentException($"User {Id} belongs to organisation {OrganisationId}, not {organisationId}.", nameof(organisationId));
        }

        _events.Record(new ExpertJoinedPool(Id, organisationId, DisplayName, [.. serviceDomains], now));
    }
}
