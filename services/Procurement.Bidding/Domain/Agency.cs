using Procurement.Rules;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Domain;

/// <summary>A person to reach at the agency. The shape of phone and email is checked where the request is read.</summary>
public sealed record AgencyContact(string Name, string Phone, string Email)
{
    public const int MaxContacts = 5;

    /// <summary>A mainland mobile (13x–19x, 11 digits) or a landline with its area code and an optional extension.</summary>
    public static bool IsPhone(string? phone) => ContactRules.IsPhone(phone);

    /// <summary>Something@domain.tld, no spaces: a shape check, not proof the mailbox exists.</summary>
    public static bool IsEmail(string? email) => ContactRules.IsEmail(email);

    public static AgencyContact Create(string name, string phone, string email)
    {
        if (string.IsNullOrWhiteSpace(name) || !IsPhone(phone) || !IsEmail(email))
        {
            throw new ArgumentException("A contact needs a name, a phone number and an email address of the right shape.");
        }

        return new AgencyContact(name.Trim(), phone.Trim(), email.Trim());
    }
}

/// <summary>A ban from bidding (禁止参加政府采购活动), both days inclusive; no end date means until lifted.</summary>
public sealed record Debarment(DateOnly From, DateOnly? Until, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
{
    public bool Covers(DateOnly date) => From <= date && (Until is null || date <= Until);
}

/// <summary>What an agency says about itself; the code is already checked (GB 32100-2015).</summary>
public sealed record AgencyProfile(
    string Name, UnifiedSocialCreditCode UnifiedSocialCreditCode, DateOnly RegistrationDate, string Address, IReadOnlyList<AgencyContact> Contacts);

/// <summary>
/// A social-work agency (社会工作服务机构) as a bidder. Its id is the organisation id its users carry
/// (<c>org_id</c>), so an agency user can only ever keep its own profile.
/// </summary>
public sealed class Agency
{
    private List<AgencyContact> _contacts = [];

    private Agency()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public UnifiedSocialCreditCode UnifiedSocialCreditCode { get; private set; } = null!;

    public DateOnly RegistrationDate { get; private set; }

    public string Address { get; private set; } = "";

    public IReadOnlyList<AgencyContact> Contacts => _contacts;

    // The debarment is kept in plain columns so both providers map it without an optional complex type.
    public DateOnly? DebarredFrom { get; private set; }

    public DateOnly? DebarredUntil { get; private set; }

    public string? DebarmentReason { get; private set; }

    public string? DebarredBy { get; private set; }

    public DateTimeOffset? DebarmentRecordedAt { get; private set; }

    public Debarment? Debarment => DebarredFrom is { } from
        ? new Debarment(from, DebarredUntil, DebarmentReason!, DebarredBy!, DebarmentRecordedAt!.Value)
        : null;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <param name="today">Today in Asia/Shanghai: an agency cannot have been registered after it.</param>
    public static Agency Register(Guid organisationId, AgencyProfile profile, DateOnly today, DateTimeOffset now)
    {
        var agency = new Agency { Id = organisationId, RegisteredAt = now, Version = 0 };
        agency.Update(profile, today, now);
        return agency;
    }

    public void Update(AgencyProfile profile, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Address);
        if (RegistrationDateRules.Check(profile.RegistrationDate, today) is { } future)
        {
            throw new RuleViolationException(future.Code, future.Field, new FieldName(future.Field), today);
        }

        if (profile.Contacts.Count is 0 or > AgencyContact.MaxContacts)
        {
            throw new RuleViolationException("agency_contacts_count", "contacts", AgencyContact.MaxContacts);
        }

        Name = profile.Name.Trim();
        UnifiedSocialCreditCode = profile.UnifiedSocialCreditCode;
        RegistrationDate = profile.RegistrationDate;
        Address = profile.Address.Trim();
        _contacts = [.. profile.Contacts];
        Touch(now);
    }

    /// <summary>An admin bars the agency from bidding from one day to another, both inclusive; a new debarment replaces the old.</summary>
    public void Debar(DateOnly from, DateOnly? until, string reason, string recordedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (until is { } end && end < from)
        {
            throw new RuleViolationException("debarment_span_reversed", "until", Iso(from), Iso(end));
        }

        DebarredFrom = from;
        DebarredUntil = until;
        DebarmentReason = reason.Trim();
        DebarredBy = recordedBy;
        DebarmentRecordedAt = now;
        Touch(now);
    }

    /// <summary>Lifting a debarment that is not there changes nothing (and keeps the version).</summary>
    public void LiftDebarment(DateTimeOffset now)
    {
        if (DebarredFrom is null)
        {
            return;
        }

        DebarredFrom = null;
        DebarredUntil = null;
        DebarmentReason = null;
        DebarredBy = null;
        DebarmentRecordedAt = null;
        Touch(now);
    }

    public bool IsDebarredOn(DateOnly date) => Debarment?.Covers(date) ?? false;

    /// <summary>
    /// When the platform administrator suspended the agency's registration (Identity's <c>AgencySuspended</c>); null while
    /// not suspended. A suspended agency may not bid; unlike a debarment it has no end day, it lasts until reinstated.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    /// <summary>Why the registration was suspended, as the administrator wrote it; the agency sees it.</summary>
    public string? SuspensionReason { get; private set; }

    public bool Suspended => SuspendedAt is not null;

    public void Suspend(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        SuspendedAt = at;
        SuspensionReason = reason.Trim();
        Touch(at);
    }

    public void Reinstate(DateTimeOffset now)
    {
        if (SuspendedAt is null)
        {
            return;
        }

        SuspendedAt = null;
        SuspensionReason = null;
        Touch(now);
    }

    /// <summary>The caller's copy is stale: someone changed the agency since they read version <paramref name="expected"/>.</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } version && version != Version)
        {
            throw new ConflictException("concurrency");
        }
    }

    /// <summary>Dates in messages are ISO 8601 in every language (the invariant culture would write 11/26/2026).</summary>
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
