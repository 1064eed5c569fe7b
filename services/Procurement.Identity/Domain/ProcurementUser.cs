using Microsoft.AspNetCore.Identity;

namespace Procurement.Identity.Domain;

/// <summary>A person who signs in. Every person belongs to exactly one organisation (DOMAIN.md §1).</summary>
public sealed class ProcurementUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

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
}
