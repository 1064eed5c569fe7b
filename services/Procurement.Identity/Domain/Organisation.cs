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
}

/// <summary>
/// The organisation a person belongs to. Its id travels in every access token as <c>org_id</c>, and the
/// services scope what a caller may see by it (an agency's user sees only that agency's bids).
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int UnifiedSocialCreditCodeLength = 18;

    public Organisation(Guid id, string name, OrganisationKind kind, string? unifiedSocialCreditCode = null)
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

        Id = id;
        Name = name;
        Kind = kind;
        UnifiedSocialCreditCode = unifiedSocialCreditCode;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>统一社会信用代码; government units and agencies have one, an individual expert has none.</summary>
    public string? UnifiedSocialCreditCode { get; private set; }
}
