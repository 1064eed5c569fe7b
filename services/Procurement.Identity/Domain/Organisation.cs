using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Identity.Domain;

/// <summary>What part an organisation plays on the platform (DOMAIN.md §1); a person's role follows from it.</summary>
public enum OrganisationKind
{
    PurchasingUnit,
    Agency,
    EvaluationOrganisation,
    FinanceDepartment,
    Oversight,
    PlatformOperator,

    /// <summary>国库支付中心: releases payments (the role <c>treasury</c>).</summary>
    TreasuryOffice,

    /// <summary>审计 / 纪检: reads everything, changes nothing (the role <c>auditor</c>).</summary>
    AuditOffice,

    /// <summary>The expert pool evaluators are drawn from (the role <c>evaluator</c>).</summary>
    ExpertPool,
}

/// <summary>
/// The organisation a person belongs to. Its id travels in every access token as <c>org_id</c>, and the
/// services scope what a caller may see by it (an agency's user sees only that agency's bids). An agency's confirmation,
/// suspension and reinstatement record the events the other services keep their directory by.
/// </summary>
public sealed class Organisation : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    public const int NameMaxLength = 200;
    public const int UnifiedSocialCreditCodeLength = 18;

    public const int RegionMaxLength = 100;
    public const int DivisionCodeLength = 6;

    public Organisation(
        Guid id, string name, OrganisationKind kind, string? unifiedSocialCreditCode = null, string? region = null, string? divisionCode = null)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An organisation needs an id.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
        {
            throw new ArgumentException($"An organisation needs a name of at most {NameMaxLength} characters.", nameof(name));
        }

        if (unifiedSocialCreditCode is not null && unifiedSocialCreditCode.Length != UnifiedSocialCreditCodeLength)
        {
            throw new ArgumentException("A unified social credit code has 18 characters.", nameof(unifiedSocialCreditCode));
        }

        if (divisionCode is not null && !AdministrativeDivision.IsCode(divisionCode))
        {
            throw new ArgumentException("An administrative division code has six digits (GB/T 2260).", nameof(divisionCode));
        }

        if (region is not null && (string.IsNullOrWhiteSpace(region) || region.Length > RegionMaxLength))
        {
            throw new ArgumentException($"A region has at most {RegionMaxLength} characters.", nameof(region));
        }

        Id = id;
        Name = name;
        Kind = kind;
        UnifiedSocialCreditCode = unifiedSocialCreditCode;
        Region = region;
        DivisionCode = divisionCode;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>统一社会信用代码; government units and agencies have one, an individual expert has none.</summary>
    public string? UnifiedSocialCreditCode { get; private set; }

    /// <summary>The region a purchasing unit serves, e.g. 深圳市福田区; other kinds may leave it empty.</summary>
    public string? Region { get; private set; }

    /// <summary>行政区划代码 (GB/T 2260), six digits, e.g. 440304; a purchasing unit has one.</summary>
    public string? DivisionCode { get; private set; }

    /// <summary>When it was deactivated; null while active. A deactivated organisation stays (its users and history refer to it).</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool Active => DeactivatedAt is null;

    // An agency's registration (DOMAIN.md §12): it registers itself, and is active once its contact confirms the e-mail.
    public const int RegistrationAuthorityMaxLength = 100;
    public const int LegalRepresentativeMaxLength = 50;
    public const int AddressMaxLength = 200;
    public const int SuspensionReasonMaxLength = 500;

    /// <summary>登记管理机关 of a self-registered agency.</summary>
    public string? RegistrationAuthority { get; private set; }

    /// <summary>法定代表人 of a self-registered agency.</summary>
    public string? LegalRepresentative { get; private set; }

    /// <summary>The day a self-registered agency was registered with its authority.</summary>
    public DateOnly? RegistrationDate { get; private set; }

    /// <summary>A self-registered agency's registered address.</summary>
    public string? Address { get; private set; }

    /// <summary>
    /// Since when a self-registered agency waits for its contact to confirm the e-mail; null once confirmed (and for
    /// every organisation that did not register itself). A registration that waits longer than its link is released.
    /// </summary>
    public DateTimeOffset? AwaitingConfirmationSince { get; private set; }

    /// <summary>When the administrator suspended the agency; null while not suspended. A suspended agency may not bid.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    /// <summary>Why it was suspended; the agency sees it.</summary>
    public string? SuspensionReason { get; private set; }

    public bool Suspended => SuspendedAt is not null;

    /// <summary>A new self-registered agency, waiting for its contact's e-mail confirmation.</summary>
    public static Organisation RegisterAgency(
        Guid id, string name, string unifiedSocialCreditCode, string registrationAuthority, string legalRepresentative,
        DateOnly registrationDate, string address, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationAuthority);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalRepresentative);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new Organisation(id, name, OrganisationKind.Agency, unifiedSocialCreditCode)
        {
            RegistrationAuthority = registrationAuthority.Trim(),
            LegalRepresentative = legalRepresentative.Trim(),
            RegistrationDate = registrationDate,
            Address = address.Trim(),
            AwaitingConfirmationSince = now,
        };
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    /// <summary>
    /// The contact confirmed the e-mail: the agency is active from now on, and records <see cref="AgencyRegistered"/> with
    /// its contact's name, phone and e-mail.
    /// </summary>
    public void ConfirmRegistration(string contactName, string contactPhone, string contactEmail, DateTimeOffset now)
    {
        AwaitingConfirmationSince = null;
        _events.Record(new AgencyRegistered(
            Id, Name, UnifiedSocialCreditCode!, RegistrationAuthority!, LegalRepresentative!, RegistrationDate!.Value, Address!,
            contactName, contactPhone, contactEmail, now));
    }

    /// <summary>Suspends the agency with a reason; records <see cref="AgencySuspended"/>.</summary>
    public void Suspend(string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > SuspensionReasonMaxLength)
        {
            throw new ArgumentException($"A suspension needs a reason of at most {SuspensionReasonMaxLength} characters.", nameof(reason));
        }

        SuspendedAt = at;
        SuspensionReason = reason.Trim();
        _events.Record(new AgencySuspended(Id, SuspensionReason, at));
    }

    /// <summary>Lifts the suspension; records <see cref="AgencyReinstated"/>.</summary>
    public void Reinstate(DateTimeOffset at)
    {
        SuspendedAt = null;
        SuspensionReason = null;
        _events.Record(new AgencyReinstated(Id, at));
    }

    /// <summary>Its public particulars, as <see cref="OrganisationsListed"/> carries them to the open data.</summary>
    public ListedOrganisation Listed() => new(Id, Name, Kind.ToString(), Region, DivisionCode);

    /// <summary>
    /// Records its name for the open data's parties (<see cref="OrganisationsListed"/>), once it is created or renamed: an
    /// organisation's name is public; an agency's, from its confirmed registration on (<see cref="AgencyRegistered"/>).
    /// </summary>
    public void Announce(DateTimeOffset now) => _events.Record(new OrganisationsListed([Listed()], now));

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
        {
            throw new ArgumentException($"An organisation needs a name of at most {NameMaxLength} characters.", nameof(name));
        }

        Name = name;
    }

    public void Deactivate(DateTimeOffset at) => DeactivatedAt = at;

    public void Reactivate() => DeactivatedAt = null;
}
