using Procurement.ServiceDefaults.Problems;

namespace Procurement.Tendering.Domain;

/// <summary>The service domains of DOMAIN.md §3.</summary>
public enum ServiceDomain
{
    Elderly,
    ChildrenAndYouth,
    Family,
    Disability,
    CommunityCorrection,
    DrugRehabilitation,
    SocialAssistance,
    Medical,
    CommunityBuilding,
    Other,
}

/// <summary>
/// A standing public need (服务项目) that lasts for years and is funded by one contract after another.
/// It belongs to the purchasing unit that created it.
/// </summary>
public sealed class ServiceProgram
{
    private ServiceProgram()
    {
    }

    public Guid Id { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string Region { get; private set; } = "";

    public ServiceDomain ServiceDomain { get; private set; }

    public DateOnly ActiveFrom { get; private set; }

    public DateOnly? ActiveUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public static ServiceProgram Create(
        Guid purchasingUnitId, string name, string region, ServiceDomain domain, DateOnly activeFrom, DateOnly? activeUntil, DateTimeOffset now)
    {
        if (activeUntil is { } until && until < activeFrom)
        {
            throw new RuleViolationException("program_span_reversed", "activeUntil", activeFrom, until);
        }

        return new ServiceProgram
        {
            Id = Guid.CreateVersion7(),
            PurchasingUnitId = purchasingUnitId,
            Name = name.Trim(),
            Region = region.Trim(),
            ServiceDomain = domain,
            ActiveFrom = activeFrom,
            ActiveUntil = activeUntil,
            CreatedAt = now,
            Version = 1,
        };
    }
}
