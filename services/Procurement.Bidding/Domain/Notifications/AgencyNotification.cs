using Procurement.ServiceDefaults.Notifications;

namespace Procurement.Bidding.Domain.Notifications;

public enum NotificationKind
{
    /// <summary>The tender was amended (更正公告).</summary>
    TenderAmended,

    /// <summary>An answer that can change bids was published (答疑澄清).</summary>
    TenderClarified,

    /// <summary>The bids were opened and the opening record (开标记录) published.</summary>
    BidsOpened,
}

/// <summary>
/// One message in an agency's inbox. The text is kept as a code and its arguments, not as prose, so each
/// reader gets it in their own language (<see cref="NotificationTexts"/>); the arguments are plain values
/// already formatted for people (titles, Beijing times, numbers). What every notice has (id, time, read) is <see cref="Notice"/>.
/// </summary>
public sealed class AgencyNotification : Notice
{
    private AgencyNotification()
    {
    }

    public Guid AgencyId { get; private set; }

    public Guid TenderId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The text's code in <see cref="NotificationTexts"/>.</summary>
    public string Code { get; private set; } = "";

    public IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <summary>The same notice for every agency given, once each.</summary>
    public static IEnumerable<AgencyNotification> To(
        IEnumerable<Guid> agencyIds, Guid tenderId, NotificationKind kind, string code, IEnumerable<string> arguments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var args = arguments.Select(Clip).ToList().AsReadOnly();
        return agencyIds.Distinct().Select(agencyId => new AgencyNotification
        {
            AgencyId = agencyId,
            TenderId = tenderId,
            Kind = kind,
            Code = code,
            Arguments = args,
            CreatedAt = now,
        });
    }
}
